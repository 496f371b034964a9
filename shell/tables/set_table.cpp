#include "shell/tables/set_table.h"

namespace tt {
namespace {

// An entry's key: its setting's, else the tune's (first setting's).
constexpr const char* kEntrySelect =
    "SELECT e.tune_id, e.setting_id, CASE WHEN e.key != '' THEN e.key ELSE t.key END, t.name, t.type, "
    "c.tune_id IS NOT NULL FROM set_entry e JOIN tune t ON t.id = e.tune_id "
    "LEFT JOIN collection c ON c.tune_id = e.tune_id WHERE e.set_id = ?1 ORDER BY e.position";

constexpr const char* kSetColumns = "id, name, notes, created_at, updated_at, thesession_id, thesession_url";

SetEntry read_entry_row(const Statement& s) {  // kEntrySelect's columns
  SetEntry e;
  e.tune_id = s.int_at(0);
  if (!s.is_null(1)) e.setting_id = s.int_at(1);
  e.key = s.text_at(2);
  e.name = s.text_at(3);
  e.type = s.text_at(4);
  e.in_collection = s.int_at(5) != 0;
  return e;
}

TuneSet read_set_row(const Statement& s) {
  TuneSet set;
  set.id = s.int_at(0);
  set.name = s.text_at(1);
  set.notes = s.text_at(2);
  set.created_at_ms = s.int_at(3);
  set.updated_at_ms = s.int_at(4);
  if (!s.is_null(5)) set.thesession_id = s.int_at(5);
  set.thesession_url = s.text_at(6);
  return set;
}

}  // namespace

std::vector<TuneSet> SetTable::all() {
  std::vector<TuneSet> sets;
  {
    Statement s(db_.handle(), std::string("SELECT ") + kSetColumns + " FROM tune_set ORDER BY name COLLATE NOCASE, id");
    while (s.step()) sets.push_back(read_set_row(s));
  }
  Statement entries(db_.handle(), kEntrySelect);
  for (TuneSet& set : sets) {
    entries.bind(1, set.id);
    while (entries.step()) set.entries.push_back(read_entry_row(entries));
    entries.reset();
  }
  return sets;
}

std::optional<TuneSet> SetTable::get(int64_t set_id) {
  std::optional<TuneSet> set;
  {
    Statement s(db_.handle(), std::string("SELECT ") + kSetColumns + " FROM tune_set WHERE id = ?1");
    s.bind(1, set_id);
    if (!s.step()) return std::nullopt;
    set = read_set_row(s);
  }
  Statement entries(db_.handle(), kEntrySelect);
  entries.bind(1, set_id);
  while (entries.step()) set->entries.push_back(read_entry_row(entries));
  return set;
}

bool SetTable::exists(int64_t set_id) {
  Statement s(db_.handle(), "SELECT 1 FROM tune_set WHERE id = ?1");
  s.bind(1, set_id);
  return s.step();
}

std::unordered_set<int64_t> SetTable::thesession_ids() {
  Statement s(db_.handle(), "SELECT thesession_id FROM tune_set WHERE thesession_id IS NOT NULL");
  std::unordered_set<int64_t> out;
  while (s.step()) out.insert(s.int_at(0));
  return out;
}

std::vector<SetRef> SetTable::containing(int64_t tune_id) {
  Statement s(db_.handle(),
              "SELECT DISTINCT s.id, s.name FROM tune_set s JOIN set_entry e ON e.set_id = s.id "
              "WHERE e.tune_id = ?1 ORDER BY s.name COLLATE NOCASE, s.id");
  s.bind(1, tune_id);
  std::vector<SetRef> out;
  while (s.step()) out.push_back({s.int_at(0), s.text_at(1)});
  return out;
}

int64_t SetTable::insert(const TuneSet& set) {
  Statement s(db_.handle(),
              "INSERT INTO tune_set (name, notes, created_at, updated_at, thesession_id, thesession_url) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  s.bind(1, set.name).bind(2, set.notes).bind(3, set.created_at_ms).bind(4, set.updated_at_ms)
      .bind(5, set.thesession_id).bind(6, set.thesession_url).run();
  return sqlite3_last_insert_rowid(db_.handle());
}

bool SetTable::rename(int64_t set_id, const std::string& name, int64_t now_ms) {
  Statement s(db_.handle(), "UPDATE tune_set SET name = ?2, updated_at = ?3 WHERE id = ?1");
  s.bind(1, set_id).bind(2, name).bind(3, now_ms).run();
  return db_.changes() > 0;
}

bool SetTable::set_notes(int64_t set_id, const std::string& notes, int64_t now_ms) {
  Statement s(db_.handle(), "UPDATE tune_set SET notes = ?2, updated_at = ?3 WHERE id = ?1");
  s.bind(1, set_id).bind(2, notes).bind(3, now_ms).run();
  return db_.changes() > 0;
}

bool SetTable::touch(int64_t set_id, int64_t now_ms) {
  Statement s(db_.handle(), "UPDATE tune_set SET updated_at = ?2 WHERE id = ?1");
  s.bind(1, set_id).bind(2, now_ms).run();
  return db_.changes() > 0;
}

bool SetTable::remove(int64_t set_id) {
  Statement s(db_.handle(), "DELETE FROM tune_set WHERE id = ?1");  // entries and queue rows cascade
  s.bind(1, set_id).run();
  return db_.changes() > 0;
}

std::vector<SetEntry> SetTable::stored_entries(int64_t set_id) {
  Statement s(db_.handle(), "SELECT tune_id, setting_id, key FROM set_entry WHERE set_id = ?1 ORDER BY position");
  s.bind(1, set_id);
  std::vector<SetEntry> out;
  while (s.step()) {
    SetEntry e;
    e.tune_id = s.int_at(0);
    if (!s.is_null(1)) e.setting_id = s.int_at(1);
    e.key = s.text_at(2);
    out.push_back(std::move(e));
  }
  return out;
}

void SetTable::write_entries(int64_t set_id, const std::vector<SetEntry>& entries) {
  Statement clear(db_.handle(), "DELETE FROM set_entry WHERE set_id = ?1");
  clear.bind(1, set_id).run();
  Statement insert(db_.handle(),
                   "INSERT INTO set_entry (set_id, position, tune_id, setting_id, key) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (size_t i = 0; i < entries.size(); ++i) {
    insert.bind(1, set_id).bind(2, static_cast<int64_t>(i)).bind(3, entries[i].tune_id)
        .bind(4, entries[i].setting_id).bind(5, entries[i].key).run();
  }
}

}  // namespace tt
