#pragma once
// The tunebook sync as a sans-I/O state machine. It is fed events (start, a
// response arrived, a timer fired, the plan was applied, cancel) and answers
// with commands (fetch this URL, wait N ms, apply the fetched tunes, done).
// It never blocks, sleeps or reads a clock: time comes in with the events.
// Request and timer ids are the engine's own; a shell that runs several syncs
// maps them to ids unique for its lifetime (shell/sync_session.h).
// The same engine runs in the browser's event loop and in the CLI's blocking
// loop; unit tests drive it with a fake clock.
#include <cstdint>
#include <map>
#include <string>
#include <stdexcept>
#include <variant>
#include <vector>

#include "core/http_outcome.h"
#include "core/learn_status.h"
#include "core/retry_policy.h"
#include "core/sync_result.h"
#include "core/thesession_api.h"

namespace tt {

struct SyncOptions {
  int64_t member_id = 0;
  ApiEndpoint endpoint{"https://thesession.org", false};
  int per_page = 50;
  int concurrency = 4;  // thesession.org is a community site: be polite
  RetryPolicy retry;
  LearnStatus default_status = LearnStatus::WantToLearn;
};

// The engine's commands. The shell performs them and reports back; it never
// reaches into the engine for data, everything it needs travels in the command.
namespace sync {
struct Fetch {   // GET `url`; answer with on_response(id, ...)
  int id = 0;
  std::string url;
  int page = 0;
  int attempt = 1;  // 1 for the first try
};
struct Wait {    // call on_timer(id) after delay_ms
  int id = 0;
  int64_t delay_ms = 0;
};
struct Apply {   // write the fetched tunebook; answer with on_applied / on_apply_failed
  std::vector<TuneSummary> tunes;  // deduplicated by id, in page order
  LearnStatus default_status = LearnStatus::WantToLearn;
};
struct Done {    // the sync is over (completed, failed or cancelled)
  SyncResult result;
};
}  // namespace sync
using SyncCommand = std::variant<sync::Fetch, sync::Wait, sync::Apply, sync::Done>;

// A misuse of the protocol (a second start, an answer to a request the engine
// never sent or no longer waits for): a bug in the layer above, said loudly.
// Stale answers after a sync ended are that layer's to drop (see SyncSession).
class SyncProtocolError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// What the store did with the plan (counts), reported back to the engine.
struct ApplyOutcome {
  int tunes_created = 0;
  int person_tunes_added = 0;
  int person_tunes_skipped = 0;
  int left_tunebook = 0;
};

class SyncEngine {
 public:
  explicit SyncEngine(SyncOptions options);

  std::vector<SyncCommand> start(int64_t now_ms);
  std::vector<SyncCommand> on_response(int request_id, const HttpOutcome& outcome, int64_t now_ms);
  std::vector<SyncCommand> on_timer(int timer_id);
  // The shell applies the plan in steps and reports the fraction done (0..1).
  void on_apply_progress(double fraction);
  std::vector<SyncCommand> on_applied(const ApplyOutcome& outcome, int64_t now_ms);
  // The result on_applied would give, without finishing: the shell records it
  // in the same transaction as the plan, before committing.
  SyncResult result_if_applied(const ApplyOutcome& outcome, int64_t now_ms) const;
  std::vector<SyncCommand> on_apply_failed(const std::string& message, int64_t now_ms);
  std::vector<SyncCommand> cancel(int64_t now_ms);

  const SyncOptions& options() const { return options_; }
  const SyncProgress& progress() const { return progress_; }
  const SyncResult& result() const { return result_; }  // final once Done was issued
  bool finished() const { return finished_; }

 private:
  struct InFlight { int page; int attempt; };

  sync::Fetch fetch(int page, int attempt);
  void issue_more_pages(std::vector<SyncCommand>& out);
  std::vector<SyncCommand> fail(SyncFailure failure, std::string message, int64_t now_ms);
  std::vector<SyncCommand> finish_fetching();
  void update_fetch_progress();

  SyncOptions options_;
  SyncProgress progress_;
  SyncResult result_;
  bool started_ = false;
  bool finished_ = false;
  bool applying_ = false;
  int64_t started_at_ms_ = 0;
  int next_id_ = 1;
  int next_page_ = 2;  // next page not yet requested (page 1 goes first, alone)
  std::map<int, InFlight> in_flight_;  // request id -> page
  std::map<int, InFlight> waiting_;    // timer id -> page and the attempt it will be
  std::map<int, std::vector<TuneSummary>> pages_;  // page -> its tunes, until merged
  std::vector<std::string> entry_errors_;
  int fetched_count_ = 0;
};

}  // namespace tt
