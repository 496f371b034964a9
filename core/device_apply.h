#pragma once
// The device sync's last step, pure: what to write in this database so it
// holds the merged collection (core/device_merge.h). The answer is a change
// record's `changes` (core/change_record.h), which the shell makes with
// replay_changes as one action named kDeviceSyncAction (so the outbox never
// sends it back), compared with this database as the change log reads it
// whole (changes_of_everything). Only what differs is written.
//
//   collection   each merged tune's status, learned date, setting, "+" count
//                (never below 0) and notes; a merged removal removes the
//                entry and its card, and marks its ratings' tune removed
//   tunes        a tune's details as they travel (name, type, key, ...), and
//                a row for every tune a collected entry or set names
//   ratings      the union of ratings given anywhere and not undone: a new
//                row for each one from another device, the row of each one
//                undone elsewhere removed; every rating's card before and
//                after is its tune's replay in time order (as is each card)
//   cards        each rated tune's card: the replay of its ratings
//   sets         by uid: made, renamed, re-listed or removed
//   settings     the practice settings every device shares
// Ratings imported from an export travel too (named by what they are, so
// one export imported on two devices is one history) and are never undone.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/device_merge.h"
#include "core/device_outbox.h"
#include "core/fsrs.h"

namespace tt {

struct DeviceApply {
  nlohmann::json changes = nlohmann::json::object();  // empty: nothing to write
  // Rows made here for ratings and sets from other devices: their uids,
  // for the shell to remember (DeviceUids) with the write.
  std::map<int64_t, std::string> new_rating_uids;
  std::map<int64_t, std::string> new_set_uids;
};

DeviceApply changes_toward(const MergedCollection& merged, const nlohmann::json& local, const DeviceUids& uids,
                           const FsrsParameters& parameters, int64_t now_ms);

}  // namespace tt
