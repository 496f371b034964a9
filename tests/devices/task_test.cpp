// Tasks (shell/task.h), as the device sync relies on them: one written once
// runs to its end at once over a transport that answers at once (the command
// line), and over one that answers later (the page) goes on from where it
// waited, with the same result; an exception comes out where it is awaited.
#include "shell/task.h"

#include <gtest/gtest.h>

#include <deque>
#include <stdexcept>
#include <string>

#include "shell/http_transport.h"

namespace tt {
namespace {

// Answers each request with its URL as the body: at once, or when told.
class ScriptedTransport : public HttpTransport {
 public:
  explicit ScriptedTransport(bool at_once) : at_once_(at_once) {}
  void send(const HttpRequest& request, std::function<void(HttpOutcome)> answered) override {
    HttpOutcome outcome;
    outcome.status = 200;
    outcome.body = request.url;
    if (at_once_) {
      answered(outcome);
    } else {
      waiting_.push_back([answered, outcome] { answered(outcome); });
    }
  }
  void wait(int64_t ms, std::function<void(bool)> waited) override {
    waited_ms += ms;
    if (at_once_) {
      waited(true);
    } else {
      waiting_.push_back([waited] { waited(true); });
    }
  }
  bool answer_one() {  // as a fetch() settling later
    if (waiting_.empty()) return false;
    auto next = std::move(waiting_.front());
    waiting_.pop_front();
    next();
    return true;
  }
  int64_t waited_ms = 0;

 private:
  bool at_once_;
  std::deque<std::function<void()>> waiting_;
};

Task<std::string> fetch_body(HttpTransport& transport, std::string url) {
  HttpRequest request;
  request.url = std::move(url);
  const HttpOutcome outcome = co_await transport.sent(request);
  co_return outcome.body;
}

// Three requests and a wait, each awaited by a task awaited in turn.
Task<std::string> three_in_turn(HttpTransport& transport) {
  std::string all = co_await fetch_body(transport, "a");
  co_await transport.waited(250);
  all += co_await fetch_body(transport, "b");
  all += co_await fetch_body(transport, "c");
  co_return all;
}

Task<int> failing(HttpTransport& transport) {
  co_await fetch_body(transport, "x");
  throw std::runtime_error("the folder's listing could not be read");
}

Task<std::string> catching(HttpTransport& transport) {
  try {
    co_await failing(transport);
  } catch (const std::runtime_error& e) {
    co_return std::string("caught: ") + e.what();
  }
  co_return std::string("not thrown");
}

TEST(Task, OverATransportThatAnswersAtOnceItRunsToItsEndLikeACall) {
  ScriptedTransport transport(true);
  EXPECT_EQ(run_now(three_in_turn(transport)), "abc");
  EXPECT_EQ(transport.waited_ms, 250);
}

TEST(Task, OverATransportThatAnswersLaterItGoesOnFromWhereItWaitedWithTheSameResult) {
  ScriptedTransport transport(false);
  Task<std::string> task = three_in_turn(transport);
  bool told = false;
  task.start([&] { told = true; });
  int answers = 0;
  while (!task.done()) {
    ASSERT_FALSE(told);
    ASSERT_TRUE(transport.answer_one()) << "the task waits for an answer that never comes";
    ++answers;
  }
  EXPECT_TRUE(told) << "whoever started it is told it ended";
  EXPECT_EQ(answers, 4) << "three requests and a wait";
  EXPECT_EQ(task.result(), "abc");
}

TEST(Task, RunNowRefusesATaskThatWaitsForALaterAnswer) {
  ScriptedTransport transport(false);
  EXPECT_THROW(run_now(fetch_body(transport, "a")), std::logic_error);
}

TEST(Task, AnExceptionComesOutWhereTheTaskIsAwaited) {
  ScriptedTransport later(false);
  Task<std::string> task = catching(later);
  task.start();
  while (later.answer_one()) {
  }
  ASSERT_TRUE(task.done());
  EXPECT_EQ(task.result(), "caught: the folder's listing could not be read");

  ScriptedTransport at_once(true);
  EXPECT_THROW(run_now(failing(at_once)), std::runtime_error);
}

TEST(Task, ALongChainOfTasksAnsweredAtOnceDoesNotGrowTheStack) {
  // 100,000 awaited tasks in a row, as a sync of many files is: each hands
  // back to the one awaiting it without a nested call.
  struct Loop {
    static Task<int> one(HttpTransport& transport) {
      co_await transport.waited(0);
      co_return 1;
    }
    static Task<int> many(HttpTransport& transport, int n) {
      int sum = 0;
      for (int i = 0; i < n; ++i) sum += co_await one(transport);
      co_return sum;
    }
  };
  ScriptedTransport transport(true);
  EXPECT_EQ(run_now(Loop::many(transport, 100000)), 100000);
}

}  // namespace
}  // namespace tt
