#pragma once
// A device's changes as one file in the musician's WebDAV folder (the device
// sync): written once, by the device that made them, and read by every other
// device. Reading is strict: a file that is malformed, too large, from a
// newer format or hostile (huge numbers, unknown kinds or members, deep
// nesting, text that is not UTF-8) is refused whole, with a message naming what is wrong,
// so nothing of it is merged.
//
//   {"format": "tunetrack-device-changes", "version": 1, "device": "<32 hex>",
//    "changes": [{"at": "<hlc>", "i": 0, "kind": "heard", "tune": 5, "delta": 1}, ...]}
//
// Kinds and their members (core/device_merge.h has what each means):
//   tune_field    tune, field, value   field: learn_status, learned_at, setting_id,
//                                      name, type, key, url, tunebooks, aliases
//   heard         tune, delta          notes      tune, seen, text
//   tune_removed  tune                 rating     uid, tune, rated_at, rating
//   rating_undone uid                  set_field  set, field ("name", "notes"), value
//   set_entries   set, entries ([{"tune", "setting", "key"}])
//   set_removed   set                  setting    key ("practice.…"), value
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/device_merge.h"
#include "core/parse_number.h"

namespace tt {

inline constexpr std::string_view kDeviceFileFormat = "tunetrack-device-changes";
inline constexpr int kDeviceFileVersion = 1;
inline constexpr size_t kMaxDeviceFileBytes = 32 * 1024 * 1024;
inline constexpr size_t kMaxDeviceFileChanges = 500000;
inline constexpr size_t kMaxDeviceNotesBytes = 100000;

// The file for `changes`, all made on `device` (their stamps name it).
std::string device_file_text(const std::string& device, const std::vector<DeviceChange>& changes);

struct DeviceFile {
  std::string device;
  std::vector<DeviceChange> changes;  // each stamped with the file's device
};
Parsed<DeviceFile> parse_device_file(std::string_view text);

// A snapshot: every change merged up to a point, compacted (DeviceMerge::
// compacted), so a new device reads one file and the few change files newer
// than what it covers, instead of every device's whole history. Written by
// one device; its changes are of many, each naming its own ("d"), and none
// newer than what `covers` says of its device.
//
//   {"format": "tunetrack-device-snapshot", "version": 1, "device": "<32 hex>",
//    "covers": {"<device>": "<hlc>", ...}, "changes": [{"d": "<device>", "at": ..., ...}]}
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
