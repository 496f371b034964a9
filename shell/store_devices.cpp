// The device sync's side of the store: the database as the change log reads
// it whole, and a merge's changes made here (core/device_apply.h plans them).
#include "shell/store.h"

#include <algorithm>

namespace tt {

nlohmann::json Store::everything_as_changes() {
  return changes_of_everything(db_);
}

void Store::make_changes(const nlohmann::json& changes) {
  if (change_depth_ == 0) throw StoreError("make_changes must run inside as_one_change");
  replay_changes(db_, changes);
}

void Store::observe_stamp(const HlcStamp& remote) {
  last_stamp_ = hlc_receive(last_stamp_, remote, std::clamp<int64_t>(clock_(), 0, kHlcMaxWallMs - 1));
}

}  // namespace tt
