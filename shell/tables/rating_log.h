#pragma once
// The practice_log table: every rating, with the card before and after it,
// where it came from ("rated" here, or "imported": history, never undone),
// the set it was given with, and whether its tune has been removed since.
// Rows only: what an undo takes back or an import adds is core's.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/practice.h"
#include "core/practice_rating.h"
#include "shell/sqlite_db.h"

namespace tt {

// A rating given here, as Undo looks at it.
struct RatedRow {
  PracticeLogEntry row;
  std::optional<int64_t> set_id;
  bool tune_removed = false;
};

class RatingLog {
 public:
  explicit RatingLog(Database& db) : db_(db) {}

  int64_t append(const PracticeLogEntry& row, std::string_view origin, std::optional<int64_t> set_id);  // -> its id
  // Rows with from_ms <= at < to_ms, oldest first (ties by id); `kept_tunes`
  // leaves out the rows of tunes removed since.
  std::vector<PracticeLogEntry> between(int64_t from_ms, int64_t to_ms, bool kept_tunes = false);
  int count_between(int64_t from_ms, int64_t to_ms);
  std::vector<int64_t> times_since(int64_t from_ms);  // every rating's time
  // The Agains since from_ms of tunes still collected (what today's queue looks at).
  std::vector<PracticeLogEntry> agains_since(int64_t from_ms);
  std::vector<LoggedRating> all_ratings();  // tune, time, rating: what an import compares
  // The newest rating given here (not imported), and the rows one set
  // rating gave at the same moment (newest first).
  std::optional<RatedRow> newest_rated();
  std::vector<RatedRow> rated_with_set(int64_t set_id, int64_t at_ms);
  void remove(int64_t id);
  void mark_tune_removed(int64_t tune_id);

 private:
  Database& db_;
};

}  // namespace tt
