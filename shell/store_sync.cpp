// The store's half for syncs: a fetched tunebook applied (core's sync plan)
// in one transaction with its run, and the runs kept as history.
#include "core/sync_plan.h"
#include "shell/store.h"

namespace tt {

ApplyOutcome Store::apply_sync(const std::vector<TuneSummary>& fetched, LearnStatus default_status,
                               const std::function<void(double)>& progress) {
  Change tx(*this, "apply_sync");
  const ApplyOutcome outcome = write_sync_plan(fetched, default_status, progress);
  tx.commit();
  return outcome;
}

ApplyOutcome Store::apply_and_record_sync(const std::vector<TuneSummary>& fetched, LearnStatus default_status,
                                        int64_t member_id, int64_t started_at_ms,
                                        const std::function<SyncResult(const ApplyOutcome&)>& finish,
                                        const std::function<void(double)>& progress) {
  Change tx(*this, "apply_sync");
  const ApplyOutcome outcome = write_sync_plan(fetched, default_status, progress);
  record_sync_run(member_id, started_at_ms, finish(outcome));
  tx.commit();
  return outcome;
}

ApplyOutcome Store::write_sync_plan(const std::vector<TuneSummary>& fetched, LearnStatus default_status,
                                    const std::function<void(double)>& progress) {
  const SyncPlan plan = plan_sync(fetched, tunes_.ids(), collection_.in_tunebook_flags());

  const size_t total_steps = plan.tunes_to_create.size() + plan.collection_to_add.size() +
                             plan.left_tunebook.size() + plan.back_in_tunebook.size();
  size_t done = 0;
  const auto step = [&] {
    ++done;
    if (progress && total_steps > 0 && (done % 256 == 0 || done == total_steps)) {
      progress(static_cast<double>(done) / static_cast<double>(total_steps));
    }
  };

  for (const auto& t : plan.tunes_to_create) {
    ensure_tune_row(t);
    step();
  }
  add_new_entries(plan.collection_to_add, default_status, "tunebook", true, clock_(), step);
  for (const int64_t id : plan.left_tunebook) {
    collection_.set_in_tunebook(id, false);
    step();
  }
  for (const int64_t id : plan.back_in_tunebook) {
    collection_.set_in_tunebook(id, true);
    step();
  }

  ApplyOutcome outcome;
  outcome.tunes_created = static_cast<int>(plan.tunes_to_create.size());
  outcome.person_tunes_added = static_cast<int>(plan.collection_to_add.size());
  outcome.person_tunes_skipped = static_cast<int>(plan.collection_skipped.size());
  outcome.left_tunebook = static_cast<int>(plan.left_tunebook.size());
  return outcome;
}

void Store::add_new_entries(const std::vector<int64_t>& tune_ids, LearnStatus status, std::string_view source,
                            bool in_tunebook, int64_t now, const std::function<void()>& step) {
  CollectionEntry fresh;
  change_status(fresh, status, now);  // "learned" takes its date now
  for (const int64_t id : tune_ids) {
    collection_.insert(id, fresh, source, in_tunebook, now);
    step();
  }
}

void Store::record_sync_run(int64_t member_id, int64_t started_at_ms, const SyncResult& result) {
  Change tx(*this, "record_sync_run");
  sync_runs_.insert(member_id, started_at_ms, result);
  tx.commit();
}

std::vector<SyncRunRecord> Store::sync_runs(int limit) { return sync_runs_.newest(limit); }

}  // namespace tt
