#pragma once
// The day's practice as kept (practice_queue and practice_set_queue): the
// tunes in the order the queue was made, and the sets put in as one item
// each with whether they were rated. Only one day's rows are kept. Rows only:
// what goes in a queue is core's (core/practice.h, core/practice_rating.h).
#include <cstdint>
#include <string>
#include <vector>

#include "core/practice.h"
#include "shell/sqlite_db.h"
#include "shell/store_types.h"

namespace tt {

class DayQueueTable {
 public:
  explicit DayQueueTable(Database& db) : db_(db) {}

  std::vector<QueueItem> tunes(const std::string& day);
  void replace_tunes(const std::string& day, const std::vector<QueueItem>& queue);  // every other day's go

  std::vector<SetQueueItem> sets(const std::string& day);
  // Appends the set after the day's others (once), forgetting other days' sets.
  void add_set(const std::string& day, int64_t set_id);
  bool remove_set(const std::string& day, int64_t set_id);  // false when it was not in
  void mark_set_rated(int64_t set_id, int64_t at_ms);        // unless rated already
  void unmark_set_rated(int64_t set_id, int64_t at_ms);      // the rating at at_ms taken back

 private:
  Database& db_;
};

}  // namespace tt
