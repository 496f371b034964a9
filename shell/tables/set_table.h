#pragma once
// The sets (tune_set) and their entries (set_entry, in play order). An
// entry read for showing carries its tune's name, type, key (its setting's,
// else the tune's) and whether it is still collected. Rows only: names,
// notes, moves and sameness are core's (core/tune_set.h).
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/tune_set.h"
#include "shell/sqlite_db.h"
#include "shell/store_types.h"

namespace tt {

class SetTable {
 public:
  explicit SetTable(Database& db) : db_(db) {}

  std::vector<TuneSet> all();  // by name, with entries for showing
  std::optional<TuneSet> get(int64_t set_id);
  bool exists(int64_t set_id);
  std::unordered_set<int64_t> thesession_ids();  // of the sets brought in from thesession.org
  std::vector<SetRef> containing(int64_t tune_id);  // by name, each once

  // A new set with `set`'s name, notes, times and thesession id and url
  // (its entries are written by write_entries); returns its id.
  int64_t insert(const TuneSet& set);
  bool rename(int64_t set_id, const std::string& name, int64_t now_ms);  // false when there is no such set
  bool set_notes(int64_t set_id, const std::string& notes, int64_t now_ms);
  bool touch(int64_t set_id, int64_t now_ms);  // moves its changed date
  bool remove(int64_t set_id);                 // its entries and day-queue rows go with it

  std::vector<SetEntry> stored_entries(int64_t set_id);  // as written (their own key), for rewriting
  void write_entries(int64_t set_id, const std::vector<SetEntry>& entries);  // replaces them all

 private:
  Database& db_;
};

}  // namespace tt
