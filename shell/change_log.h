#pragma once
// The change log on disk (core/change_record.h says what a record is).
// SQLite's update hook tells which rows an action touched; when the action
// commits, the things those rows belong to are written as they now are, in
// the same transaction. So every write is recorded, whichever code made it,
// and the record speaks of tunes, cards, ratings and sets, not of statements.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/change_record.h"
#include "shell/sqlite_db.h"

namespace tt {

// Rowids written since the last clear(), by table.
class TouchedRows {
 public:
  explicit TouchedRows(Database& db);  // installs the update hook
  ~TouchedRows();
  TouchedRows(const TouchedRows&) = delete;
  TouchedRows& operator=(const TouchedRows&) = delete;

  const std::map<std::string, std::set<int64_t>>& rows() const { return rows_; }
  bool empty() const { return rows_.empty(); }
  void clear() { rows_.clear(); }

 private:
  static void on_update(void* self, int operation, const char* database, const char* table, sqlite3_int64 rowid);
  Database& db_;
  std::map<std::string, std::set<int64_t>> rows_;
};

// The things the touched rows belong to, as they are now (gone ones in
// "removed"): a record's `changes`. Tables outside the log are left out.
nlohmann::json changes_of(Database& db, const std::map<std::string, std::set<int64_t>>& touched);
// Everything the log covers, as one record's changes (the baseline of a
// database made before the log existed); empty when there is nothing.
nlohmann::json changes_of_everything(Database& db);

// Writes the record (its seq is given by the log; the one passed is ignored)
// and returns the seq it got.
int64_t append_change(Database& db, const ChangeRecord& record);
// The records with seq > after, oldest first, at most `limit`.
std::vector<ChangeRecord> read_change_log(Database& db, int64_t after = 0, int64_t limit = INT64_MAX);
// Makes the record's changes here (inside the caller's transaction). A row
// with a field this database does not have, or a value of the wrong shape,
// is StoreError naming it; nothing of the record is then kept (the caller
// rolls back).
void replay_changes(Database& db, const nlohmann::json& changes);

// This database's device id: made (random) on first use, never copied by a
// rebuild, so two databases never share one.
std::string device_id(Database& db);
// The largest stamp in the log, or a zero stamp for an empty log.
HlcStamp last_stamp(Database& db);

}  // namespace tt
