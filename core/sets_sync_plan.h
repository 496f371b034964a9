#pragma once
// The diff between a finished sets fetch (core/sets_sync.h) and the store:
// what a sets sync writes. Pure, like core/sync_plan.h for a tunebook; the
// store applies it in one transaction with the run.
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/sets_sync.h"
#include "core/tune_set.h"

namespace tt {

// A set new to the store, as it is written (its entries in play order).
struct NewSet {
  int64_t thesession_id = 0;
  std::string name;
  std::string url;
  std::vector<SetEntry> entries;
};

struct SetsSyncPlan {
  std::vector<TuneDetails> details;          // the tune pages fetched: kept as details (their rows made too)
  std::vector<TuneSummary> tunes_to_create;  // tunes the sets name with no row yet (and no page fetched)
  std::vector<NewSet> sets_to_add;           // not brought in yet, in page order
  std::vector<int64_t> collection_to_add;    // tunes those sets name, not collected: each once, in order
  int tunes_created = 0;                     // rows made: fetched pages of unknown tunes, and tunes_to_create
  int collection_skipped = 0;                // tunes those sets name that are collected already (each once)
  int sets_already_there = 0;                // brought in before (by the fetch) or meanwhile (another tab, an import)
};

// `known_tunes`: ids in the tune table; `brought_in`: thesession set ids
// already here; `collected`: tune ids in the collection. A set brought in
// since the fetch began is left as it is, like one brought in before.
SetsSyncPlan plan_sets_sync(const FetchedSets& fetched, const std::unordered_set<int64_t>& known_tunes,
                            const std::unordered_set<int64_t>& brought_in,
                            const std::unordered_set<int64_t>& collected);

}  // namespace tt
