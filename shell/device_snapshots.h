#pragma once
// The device sync's snapshots (core/device_snapshot.h; where they live and
// when: core/device_layout.h): what this device's stored files merge to, a
// new device's start from another's snapshot, and this device writing its
// own, then tidying its folder.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/device_layout.h"
#include "core/device_merge.h"
#include "shell/device_abouts.h"
#include "shell/device_sync.h"
#include "shell/device_sync_state.h"
#include "shell/webdav_folder.h"

namespace tt {

// Every change this device holds (its stored change files and snapshot),
// merged, with what they cover of each device.
struct HeldChanges {
  DeviceMerge merge;
  MergedUpTo covers;
  int change_files = 0;  // not in a snapshot
};
// `observe`: called with the newest stamp of each file another device wrote
// (this device's clock moves past what it has seen).
HeldChanges held_changes(DeviceSyncState& state, const std::string& me,
                         const std::function<void(const HlcStamp&)>& observe);

// Before any change file: each snapshot core's snapshots_to_take names,
// fetched, checked and kept; `merged` then says what they cover. A refused
// one is named in the report and its device put in `refused_devices` (its
// change files alone may have holes). The error ends the sync.
Task<WebDavError> take_snapshots(WebDavFolder& folder, DeviceSyncState& state,
                                 const std::vector<DeviceFolderListing>& others, const std::string& me,
                                 MergedUpTo& merged, std::set<std::string>& refused_devices, DeviceSyncReport& report);

// This device's snapshot of `held`, uploaded into its folder, then kept here
// in place of the files it holds; then its folder tidied (own_files_to_remove,
// from each other device's device.json in `abouts`).
Task<WebDavError> write_snapshot(WebDavFolder& folder, DeviceSyncState& state, const HeldChanges& held,
                                 const std::vector<DeviceFolderListing>& others, DeviceAbouts& abouts,
                                 const std::string& me, const std::string& nonce, DeviceSyncReport& report);

}  // namespace tt
