#include "shell/sync_runner.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "shell/http_client.h"
#include "shell/sync_session.h"

namespace tt {

int64_t system_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {

// The CLI's transport: each fetch on its own worker thread (the engine bounds
// how many run at once), timers as due times checked by the loop below.
// Answers arrive from the workers through a mailbox; the session is only
// touched on the runner's thread. A blocking GET cannot be interrupted, so an
// aborted one runs to its timeout and its answer is dropped by the session.
class ThreadedTransport : public SyncTransport {
 public:
  ThreadedTransport(HttpGet get, std::function<int64_t()> now) : get_(std::move(get)), now_(std::move(now)) {}
  ~ThreadedTransport() override {
    for (auto& worker : workers_) worker.join();  // no thread outlives the runner
  }

  uint64_t fetch(const std::string& url) override {
    const uint64_t id = next_id_++;
    workers_.emplace_back([this, id, url] {
      HttpOutcome outcome = get_(url);
      std::lock_guard<std::mutex> lock(mutex_);
      answers_.emplace_back(id, std::move(outcome));
      arrived_.notify_one();
    });
    return id;
  }
  void abort(uint64_t) override {}
  uint64_t start_timer(int64_t delay_ms) override {
    const uint64_t id = next_id_++;
    timers_[id] = now_() + delay_ms;
    return id;
  }
  void cancel_timer(uint64_t id) override { timers_.erase(id); }

  // Waits up to `poll_ms` (less when a timer is due sooner) for answers, and
  // hands over the answers and the timers that are due.
  void wait(int64_t poll_ms, std::deque<std::pair<uint64_t, HttpOutcome>>& answers, std::vector<uint64_t>& due) {
    int64_t wait_ms = poll_ms;
    for (const auto& [id, at] : timers_) wait_ms = std::min(wait_ms, std::max<int64_t>(0, at - now_()));
    std::unique_lock<std::mutex> lock(mutex_);
    arrived_.wait_for(lock, std::chrono::milliseconds(wait_ms), [&] { return !answers_.empty(); });
    answers.swap(answers_);
    lock.unlock();
    const int64_t now = now_();
    for (auto it = timers_.begin(); it != timers_.end();) {
      if (it->second <= now) {
        due.push_back(it->first);
        it = timers_.erase(it);
      } else {
        ++it;
      }
    }
  }

 private:
  HttpGet get_;
  std::function<int64_t()> now_;
  uint64_t next_id_ = 1;
  std::vector<std::thread> workers_;
  std::map<uint64_t, int64_t> timers_;  // id -> due time (ms)
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<std::pair<uint64_t, HttpOutcome>> answers_;
};

}  // namespace

SyncResult run_sync(Store& store, const SyncOptions& options, SyncRunnerHooks hooks) {
  if (!hooks.get) hooks.get = [](const std::string& url) { return http_get(url); };
  if (!hooks.now_ms) hooks.now_ms = system_now_ms;

  ThreadedTransport transport(hooks.get, hooks.now_ms);
  SyncSession session(transport);
  SyncProgress last_reported;
  last_reported.stage = SyncStage::Idle;
  session.on_progress = [&](const SyncProgress& p) {
    if (hooks.on_progress && (p.stage != last_reported.stage || p.percent != last_reported.percent ||
                              p.pages_done != last_reported.pages_done)) {
      last_reported = p;
      hooks.on_progress(p);
    }
  };

  session.start(store, options, hooks.now_ms());
  constexpr int64_t kCancelPollMs = 100;
  while (session.running()) {
    std::deque<std::pair<uint64_t, HttpOutcome>> answers;
    std::vector<uint64_t> due;
    transport.wait(kCancelPollMs, answers, due);
    if (hooks.cancel_requested && hooks.cancel_requested->load()) {
      session.cancel(hooks.now_ms());
      break;
    }
    for (auto& [id, outcome] : answers) session.on_response(id, outcome, hooks.now_ms());
    for (const uint64_t id : due) session.on_timer(id, hooks.now_ms());
  }
  return *session.last_result();
}

}  // namespace tt
