#pragma once
// A snapshot: every change merged up to a point, compacted (DeviceMerge::
// compacted), so a new device reads one file and the few change files newer
// than what it covers, instead of every device's whole history. Written by
// one device; its changes are of many, each naming its own ("d"), and none
// newer than what `covers` says of its device.
//
//   {"format": "tunetrack-device-snapshot", "version": 1, "device": "<32 hex>",
//    "covers": {"<device>": "<hlc>", ...}, "changes": [{"d": "<device>", "at": ..., ...}]}
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/device_merge.h"
#include "core/parse_number.h"

namespace tt {

inline constexpr std::string_view kDeviceSnapshotFormat = "tunetrack-device-snapshot";
inline constexpr size_t kMaxSnapshotDevices = 1000;

struct DeviceSnapshot {
  std::string device;                        // who wrote it
  std::map<std::string, HlcStamp> covers;    // each device's changes up to this stamp are in it
  std::vector<DeviceChange> changes;
};
std::string device_snapshot_text(const DeviceSnapshot& snapshot);
Parsed<DeviceSnapshot> parse_device_snapshot(std::string_view text);

}  // namespace tt
