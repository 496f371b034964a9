// The store's half for a sets sync: what it needs to know before it starts
// (the tunes and the sets already here), and its whole write in one
// transaction. Rules come from core/sets_sync.h and core/sets_sync_plan.h;
// the rows are the tables' (shell/tables/).
#include "core/sets_sync_plan.h"
#include "shell/store.h"

namespace tt {

std::unordered_set<int64_t> Store::known_tune_ids() { return tunes_.ids(); }

std::unordered_set<int64_t> Store::collected_ids() { return collection_.ids(); }

std::unordered_set<int64_t> Store::thesession_set_ids() { return sets_.thesession_ids(); }

ApplyOutcome Store::apply_and_record_sets_sync(const FetchedSets& fetched, LearnStatus default_status,
                                               int64_t member_id, int64_t started_at_ms,
                                               const std::function<SyncResult(const ApplyOutcome&)>& finish,
                                               const std::function<void(double)>& progress) {
  Change tx(*this, "apply_sets_sync");
  const std::unordered_set<int64_t> collected = collected_ids();
  const SetsSyncPlan plan = plan_sets_sync(fetched, known_tune_ids(), thesession_set_ids(), collected);
  const size_t steps =
      plan.details.size() + plan.tunes_to_create.size() + plan.collection_to_add.size() + plan.sets_to_add.size();
  size_t done = 0;
  const auto step = [&] {
    ++done;
    if (progress && steps > 0 && (done % 64 == 0 || done == steps)) progress(static_cast<double>(done) / steps);
  };
  for (const TuneDetails& d : plan.details) {
    write_tune_details(d);
    step();
  }
  for (const TuneSummary& t : plan.tunes_to_create) {
    ensure_tune_row(t);
    step();
  }
  const int64_t now = clock_();  // one moment for the new rows and the new sets
  add_new_entries(plan.collection_to_add, default_status, "set", false, now, step);
  for (const NewSet& set : plan.sets_to_add) {
    TuneSet row;
    row.name = set.name;
    row.created_at_ms = row.updated_at_ms = now;
    row.thesession_id = set.thesession_id;
    row.thesession_url = set.url;
    sets_.write_entries(sets_.insert(row), set.entries);
    step();
  }
  ApplyOutcome outcome;
  outcome.tunes_created = plan.tunes_created;
  outcome.person_tunes_added = static_cast<int>(plan.collection_to_add.size());
  outcome.person_tunes_skipped = plan.collection_skipped;
  outcome.sets_added = static_cast<int>(plan.sets_to_add.size());
  outcome.sets_already_there = plan.sets_already_there;
  record_sync_run(member_id, started_at_ms, finish(outcome));
  tx.commit();
  return outcome;
}

}  // namespace tt
