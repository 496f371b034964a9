#include "core/import_merge.h"

namespace tt {

ImportDecision decide_import(const CollectionEntry* existing, const CollectionEntry& incoming) {
  if (!existing) return ImportDecision::Add;
  const bool same = existing->status == incoming.status && existing->heard_count == incoming.heard_count &&
                    existing->notes == incoming.notes;
  return same ? ImportDecision::Unchanged : ImportDecision::Conflict;
}

std::string import_conflict_message(const CollectionEntry& existing) {
  return "Tune #" + std::to_string(existing.tune_id) + " (" + existing.name +
         "): already in the collection with other data; kept as it was";
}

}  // namespace tt
