#pragma once
// The diff between a fetched tunebook and the collection: what a sync will
// change. Pure; the store applies it in one transaction.
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/thesession_api.h"

namespace tt {

struct SyncPlan {
  std::vector<TuneSummary> tunes_to_create;      // not in the tune table yet
  std::vector<int64_t> collection_to_add;         // not in the collection yet
  std::vector<int64_t> collection_skipped;        // already collected: untouched
  std::vector<int64_t> left_tunebook;             // collected, flagged in tunebook, gone now
  std::vector<int64_t> back_in_tunebook;          // collected, flagged not in tunebook, back now
};

// `known_tunes`: ids in the tune table. `collection_in_tunebook`: for every
// collected tune id, whether it is currently flagged as being in the tunebook.
SyncPlan plan_sync(const std::vector<TuneSummary>& fetched,
                   const std::unordered_set<int64_t>& known_tunes,
                   const std::unordered_map<int64_t, bool>& collection_in_tunebook);

}  // namespace tt
