#include "shell/tables/sync_run_table.h"

#include <nlohmann/json.hpp>

#include "shell/tables/json_column.h"

namespace tt {

void SyncRunTable::insert(int64_t member_id, int64_t started_at_ms, const SyncResult& r) {
  Statement s(db_.handle(),
              "INSERT INTO sync_run (member_id, started_at, finished_at, status, tunes_fetched, tunes_created, "
              "person_tunes_added, person_tunes_skipped, left_tunebook, errors, message, kind, sets_added, "
              "sets_already_there, set_entries_skipped) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  s.bind(1, member_id).bind(2, started_at_ms).bind(3, started_at_ms + r.duration_ms)
      .bind(4, to_string(r.status)).bind(5, r.tunes_fetched).bind(6, r.tunes_created)
      .bind(7, r.person_tunes_added).bind(8, r.person_tunes_skipped).bind(9, r.left_tunebook)
      .bind(10, nlohmann::json(r.errors).dump()).bind(11, r.message).bind(12, to_string(r.kind)).bind(13, r.sets_added)
      .bind(14, r.sets_already_there).bind(15, r.set_entries_skipped).run();
}

std::vector<SyncRunRecord> SyncRunTable::newest(int limit) {
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
