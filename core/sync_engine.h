#pragma once
// The tunebook sync as a sans-I/O state machine. It is fed events (start, a
// response arrived, a timer fired, the plan was applied, cancel) and answers
// with commands (fetch this URL, wait N ms, apply the fetched tunes, done).
// It never blocks, sleeps or reads a clock: time comes in with the events.
// The same engine runs in the browser's event loop and in the CLI's blocking
// loop; unit tests drive it with a fake clock.
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
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

struct SyncCommand {
  enum class Kind { Fetch, Wait, Apply, Done };
  Kind kind = Kind::Done;
  int id = 0;            // request id (Fetch) or timer id (Wait)
  std::string url;       // Fetch
  int page = 0;          // Fetch
  int attempt = 0;       // Fetch: 1 for the first try
  int64_t delay_ms = 0;  // Wait
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
  std::vector<SyncCommand> on_apply_failed(const std::string& message, int64_t now_ms);
  std::vector<SyncCommand> cancel(int64_t now_ms);

  const SyncOptions& options() const { return options_; }
  const SyncProgress& progress() const { return progress_; }
  const SyncResult& result() const { return result_; }  // final once Done was issued
  bool finished() const { return finished_; }

  // The tunebook as fetched: deduplicated by id, in page order. Valid once
  // the Apply command has been issued.
  const std::vector<TuneSummary>& fetched_tunes() const { return fetched_; }
  const std::vector<std::string>& entry_errors() const { return entry_errors_; }

 private:
  struct InFlight { int page; int attempt; };

  SyncCommand fetch(int page, int attempt);
  void issue_more_pages(std::vector<SyncCommand>& out);
  std::vector<SyncCommand> fail(SyncFailure failure, std::string message, int64_t now_ms);
  std::vector<SyncCommand> finish_fetching();
  void update_fetch_progress();

  SyncOptions options_;
  SyncProgress progress_;
  SyncResult result_;
  bool finished_ = false;
  bool applying_ = false;
  int64_t started_at_ms_ = 0;
  int next_id_ = 1;
  int next_page_ = 2;  // next page not yet requested (page 1 goes first, alone)
  std::map<int, InFlight> in_flight_;  // request id -> page
  std::map<int, InFlight> waiting_;    // timer id -> page and the attempt it will be
  std::map<int, std::vector<TuneSummary>> pages_;  // page -> its tunes, until merged
  std::vector<TuneSummary> fetched_;
  std::vector<std::string> entry_errors_;
};

}  // namespace tt
