// The store's half for syncs: a fetched tunebook applied (core's sync plan)
// in one transaction with its run, and the runs kept as history.
#include <nlohmann/json.hpp>

#include "core/sync_plan.h"
#include "shell/store.h"
#include "shell/store_json.h"

namespace tt {

using nlohmann::json;

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
  std::unordered_set<int64_t> known;
  {
    Statement s(db_.handle(), "SELECT id FROM tune");
    while (s.step()) known.insert(s.int_at(0));
  }
  std::unordered_map<int64_t, bool> collected;
  {
    Statement s(db_.handle(), "SELECT tune_id, in_tunebook FROM collection");
    while (s.step()) collected.emplace(s.int_at(0), s.int_at(1) != 0);
  }
  const SyncPlan plan = plan_sync(fetched, known, collected);

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
  add_new_entries(plan.collection_to_add, default_status, "tunebook", true, step);
  Statement flag(db_.handle(), "UPDATE collection SET in_tunebook = ?2 WHERE tune_id = ?1");
  for (const int64_t id : plan.left_tunebook) {
    flag.bind(1, id).bind(2, int64_t{0}).run();
    step();
  }
  for (const int64_t id : plan.back_in_tunebook) {
    flag.bind(1, id).bind(2, int64_t{1}).run();
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
                            bool in_tunebook, const std::function<void()>& step) {
  const int64_t now = clock_();
  CollectionEntry fresh;
  change_status(fresh, status, now);  // "learned" takes its date now
  Statement insert(db_.handle(),
                   "INSERT OR IGNORE INTO collection (tune_id, learn_status, learned_at, created_at, updated_at, "
                   "source, in_tunebook) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)");
  for (const int64_t id : tune_ids) {
    insert.bind(1, id).bind(2, to_string(fresh.status)).bind(3, fresh.learned_at_ms).bind(4, now)
        .bind(5, source).bind(6, int64_t{in_tunebook ? 1 : 0}).run();
    step();
  }
}

void Store::record_sync_run(int64_t member_id, int64_t started_at_ms, const SyncResult& r) {
  Change tx(*this, "record_sync_run");
  Statement s(db_.handle(),
              "INSERT INTO sync_run (member_id, started_at, finished_at, status, tunes_fetched, tunes_created, "
              "person_tunes_added, person_tunes_skipped, left_tunebook, errors, message, kind, sets_added, "
              "sets_already_there, set_entries_skipped) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  s.bind(1, member_id).bind(2, started_at_ms).bind(3, started_at_ms + r.duration_ms)
      .bind(4, to_string(r.status)).bind(5, r.tunes_fetched).bind(6, r.tunes_created)
      .bind(7, r.person_tunes_added).bind(8, r.person_tunes_skipped).bind(9, r.left_tunebook)
      .bind(10, json(r.errors).dump()).bind(11, r.message).bind(12, to_string(r.kind)).bind(13, r.sets_added)
      .bind(14, r.sets_already_there).bind(15, r.set_entries_skipped).run();
  tx.commit();
}

std::vector<SyncRunRecord> Store::sync_runs(int limit) {
  Statement s(db_.handle(),
              "SELECT id, member_id, started_at, finished_at, status, tunes_fetched, tunes_created, "
              "person_tunes_added, person_tunes_skipped, left_tunebook, errors, message, kind, sets_added, "
              "sets_already_there, set_entries_skipped FROM sync_run ORDER BY id DESC LIMIT ?1");
  s.bind(1, limit);
  std::vector<SyncRunRecord> out;
  while (s.step()) {
    SyncRunRecord r;
    r.id = s.int_at(0);
    r.member_id = s.int_at(1);
    r.started_at_ms = s.int_at(2);
    r.finished_at_ms = s.int_at(3);
    r.status = s.text_at(4);
    r.tunes_fetched = static_cast<int>(s.int_at(5));
    r.tunes_created = static_cast<int>(s.int_at(6));
    r.person_tunes_added = static_cast<int>(s.int_at(7));
    r.person_tunes_skipped = static_cast<int>(s.int_at(8));
    r.left_tunebook = static_cast<int>(s.int_at(9));
    r.errors = json_strings(s.text_at(10));
    r.message = s.text_at(11);
    r.kind = s.text_at(12);
    r.sets_added = static_cast<int>(s.int_at(13));
    r.sets_already_there = static_cast<int>(s.int_at(14));
    r.set_entries_skipped = static_cast<int>(s.int_at(15));
    out.push_back(std::move(r));
  }
  return out;
}
}  // namespace tt
