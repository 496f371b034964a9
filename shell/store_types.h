#pragma once
// What the store's reads and writes return beyond core's types: a sync run
// as kept, a set named where a tune is, a set in a day's practice, and what a
// rating did.
#include <cstdint>
#include <string>
#include <vector>

#include "core/practice.h"

namespace tt {

struct SyncRunRecord {
  int64_t id = 0;
  int64_t member_id = 0;
  int64_t started_at_ms = 0;
  int64_t finished_at_ms = 0;
  std::string status;
  int tunes_fetched = 0, tunes_created = 0, person_tunes_added = 0, person_tunes_skipped = 0, left_tunebook = 0;
  std::vector<std::string> errors;
  std::string message;
  std::string kind = "tunebook";  // or "sets"
  int sets_added = 0, sets_already_there = 0, set_entries_skipped = 0;
};

// A set named where a tune is (the question before removing that tune).
struct SetRef {
  int64_t id = 0;
  std::string name;
};

// A set in a day's practice, as one item.
struct SetQueueItem {
  int64_t set_id = 0;
  bool rated = false;  // rated that day
};

// What a rating did: the log row as stored, and whether the page should ask
// to move the tune to "learned" (core/practice.h's suggests_promotion).
struct RatingOutcome {
  PracticeLogEntry entry;
  bool suggests_promotion = false;
};

// What rating a set did: one RatingOutcome per tune of the set that is in the
// collection, and the tunes of the set that are not (they have no schedule).
struct SetRatingOutcome {
  std::vector<RatingOutcome> tunes;
  std::vector<int64_t> not_collected;
};

}  // namespace tt
