#pragma once
// The sync_run table: each sync's run as it ended (kind, counts, errors,
// the message shown), kept as history for the Sync tab and the CLI.
#include <cstdint>
#include <vector>

#include "core/sync_result.h"
#include "shell/sqlite_db.h"
#include "shell/store_types.h"

namespace tt {

class SyncRunTable {
 public:
  explicit SyncRunTable(Database& db) : db_(db) {}

  void insert(int64_t member_id, int64_t started_at_ms, const SyncResult& result);
  std::vector<SyncRunRecord> newest(int limit);  // newest first

 private:
  Database& db_;
};

}  // namespace tt
