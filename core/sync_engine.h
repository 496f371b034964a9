#pragma once
// The sync as a sans-I/O state machine, for a member's tunebook or their sets
// (SyncOptions::what). It is fed events (start, a response arrived, a timer
// fired, the plan was applied, cancel) and answers with commands (fetch this
// URL, wait N ms, apply what was fetched, done).
// Both kinds share everything but what a page holds: page 1 goes first and
// tells how many pages there are, the rest go with bounded concurrency, each
// request gets the retry policy (transient failures only), progress moves by
// requests answered, and nothing is applied unless every page arrived.
// A sets sync also fetches the page of each tune its new sets name that the
// store does not know (core/sets_sync.h says when and why): those share the
// concurrency bound with the pages (pages go first), get the same retries,
// and a 404 there leaves that entry out with a reason instead of failing.
// It never blocks, sleeps or reads a clock: time comes in with the events.
// Request and timer ids are the engine's own; a shell that runs several syncs
// maps them to ids unique for its lifetime (shell/sync_session.h).
// The same engine runs in the browser's event loop and in the CLI's blocking
// loop; unit tests drive it with a fake clock.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <stdexcept>
#include <unordered_set>
#include <variant>
#include <vector>

#include "core/http_outcome.h"
#include "core/learn_status.h"
#include "core/retry_policy.h"
#include "core/sets_sync.h"
#include "core/sync_result.h"
#include "core/thesession_api.h"

namespace tt {

struct SyncOptions {
  SyncKind what = SyncKind::Tunebook;
  int64_t member_id = 0;
  ApiEndpoint endpoint{"https://thesession.org", false};
  int per_page = 50;
  int concurrency = 4;  // thesession.org is a community site: be polite
  RetryPolicy retry;
  LearnStatus default_status = LearnStatus::WantToLearn;
  // Sets only: tune ids the store knows (no page fetched for them) and the
  // thesession ids of sets already brought in (left as they are).
  // SyncSession fills both from the store when a sets sync starts.
  std::unordered_set<int64_t> known_tunes;
  std::unordered_set<int64_t> known_sets;
};

// The engine's commands. The shell performs them and reports back; it never
// reaches into the engine for data, everything it needs travels in the command.
namespace sync {
struct Fetch {   // GET `url`; answer with on_response(id, ...)
  int id = 0;
  std::string url;
  int page = 0;         // a page of the tunebook or of sets; 0 for a tune page
  int64_t tune_id = 0;  // a tune page (sets sync); 0 for a page
  int attempt = 1;      // 1 for the first try
};
struct Wait {    // call on_timer(id) after delay_ms
  int id = 0;
  int64_t delay_ms = 0;
};
struct Apply {   // write the fetched tunebook; answer with on_applied / on_apply_failed
  std::vector<TuneSummary> tunes;  // deduplicated by id, in page order
  LearnStatus default_status = LearnStatus::WantToLearn;
};
struct ApplySets {  // write the fetched sets; answer with on_applied / on_apply_failed
  FetchedSets fetched;
  LearnStatus default_status = LearnStatus::WantToLearn;  // for tunes a set adds to the collection
};
struct Done {    // the sync is over (completed, failed or cancelled)
  SyncResult result;
};
}  // namespace sync
using SyncCommand = std::variant<sync::Fetch, sync::Wait, sync::Apply, sync::ApplySets, sync::Done>;

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
  int sets_added = 0;          // sets sync
  int sets_already_there = 0;  // sets sync: found in the store at apply time
};

class SyncEngine {
 public:
  explicit SyncEngine(SyncOptions options);
  SyncEngine(const SyncEngine&) = delete;  // the sets helper refers to options_
  SyncEngine& operator=(const SyncEngine&) = delete;

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
  // One request: a page (tune_id 0) or a tune page.
  struct InFlight { int page; int64_t tune_id; int attempt; };

  sync::Fetch fetch(const InFlight& what);
  void issue_more(std::vector<SyncCommand>& out);
  // A failed request: a Wait for its retry, or the end of the sync.
  std::vector<SyncCommand> retry_or_fail(const InFlight& request, const HttpOutcome& outcome, int64_t now_ms);
  // A good answer; false with `error` when a page cannot be read.
  bool take_page(const InFlight& request, const std::string& body, std::string& error);
  void take_tune_page(const InFlight& request, const HttpOutcome& outcome);
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
  std::map<int, InFlight> in_flight_;  // request id -> what it asks for
  std::map<int, InFlight> waiting_;    // timer id -> what it will ask for, and the attempt it will be
  std::map<int, std::vector<TuneSummary>> pages_;  // tunebook: page -> its tunes, until merged
  std::vector<int64_t> tunes_to_check_;            // sets: tune pages not yet requested, in order
  size_t next_check_ = 0;
  std::unique_ptr<SetsCollector> sets_;            // sets sync only
  std::vector<std::string> entry_errors_;
  int fetched_count_ = 0;
  int set_entries_skipped_ = 0;
};

}  // namespace tt
