#pragma once
// This device's own changes for the device sync, derived from its change log
// (core/change_record.h): a record holds each thing as it is after the action
// (a collection entry, a tune, a rating, a set, the settings); compared with
// the same thing as the last record sent it, it becomes the per-field
// changes the merge needs (core/device_merge.h): a status set, "+" pressed
// twice (a delta, so presses on every device add up), notes written over the
// text this device had seen, a rating given or undone, a set renamed.
//
// Records that the device sync itself wrote (applying other devices'
// changes) are remembered but never sent back: they are not this device's.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <set>
#include <utility>
#include <vector>

#include "core/change_record.h"
#include "core/device_merge.h"

namespace tt {

// The action name of records the device sync writes.
inline constexpr const char* kDeviceSyncAction = "device_sync";

// A thing a record holds: its kind ("tunes", "collection", "ratings",
// "sets") and its key as text.
using OutboxKey = std::pair<std::string, std::string>;

// The last version of each thing sent (or received), by kind and key: what
// the next record is compared with. Kept by the shell between syncs, keyed,
// so a sync reads only the things its records hold (outbox_keys_of).
struct OutboxMemory {
  std::map<OutboxKey, nlohmann::json> last;  // (kind, key) -> object
  std::map<std::string, std::string> settings;                         // shared settings: key -> value
};

// Ratings and sets are named across devices by uids; a local row id names
// them only here. Those received from another device keep that device's uid
// (the shell remembers them); the rest are this device's, named by its id;
// a set brought in from thesession.org is "thesession-<its id there>" on
// every device, so two devices that bring it in hold one set.
struct DeviceUids {
  std::string device;
  std::map<int64_t, std::string> ratings;  // local practice_log id -> uid
  std::map<int64_t, std::string> sets;     // local tune_set id -> uid
  std::string rating_uid(int64_t local_id) const;
  // A rating row's uid: one given here (or received) as above; one imported
  // from an export is named by what it is (tune, time, rating), so the same
  // export imported on two devices makes one history, not two.
  std::string uid_of_rating_row(const nlohmann::json& row) const;
  std::string set_uid(int64_t local_id) const;
};

// The settings every device shares: the practice limits and target
// retention. The rest stay on the device that set them (the thesession.org
// member, the day a queue was made for, when it last exported).
bool setting_travels(std::string_view key);

// What of the memory's `last` the records' device_changes_of (in order)
// reads, and what it writes. A thing first met in a record the sync itself
// wrote is not read: such a record sends nothing, only remembers.
struct OutboxKeys {
  std::set<OutboxKey> to_read;
  std::set<OutboxKey> to_save;
};
OutboxKeys outbox_keys_of(const std::vector<ChangeRecord>& records);

// The changes one record makes, stamped with its clock and device, in a
// fixed order (index 0, 1, ...); `memory` then holds the record's versions.
std::vector<DeviceChange> device_changes_of(const ChangeRecord& record, OutboxMemory& memory, const DeviceUids& uids);

}  // namespace tt
