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
#include <string>
#include <string_view>
#include <vector>

#include "core/device_document.h"
#include "core/device_layout.h"
#include "core/device_merge.h"
#include "core/parse_number.h"

namespace tt {

inline constexpr std::string_view kDeviceFileFormat = "tunetrack-device-changes";

// The file for `changes`, all made on `device` (their stamps name it).
std::string device_file_text(const std::string& device, const std::vector<DeviceChange>& changes);

struct DeviceFile {
  std::string device;
  std::vector<DeviceChange> changes;  // each stamped with the file's device
};
Parsed<DeviceFile> parse_device_file(std::string_view text);

// Why a file found as `device`'s, under a name saying `range`, cannot be
// taken as it: written as another device's, or holding a change stamped
// outside the range (a snapshot holding it would be refused everywhere).
// Empty when it can.
std::string device_file_mismatch(const DeviceFile& file, const std::string& device, const ChangeFileName& range);

}  // namespace tt
