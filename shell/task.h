#pragma once
// Task<T>: a C++20 coroutine that can wait for the network without blocking.
// The device sync is written once, as tasks: the command line's transport
// answers at once (a task then runs to its end as a plain call would), the
// page's answers when fetch() settles (the task goes on from there, and the
// page keeps drawing and taking changes meanwhile).
//
// A task starts when it is awaited, or by start() at the top; an exception
// thrown inside comes out of the co_await (or result()). Single-threaded.
// A task that ends without waiting returns to its caller as a call would; one
// that waited resumes its caller when it ends (the stack then is as deep as
// tasks are nested, from the callback that brought the answer).
//
// GCC 12's coroutines mishandle temporaries that live across a wait (seen
// here as a crash in free, and as garbage in a braced argument). So, in a task:
//   - never co_await inside an operand of &&, || or ?: ; await into a named
//     value, then test it;
//   - build a co_await'ed call's arguments into named values first;
//   - loop over a named container when the loop waits, not over a
//     function's result or a braced list.
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <utility>

#if __has_include(<coroutine>)
#include <coroutine>
namespace tt::coro {
using std::coroutine_handle;
using std::suspend_always;
}  // namespace tt::coro
#else  // Debian's Emscripten 3.1.6 has libc++ 14's experimental header only
#include <experimental/coroutine>
namespace tt::coro {
using std::experimental::coroutine_handle;
using std::experimental::suspend_always;
}  // namespace tt::coro
#endif

namespace tt {

template <typename T>
class [[nodiscard]] Task {
 public:
  struct promise_type {
    std::optional<T> value;
    std::exception_ptr error;
    coro::coroutine_handle<> continuation;  // the task awaiting this one
    std::function<void()> on_done;          // or, at the top, who to tell

    // The task awaiting this one is still inside await_suspend, waiting for
    // resume() to come back: a task that ends before it first waits hands
    // back there, not through resume() (so loops of quick tasks never
    // deepen the stack).
    bool running_inline = false;

    Task get_return_object() { return Task(Handle::from_promise(*this)); }
    coro::suspend_always initial_suspend() noexcept { return {}; }
    struct Finished {
      bool await_ready() noexcept { return false; }
      // No symmetric transfer (returning the next handle): it needs tail
      // calls, which WebAssembly builds do not have. The awaiting task goes on
      // from here instead, on a stack that began with the browser's callback.
      void await_suspend(coro::coroutine_handle<promise_type> self) noexcept {
        promise_type& promise = self.promise();
        if (promise.running_inline) return;  // Task::await_suspend goes on with it
        if (promise.continuation) {
          promise.continuation.resume();
        } else if (promise.on_done) {
          promise.on_done();
        }
      }
      void await_resume() noexcept {}
    };
    Finished final_suspend() noexcept { return {}; }
    template <typename U>
    void return_value(U&& result) {
      value.emplace(std::forward<U>(result));
    }
    void unhandled_exception() { error = std::current_exception(); }
  };
  using Handle = coro::coroutine_handle<promise_type>;

  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  Task& operator=(Task&& other) noexcept {
    if (this != &other) {
      if (handle_) handle_.destroy();
      handle_ = std::exchange(other.handle_, {});
    }
    return *this;
  }
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  ~Task() {
    if (handle_) handle_.destroy();
  }

  // Awaited from another task: runs this one until it first waits or ends.
  // Ended: the awaiting task goes straight on (false). Waiting: the
  // awaiting task waits too, and is resumed when this one ends.
  bool await_ready() const noexcept { return false; }
  bool await_suspend(coro::coroutine_handle<> awaiting) {
    promise_type& promise = handle_.promise();
    promise.continuation = awaiting;
    promise.running_inline = true;
    handle_.resume();
    if (handle_.done()) return false;
    promise.running_inline = false;
    return true;
  }
  T await_resume() { return take(); }

  // At the top: runs until it first waits (or ends); `on_done` is called when it ends.
  void start(std::function<void()> on_done = nullptr) {
    handle_.promise().on_done = std::move(on_done);
    handle_.resume();
  }
  bool done() const { return handle_ && handle_.done(); }
  T result() {
    if (!done()) throw std::logic_error("a task's result was asked for before it ended");
    return take();
  }

 private:
  explicit Task(Handle handle) : handle_(handle) {}
  T take() {
    promise_type& promise = handle_.promise();
    if (promise.error) std::rethrow_exception(promise.error);
    return std::move(*promise.value);
  }
  Handle handle_;
};

// Runs a task whose every wait is answered at once (the command line's
// transport) and returns its result.
template <typename T>
T run_now(Task<T> task) {
  task.start();
  if (!task.done()) throw std::logic_error("a task run now waited for an answer that comes later");
  return task.result();
}

// co_await answered(f): suspends until `f(done)` calls done(value), which may
// happen at once (then nothing is suspended) or later.
template <typename T>
class Answered {
 public:
  using Ask = std::function<void(std::function<void(T)> done)>;
  explicit Answered(Ask ask) : ask_(std::move(ask)) {}
  bool await_ready() const noexcept { return false; }
  bool await_suspend(coro::coroutine_handle<> waiting) {
    waiting_ = waiting;
    ask_([this](T value) {
      value_.emplace(std::move(value));
      if (suspended_) waiting_.resume();
    });
    if (value_) return false;  // answered at once: go straight on
    suspended_ = true;
    return true;
  }
  T await_resume() { return std::move(*value_); }

 private:
  Ask ask_;
  std::optional<T> value_;
  coro::coroutine_handle<> waiting_;
  bool suspended_ = false;
};

}  // namespace tt
