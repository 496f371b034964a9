#include "shell/sync_runner.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "shell/http_client.h"

namespace tt {

int64_t system_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {

// Responses arrive from worker threads; the engine is only touched here.
struct Mailbox {
  std::mutex mutex;
  std::condition_variable arrived;
  std::deque<std::pair<int, HttpOutcome>> responses;
};

}  // namespace

SyncResult run_sync(Store& store, const SyncOptions& options, SyncRunnerHooks hooks) {
  if (!hooks.get) hooks.get = [](const std::string& url) { return http_get(url); };
  if (!hooks.now_ms) hooks.now_ms = system_now_ms;

  SyncEngine engine(options);
  Mailbox mailbox;
  std::vector<std::thread> workers;
  std::map<int, int64_t> timers;  // timer id -> due time (ms)
  const int64_t started_at = hooks.now_ms();
  SyncProgress last_reported;
  last_reported.stage = SyncStage::Idle;

  const auto report = [&] {
    const SyncProgress& p = engine.progress();
    if (hooks.on_progress && (p.stage != last_reported.stage || p.percent != last_reported.percent ||
                              p.pages_done != last_reported.pages_done)) {
      last_reported = p;
      hooks.on_progress(p);
    }
  };

  std::deque<SyncCommand> pending;
  const auto enqueue = [&](std::vector<SyncCommand> commands) {
    for (auto& c : commands) pending.push_back(std::move(c));
  };
  enqueue(engine.start(started_at));
  report();

  while (!engine.finished() || !pending.empty()) {
    while (!pending.empty()) {
      SyncCommand command = std::move(pending.front());
      pending.pop_front();
      switch (command.kind) {
        case SyncCommand::Kind::Fetch:
          workers.emplace_back([&mailbox, &hooks, id = command.id, url = command.url] {
            HttpOutcome outcome = hooks.get(url);
            std::lock_guard<std::mutex> lock(mailbox.mutex);
            mailbox.responses.emplace_back(id, std::move(outcome));
            mailbox.arrived.notify_one();
          });
          break;
        case SyncCommand::Kind::Wait:
          timers[command.id] = hooks.now_ms() + command.delay_ms;
          break;
        case SyncCommand::Kind::Apply:
          try {
            const ApplyOutcome applied = store.apply_sync(
                engine.fetched_tunes(), options.default_status, [&](double fraction) {
                  engine.on_apply_progress(fraction);
                  report();
                });
            enqueue(engine.on_applied(applied, hooks.now_ms()));
          } catch (const std::exception& e) {
            enqueue(engine.on_apply_failed(e.what(), hooks.now_ms()));
          }
          break;
        case SyncCommand::Kind::Done:
          break;
      }
      report();
    }
    if (engine.finished()) break;

    // Wait for a response, the next timer, or a cancel request.
    std::unique_lock<std::mutex> lock(mailbox.mutex);
    int64_t wait_ms = 100;  // poll interval for cancellation
    if (!timers.empty()) {
      int64_t next_due = INT64_MAX;
      for (const auto& [id, due] : timers) next_due = std::min(next_due, due);
      wait_ms = std::max<int64_t>(0, std::min(wait_ms, next_due - hooks.now_ms()));
    }
    mailbox.arrived.wait_for(lock, std::chrono::milliseconds(wait_ms),
                             [&] { return !mailbox.responses.empty(); });
    auto responses = std::move(mailbox.responses);
    mailbox.responses.clear();
    lock.unlock();

    if (hooks.cancel_requested && hooks.cancel_requested->load()) {
      enqueue(engine.cancel(hooks.now_ms()));
      continue;
    }
    for (auto& [id, outcome] : responses) enqueue(engine.on_response(id, outcome, hooks.now_ms()));
    const int64_t now = hooks.now_ms();
    for (auto it = timers.begin(); it != timers.end();) {
      if (it->second <= now) {
        enqueue(engine.on_timer(it->first));
        it = timers.erase(it);
      } else {
        ++it;
      }
    }
  }

  // Fetches still running after a failure or cancel finish into a mailbox
  // nobody reads; join them so no thread outlives the runner.
  for (auto& worker : workers) worker.join();

  const SyncResult& result = engine.result();
  try {
    store.record_sync_run(options.member_id, started_at, result);
  } catch (const std::exception&) {
    // The history is a convenience; a sync that applied must not be reported failed for it.
  }
  return result;
}

}  // namespace tt
