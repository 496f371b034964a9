// The store's half for a sets sync: what it needs to know before it starts
// (the tunes and the sets already here), and its whole write in one
// transaction. Rules come from core/sets_sync.h; this file reads and writes rows.
#include <unordered_map>

#include "shell/store.h"

namespace tt {

std::unordered_set<int64_t> Store::known_tune_ids() {
  Statement s(db_.handle(), "SELECT id FROM tune");
  std::unordered_set<int64_t> out;
  while (s.step()) out.insert(s.int_at(0));
  return out;
}

std::unordered_set<int64_t> Store::thesession_set_ids() {
  Statement s(db_.handle(), "SELECT thesession_id FROM tune_set WHERE thesession_id IS NOT NULL");
  std::unordered_set<int64_t> out;
  while (s.step()) out.insert(s.int_at(0));
  return out;
}

ApplyOutcome Store::apply_and_record_sets_sync(const FetchedSets& fetched, LearnStatus default_status,
                                               int64_t member_id, int64_t started_at_ms,
                                               const std::function<SyncResult(const ApplyOutcome&)>& finish,
                                               const std::function<void(double)>& progress) {
  Change tx(*this, "apply_sets_sync");
  ApplyOutcome outcome;
  const std::unordered_set<int64_t> known = known_tune_ids();
  const std::unordered_set<int64_t> brought_in = thesession_set_ids();
  std::unordered_set<int64_t> collected;
  {
    Statement s(db_.handle(), "SELECT tune_id FROM collection");
    while (s.step()) collected.insert(s.int_at(0));
  }
  const size_t steps = fetched.checked.size() + fetched.tunes.size() + fetched.sets.size();
  size_t done = 0;
  const auto step = [&] {
    ++done;
    if (progress && steps > 0 && (done % 64 == 0 || done == steps)) progress(static_cast<double>(done) / steps);
  };
  for (const TuneDetails& d : fetched.checked) {
    write_tune_details(d);
    if (!known.count(d.id)) ++outcome.tunes_created;
    step();
  }
  Statement insert_tune(db_.handle(), "INSERT OR IGNORE INTO tune (id, name, type, url) VALUES (?1, ?2, ?3, ?4)");
  for (const TuneSummary& t : fetched.tunes) {
    insert_tune.bind(1, t.id).bind(2, t.name).bind(3, t.type).bind(4, t.url).run();
    if (db_.changes() > 0) ++outcome.tunes_created;
    step();
  }
  const int64_t now = clock_();
  CollectionEntry fresh;
  change_status(fresh, default_status, now);
  Statement add_to_collection(db_.handle(),
                              "INSERT OR IGNORE INTO collection (tune_id, learn_status, learned_at, created_at, "
                              "updated_at, source, in_tunebook) VALUES (?1, ?2, ?3, ?4, ?4, 'set', 0)");
  Statement insert_set(db_.handle(),
                       "INSERT INTO tune_set (name, created_at, updated_at, thesession_id, thesession_url) "
                       "VALUES (?1, ?2, ?2, ?3, ?4)");
  std::unordered_set<int64_t> counted;  // each tune counted once, added or already there
  for (const FetchedSet& set : fetched.sets) {
    step();
    if (brought_in.count(set.id)) {  // brought in meanwhile (another tab, an import): left as it is
      ++outcome.sets_already_there;
      continue;
    }
    insert_set.bind(1, set.name).bind(2, now).bind(3, set.id).bind(4, set.url).run();
    const int64_t set_id = sqlite3_last_insert_rowid(db_.handle());
    std::vector<SetEntry> entries;
    for (const FetchedSetEntry& fe : set.entries) {
      entries.push_back({fe.tune_id, fe.setting_id, fe.key, {}, {}, true});
      if (!counted.insert(fe.tune_id).second) continue;
      if (collected.count(fe.tune_id)) {
        ++outcome.person_tunes_skipped;
        continue;
      }
      add_to_collection.bind(1, fe.tune_id).bind(2, to_string(fresh.status)).bind(3, fresh.learned_at_ms)
          .bind(4, now).run();
      ++outcome.person_tunes_added;
    }
    write_set_entries(set_id, entries);
    ++outcome.sets_added;
  }
  outcome.sets_already_there += fetched.already_there;
  record_sync_run(member_id, started_at_ms, finish(outcome));
  tx.commit();
  return outcome;
}

}  // namespace tt
