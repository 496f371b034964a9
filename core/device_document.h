#pragma once
// What both files of the device sync share (a device's changes,
// core/device_file.h; a snapshot, core/device_snapshot.h): their limits, the
// envelope around the changes, and the changes read all or nothing.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/device_merge.h"

namespace tt {

inline constexpr int kDeviceFileVersion = 1;
inline constexpr size_t kMaxDeviceFileBytes = 32 * 1024 * 1024;
inline constexpr size_t kMaxDeviceFileChanges = 500000;
inline constexpr size_t kMaxDeviceNotesBytes = 100000;

// The document if `text` is a file of `format` whose members are exactly
// "format" and `members` (each of "version", "device" and "changes" checked);
// otherwise nothing, and `error` says why, for the musician. `what` names the
// format in that message.
std::optional<nlohmann::json> read_device_document(std::string_view text, std::string_view format,
                                                   std::string_view what,
                                                   const std::vector<std::string_view>& members,
                                                   std::string& error);

// Every change of `changes` into `out`, or the reason naming the first that
// cannot be read (and `out` empty: the file is refused whole). `device`: whose
// they all are, or empty when each names its own.
std::string read_device_changes(const nlohmann::json& changes, std::vector<DeviceChange>& out,
                                const std::string& device);

// Why a file found in `folder_device`'s folder, saying it was written by
// `written_by`, cannot be taken as that device's; empty when it can.
std::string written_elsewhere(const std::string& written_by, const std::string& folder_device);

}  // namespace tt
