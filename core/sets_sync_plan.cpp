#include "core/sets_sync_plan.h"

namespace tt {

SetsSyncPlan plan_sets_sync(const FetchedSets& fetched, const std::unordered_set<int64_t>& known_tunes,
                            const std::unordered_set<int64_t>& brought_in,
                            const std::unordered_set<int64_t>& collected) {
  SetsSyncPlan plan;
  plan.details = fetched.checked;
  std::unordered_set<int64_t> has_row = known_tunes;
  for (const TuneDetails& d : fetched.checked) {
    if (has_row.insert(d.id).second) ++plan.tunes_created;
  }
  for (const TuneSummary& t : fetched.tunes) {
    if (!has_row.insert(t.id).second) continue;
    plan.tunes_to_create.push_back(t);
    ++plan.tunes_created;
  }
  std::unordered_set<int64_t> counted;  // each tune counted once, added or already there
  for (const FetchedSet& set : fetched.sets) {
    if (brought_in.count(set.id)) {
      ++plan.sets_already_there;
      continue;
    }
    NewSet added{set.id, set.name, set.url, {}};
    for (const FetchedSetEntry& fe : set.entries) {
      added.entries.push_back({fe.tune_id, fe.setting_id, fe.key, {}, {}, true});
      if (!counted.insert(fe.tune_id).second) continue;
      if (collected.count(fe.tune_id)) {
        ++plan.collection_skipped;
      } else {
        plan.collection_to_add.push_back(fe.tune_id);
      }
    }
    plan.sets_to_add.push_back(std::move(added));
  }
  plan.sets_already_there += fetched.already_there;
  return plan;
}

}  // namespace tt
