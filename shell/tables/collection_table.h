#pragma once
// The collection table: one row per collected tune (status, "+", notes,
// setting, where it came from), read joined with its tune row. Rows only:
// what a change does to an entry is decided in core/collection.h.
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/collection.h"
#include "shell/sqlite_db.h"

namespace tt {

class CollectionTable {
 public:
  explicit CollectionTable(Database& db) : db_(db) {}

  std::vector<CollectionEntry> all();  // by tune id
  std::optional<CollectionEntry> get(int64_t tune_id);
  std::unordered_set<int64_t> ids();
  std::unordered_map<int64_t, bool> in_tunebook_flags();  // tune id -> in the member's tunebook
  // Of the tunes in practice ("learning", "learned"), only what a queue looks
  // at (id, status, when added): reading whole entries was most of its time.
  std::vector<CollectionEntry> practice_candidates();

  // A new row with `fresh`'s status and learned date, made at now_ms; false
  // when the tune was collected already (left as it is).
  bool insert(int64_t tune_id, const CollectionEntry& fresh, std::string_view source, bool in_tunebook,
              int64_t now_ms);
  // An export's entry as it was, its times kept (now_ms where it has none).
  void insert_imported(const CollectionEntry& entry, int64_t now_ms);
  // What changes can change: status, "+", learned date, notes, setting, updated.
  void update(const CollectionEntry& entry);
  bool remove(int64_t tune_id);  // false when it was not there
  void set_in_tunebook(int64_t tune_id, bool in_tunebook);

 private:
  Database& db_;
};

}  // namespace tt
