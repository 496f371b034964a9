#include "core/sync_plan.h"

#include <algorithm>

namespace tt {

SyncPlan plan_sync(const std::vector<TuneSummary>& fetched,
                   const std::unordered_set<int64_t>& known_tunes,
                   const std::unordered_map<int64_t, bool>& collection_in_tunebook) {
  SyncPlan plan;
  std::unordered_set<int64_t> fetched_ids;
  fetched_ids.reserve(fetched.size());
  for (const TuneSummary& tune : fetched) {
    if (!fetched_ids.insert(tune.id).second) continue;  // duplicates count once
    if (!known_tunes.count(tune.id)) plan.tunes_to_create.push_back(tune);
    const auto collected = collection_in_tunebook.find(tune.id);
    if (collected == collection_in_tunebook.end()) {
      plan.collection_to_add.push_back(tune.id);
    } else {
      plan.collection_skipped.push_back(tune.id);
      if (!collected->second) plan.back_in_tunebook.push_back(tune.id);
    }
  }
  for (const auto& [tune_id, in_tunebook] : collection_in_tunebook) {
    if (in_tunebook && !fetched_ids.count(tune_id)) plan.left_tunebook.push_back(tune_id);
  }
  // Map iteration order is unspecified; keep the plan deterministic.
  std::sort(plan.left_tunebook.begin(), plan.left_tunebook.end());
  return plan;
}

}  // namespace tt
