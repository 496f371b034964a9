#pragma once
// The practice_card table: each practised tune's scheduler state (FSRS
// memory and due date), times in epoch ms. Rows only: reviews are core's.
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_set>

#include "core/fsrs.h"
#include "shell/sqlite_db.h"

namespace tt {

class CardTable {
 public:
  explicit CardTable(Database& db) : db_(db) {}

  std::map<int64_t, CardMemory> all();  // by tune id
  std::optional<CardMemory> get(int64_t tune_id);
  std::unordered_set<int64_t> ids();
  void put(int64_t tune_id, const CardMemory& card);  // made or replaced
  void remove(int64_t tune_id);

 private:
  Database& db_;
};

}  // namespace tt
