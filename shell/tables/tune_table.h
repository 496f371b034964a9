#pragma once
// The tune table: every tune this tunetrack has met (synced, searched,
// imported, named by a set), with the details fetched from its page
// (settings and their ABC, aliases, popularity). Rows only.
#include <cstdint>
#include <optional>
#include <unordered_set>
#include <vector>

#include "core/thesession_api.h"
#include "shell/sqlite_db.h"

namespace tt {

class TuneTable {
 public:
  explicit TuneTable(Database& db) : db_(db) {}

  std::unordered_set<int64_t> ids();
  bool exists(int64_t tune_id);
  // A row for the tune unless it has one (an existing row is left as it is).
  void ensure(const TuneSummary& tune);
  // The tune's page as fetched at now_ms (its row made when missing); the
  // first setting's key becomes the tune's key.
  void write_details(const TuneDetails& details, int64_t now_ms);
  std::optional<TuneDetails> details(int64_t tune_id);  // only once fetched

  // Keeping the collection's music for offline (web/update/update_offline_music.cpp):
  // how many collected tunes have their details kept, of how many...
  struct MusicKept {
    int kept = 0;
    int total = 0;
  };
  MusicKept music_kept();
  // ... and up to `limit` collected tunes without them, ids after `after`
  // in order (a pass through the collection that can stop and go on).
  std::vector<int64_t> collected_without_music(int64_t after, int limit);

 private:
  Database& db_;
};

}  // namespace tt
