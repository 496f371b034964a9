// The store's sets: sets and their entries, the query behind "this tune is in
// these sets", and the merge of an export's sets (a sets sync's write is in
// store_sets_sync.cpp).
// Rules come from core/tune_set.h and core/sets_sync.h; this file reads and
// writes rows.
#include <nlohmann/json.hpp>

#include <unordered_map>

#include "shell/store.h"

namespace tt {
namespace {

using nlohmann::json;

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

std::string checked(const Parsed<std::string>& p) {
  if (!p) throw StoreError(p.error);
  return p.value;
}

// The key of setting `setting_id` among a tune's fetched settings ("" when not there).
std::string setting_key(const std::optional<TuneDetails>& details, std::optional<int64_t> setting_id) {
  if (!details || !setting_id) return {};
  for (const auto& s : details->settings) {
    if (s.id == *setting_id) return s.key;
  }
  return {};
}

}  // namespace

std::vector<TuneSet> Store::list_sets() {
  std::vector<TuneSet> sets;
  {
    Statement s(db_.handle(), std::string("SELECT ") + kSetColumns + " FROM tune_set ORDER BY name COLLATE NOCASE, id");
    while (s.step()) sets.push_back(read_set_row(s));
  }
  Statement entries(db_.handle(), kEntrySelect);
  for (TuneSet& set : sets) {
    entries.bind(1, set.id);
    while (entries.step()) {
      set.entries.push_back(read_entry_row(entries));
    }
    entries.reset();
  }
  return sets;
}

std::optional<TuneSet> Store::get_set(int64_t set_id) {
  std::optional<TuneSet> set;
  {
    Statement s(db_.handle(), std::string("SELECT ") + kSetColumns + " FROM tune_set WHERE id = ?1");
    s.bind(1, set_id);
    if (!s.step()) return std::nullopt;
    set = read_set_row(s);
  }
  Statement entries(db_.handle(), kEntrySelect);
  entries.bind(1, set_id);
  while (entries.step()) {
    set->entries.push_back(read_entry_row(entries));
  }
  return set;
}

int64_t Store::create_set(const std::string& name, const std::string& notes) {
  const std::string good_name = checked(check_set_name(name));
  const std::string good_notes = checked(check_set_notes(notes));
  const int64_t now = clock_();
  Change tx(*this, "create_set");
  Statement s(db_.handle(), "INSERT INTO tune_set (name, notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)");
  s.bind(1, good_name).bind(2, good_notes).bind(3, now).run();
  const int64_t id = sqlite3_last_insert_rowid(db_.handle());
  tx.commit();
  return id;
}

bool Store::touch_set(int64_t set_id) {
  Statement s(db_.handle(), "UPDATE tune_set SET updated_at = ?2 WHERE id = ?1");
  s.bind(1, set_id).bind(2, clock_()).run();
  return db_.changes() > 0;
}

bool Store::rename_set(int64_t set_id, const std::string& name) {
  const std::string good = checked(check_set_name(name));
  Change tx(*this, "rename_set");
  Statement s(db_.handle(), "UPDATE tune_set SET name = ?2, updated_at = ?3 WHERE id = ?1");
  s.bind(1, set_id).bind(2, good).bind(3, clock_()).run();
  const bool changed = db_.changes() > 0;
  tx.commit();
  return changed;
}

bool Store::set_set_notes(int64_t set_id, const std::string& notes) {
  const std::string good = checked(check_set_notes(notes));
  Change tx(*this, "set_set_notes");
  Statement s(db_.handle(), "UPDATE tune_set SET notes = ?2, updated_at = ?3 WHERE id = ?1");
  s.bind(1, set_id).bind(2, good).bind(3, clock_()).run();
  const bool changed = db_.changes() > 0;
  tx.commit();
  return changed;
}

void Store::write_set_entries(int64_t set_id, const std::vector<SetEntry>& entries) {
  Statement clear(db_.handle(), "DELETE FROM set_entry WHERE set_id = ?1");
  clear.bind(1, set_id).run();
  Statement insert(db_.handle(),
                   "INSERT INTO set_entry (set_id, position, tune_id, setting_id, key) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (size_t i = 0; i < entries.size(); ++i) {
    insert.bind(1, set_id).bind(2, static_cast<int64_t>(i)).bind(3, entries[i].tune_id)
        .bind(4, entries[i].setting_id).bind(5, entries[i].key).run();
  }
}

// The entries as stored (their own key, not the tune's fallback), for rewriting.
namespace {
std::vector<SetEntry> stored_entries(sqlite3* db, int64_t set_id) {
  Statement s(db, "SELECT tune_id, setting_id, key FROM set_entry WHERE set_id = ?1 ORDER BY position");
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
}  // namespace

bool Store::add_set_entry(int64_t set_id, int64_t tune_id, std::optional<int64_t> setting_id) {
  Change tx(*this, "add_set_entry");
  if (!touch_set(set_id)) return false;
  {
    Statement known(db_.handle(), "SELECT 1 FROM tune WHERE id = ?1");
    known.bind(1, tune_id);
    if (!known.step()) {
      throw StoreError("Tune #" + std::to_string(tune_id) + " is not known here: add it to your collection first");
    }
  }
  std::vector<SetEntry> entries = stored_entries(db_.handle(), set_id);
  if (entries.size() >= kMaxSetEntries) {
    throw StoreError("A set can hold at most " + std::to_string(kMaxSetEntries) + " tunes");
  }
  SetEntry e;
  e.tune_id = tune_id;
  e.setting_id = setting_id;
  e.key = setting_key(tune_details(tune_id), setting_id);
  entries.push_back(std::move(e));
  write_set_entries(set_id, entries);
  tx.commit();
  return true;
}

bool Store::remove_set_entry(int64_t set_id, size_t position) {
  Change tx(*this, "remove_set_entry");
  std::vector<SetEntry> entries = stored_entries(db_.handle(), set_id);
  if (position >= entries.size() || !touch_set(set_id)) return false;
  entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(position));
  write_set_entries(set_id, entries);
  tx.commit();
  return true;
}

bool Store::move_set_entry(int64_t set_id, size_t from, size_t to) {
  Change tx(*this, "move_set_entry");
  std::vector<SetEntry> entries = stored_entries(db_.handle(), set_id);
  if (!tt::move_set_entry(entries, from, to) || !touch_set(set_id)) return false;
  write_set_entries(set_id, entries);
  tx.commit();
  return true;
}

bool Store::delete_set(int64_t set_id) {
  Change tx(*this, "delete_set");
  Statement s(db_.handle(), "DELETE FROM tune_set WHERE id = ?1");  // entries and queue rows cascade
  s.bind(1, set_id).run();
  const bool deleted = db_.changes() > 0;
  tx.commit();
  return deleted;
}

std::vector<SetRef> Store::sets_containing_tune(int64_t tune_id) {
  Statement s(db_.handle(),
              "SELECT DISTINCT s.id, s.name FROM tune_set s JOIN set_entry e ON e.set_id = s.id "
              "WHERE e.tune_id = ?1 ORDER BY s.name COLLATE NOCASE, s.id");
  s.bind(1, tune_id);
  std::vector<SetRef> out;
  while (s.step()) out.push_back({s.int_at(0), s.text_at(1)});
  return out;
}


void Store::merge_sets(const std::vector<TuneSet>& sets, ImportSummary& summary) {
  if (sets.empty()) return;
  std::vector<TuneSet> existing = list_sets();
  const int64_t now = clock_();
  Statement insert_set(db_.handle(),
                       "INSERT INTO tune_set (name, notes, created_at, updated_at, thesession_id, thesession_url) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const TuneSet& incoming : sets) {
    std::vector<SetEntry> entries;
    for (const SetEntry& e : incoming.entries) {
      if (!e.name.empty()) ensure_tune_row({e.tune_id, e.name, e.type, ""});
      Statement known(db_.handle(), "SELECT 1 FROM tune WHERE id = ?1");
      known.bind(1, e.tune_id);
      if (!known.step()) {
        summary.messages.push_back("Set " + quote_excerpt(incoming.name) + ": tune #" + std::to_string(e.tune_id) +
                                   " has no name here or in the file; left out of the set");
        continue;
      }
      entries.push_back(e);
    }
    TuneSet candidate = incoming;
    candidate.entries = entries;
    bool found = false;
    for (const TuneSet& have : existing) found = found || same_set(have, candidate);
    if (found) {
      ++summary.sets_unchanged;
      continue;
    }
    insert_set.bind(1, candidate.name).bind(2, candidate.notes)
        .bind(3, candidate.created_at_ms > 0 ? candidate.created_at_ms : now)
        .bind(4, candidate.updated_at_ms > 0 ? candidate.updated_at_ms : now).bind(5, candidate.thesession_id)
        .bind(6, candidate.thesession_url).run();
    candidate.id = sqlite3_last_insert_rowid(db_.handle());
    write_set_entries(candidate.id, candidate.entries);
    existing.push_back(std::move(candidate));  // a file naming the same set twice adds it once
    ++summary.sets_added;
  }
}

}  // namespace tt
