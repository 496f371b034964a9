#pragma once
// One sync session for both front ends (the CLI and the page), for either
// kind of sync (SyncOptions::what: the tunebook, or the member's sets). It owns the
// sans-I/O engine of the sync in progress, performs its commands through a
// transport, and guarantees what the engine cannot know about:
//  - request and timer ids are the transport's, unique for the session's
//    lifetime: an answer for a sync that has ended is dropped, never fed to
//    the next one (engine ids restart at 1 for every sync);
//  - when a sync ends, for any reason, every outstanding fetch is aborted and
//    every timer cancelled;
//  - the plan is applied and the run recorded in ONE transaction; the call
//    that did it says what it changed (SyncStep), and the page saves then;
//  - the apply waits for the transport's next turn (a zero-delay timer): the
//    page's runner fires it after its next frame, so "Adding to collection"
//    is on screen before the write blocks the thread.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "core/sync_engine.h"
#include "shell/actions/changed.h"
#include "shell/store.h"

namespace tt {

// How a front end reaches the network and its timers. The CLI runs fetches on
// threads; the page turns these calls into effects the browser performs.
class SyncTransport {
 public:
  virtual ~SyncTransport() = default;
  // Starts a GET; its answer comes back through SyncSession::on_response with
  // the id returned here. Ids must be unique for the transport's lifetime.
  virtual uint64_t fetch(const std::string& url) = 0;
  virtual void abort(uint64_t request_id) = 0;
  virtual uint64_t start_timer(int64_t delay_ms) = 0;  // -> SyncSession::on_timer(id)
  virtual void cancel_timer(uint64_t timer_id) = 0;
};

// What one call into the session did: whether the event was the running
// sync's (a late answer of an ended one is not), and what it wrote, by the
// slices a front end shows: the plan applied (the collection, the sets and
// practice's candidates) or only the run kept in the history. A sync writes
// once, when it ends, however it ends.
struct SyncStep {
  bool taken = false;
  actions::Changed changed;
  explicit operator bool() const { return taken; }
};

class SyncSession {
 public:
  explicit SyncSession(SyncTransport& transport) : transport_(transport) {}
  SyncSession(const SyncSession&) = delete;
  SyncSession& operator=(const SyncSession&) = delete;

  // Starts a sync that writes to `store`, which must outlive it. A second
  // start while one runs is a SyncProtocolError: cancel it first. For a sets
  // sync the session reads what the store already knows (its tunes, the
  // sets brought in before) into the options, whatever the caller put there.
  SyncStep start(Store& store, const SyncOptions& options, int64_t now_ms);
  // Feed answers and timers. Those that belong to no running sync (a late
  // answer after a failure, a cancel or a retry) are dropped: returns false.
  SyncStep on_response(uint64_t request_id, const HttpOutcome& outcome, int64_t now_ms);
  SyncStep on_timer(uint64_t timer_id, int64_t now_ms);
  SyncStep cancel(int64_t now_ms);

  bool running() const { return engine_ != nullptr && !engine_->finished(); }
  // The sync in progress, or the last one; null before the first.
  const SyncProgress* progress() const { return engine_ ? &engine_->progress() : nullptr; }
  const std::optional<SyncResult>& last_result() const { return last_result_; }
  // Called after every event that moved the sync on (the CLI's progress bar).
  std::function<void(const SyncProgress&)> on_progress;

 private:
  void perform(std::vector<SyncCommand> commands);
  std::vector<SyncCommand> apply(int64_t now_ms);
  void finish(SyncResult result);
  void report();
  SyncStep step();  // the event was taken: what it wrote, and the slate cleaned

  SyncTransport& transport_;
  Store* store_ = nullptr;
  std::unique_ptr<SyncEngine> engine_;
  int64_t started_at_ms_ = 0;
  bool recorded_ = false;  // the run was recorded with the applied plan
  std::map<uint64_t, int> fetches_;  // transport request id -> engine request id
  std::map<uint64_t, int> timers_;   // transport timer id -> engine timer id
  std::optional<std::variant<sync::Apply, sync::ApplySets>> pending_apply_;
  uint64_t apply_timer_ = 0;
  std::optional<SyncResult> last_result_;
  actions::Changed written_;  // by the event being handled
};

}  // namespace tt
