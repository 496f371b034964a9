#pragma once
// The rule for importing an export into a collection: never duplicate, never
// overwrite. The store applies it row by row; both front ends word its
// summary through core/summary_text.h.
#include <string>
#include <vector>

#include "core/collection.h"

namespace tt {

enum class ImportDecision {
  Add,        // new to the collection
  Unchanged,  // already there with the same data
  Conflict,   // already there with different data: kept as it was, listed
};

// `existing` is null when the tune is not in the collection.
ImportDecision decide_import(const CollectionEntry* existing, const CollectionEntry& incoming);
// The line listed for a conflict.
std::string import_conflict_message(const CollectionEntry& existing);

struct ImportSummary {
  int added = 0;
  int unchanged = 0;
  int conflicts = 0;
  std::vector<std::string> messages;  // one line per conflict
  // From the export's practice section: tunes whose card (schedule) was
  // taken, and ratings appended to the log.
  int practice_cards_added = 0;
  int practice_ratings_added = 0;
  // From the export's sets: sets added, and sets already here (left as they are).
  int sets_added = 0;
  int sets_unchanged = 0;
};

}  // namespace tt
