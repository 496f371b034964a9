#include "core/device_layout.h"

#include <algorithm>

#include "core/change_record.h"
#include "core/json_text.h"

namespace tt {
namespace {

constexpr std::string_view kPrefix = "changes-";
constexpr std::string_view kSnapshotPrefix = "snapshot-";
constexpr std::string_view kSuffix = ".json";
constexpr size_t kStampChars = 22;  // "WWWWWWWWWWWWWWW-CCCCCC"

// The newest snapshot among `names`, if any.
std::optional<std::pair<HlcStamp, std::string>> newest_snapshot(const std::vector<std::string>& names) {
  std::optional<std::pair<HlcStamp, std::string>> newest;
  for (const std::string& name : names) {
    const auto stamp = parse_snapshot_file_name(name);
    if (stamp && (!newest || newest->first < *stamp)) newest = std::make_pair(*stamp, name);
  }
  return newest;
}

}  // namespace

std::string device_folder_path(const std::string& device) { return std::string(kDevicesFolder) + "/" + device; }

std::string device_about_text(const DeviceAbout& about) {
  nlohmann::json merged = nlohmann::json::object();
  for (const auto& [device, stamp] : about.merged) merged[device] = to_string(stamp);
  return nlohmann::json{{"name", about.name}, {"merged", merged}}.dump();
}

std::optional<DeviceAbout> parse_device_about(std::string_view text) {
  std::string error;
  const auto doc = parse_untrusted_json(text, error, false, 3);
  if (!doc || !doc->is_object() || !doc->contains("name") || !doc->at("name").is_string()) return std::nullopt;
  DeviceAbout about{doc->at("name").get<std::string>().substr(0, kMaxDeviceNameBytes), {}};
  if (!doc->contains("merged") || !doc->at("merged").is_object()) return std::nullopt;
  for (const auto& [device, stamp] : doc->at("merged").items()) {
    const auto hlc = stamp.is_string() ? parse_hlc(stamp.get<std::string>()) : Parsed<HlcStamp>{};
    if (!is_device_id(device) || !hlc) return std::nullopt;
    about.merged[device] = *hlc;
  }
  return about;
}

std::string change_file_name(const ChangeFileName& range) {
  return std::string(kPrefix) + to_string(range.first) + "-" + to_string(range.last) + std::string(kSuffix);
}

std::optional<ChangeFileName> parse_change_file_name(std::string_view name) {
  if (name.size() != kPrefix.size() + 2 * kStampChars + 1 + kSuffix.size()) return std::nullopt;
  if (name.substr(0, kPrefix.size()) != kPrefix || name.substr(name.size() - kSuffix.size()) != kSuffix) return std::nullopt;
  const std::string_view stamps = name.substr(kPrefix.size(), 2 * kStampChars + 1);
  if (stamps[kStampChars] != '-') return std::nullopt;
  const auto first = parse_hlc(stamps.substr(0, kStampChars));
  const auto last = parse_hlc(stamps.substr(kStampChars + 1));
  if (!first || !last || *last < *first) return std::nullopt;
  // Only the spelling change_file_name makes (one name per range).
  if (to_string(*first) != stamps.substr(0, kStampChars) || to_string(*last) != stamps.substr(kStampChars + 1)) {
    return std::nullopt;
  }
  return ChangeFileName{*first, *last};
}

std::string snapshot_file_name(const HlcStamp& newest) {
  return std::string(kSnapshotPrefix) + to_string(newest) + std::string(kSuffix);
}

std::optional<HlcStamp> parse_snapshot_file_name(std::string_view name) {
  if (name.size() != kSnapshotPrefix.size() + kStampChars + kSuffix.size()) return std::nullopt;
  if (name.substr(0, kSnapshotPrefix.size()) != kSnapshotPrefix || name.substr(name.size() - kSuffix.size()) != kSuffix) {
    return std::nullopt;
  }
  const std::string_view text = name.substr(kSnapshotPrefix.size(), kStampChars);
  const auto stamp = parse_hlc(text);
  if (!stamp || to_string(*stamp) != text) return std::nullopt;  // one name per stamp
  return *stamp;
}

std::string upload_name(const std::string& final_name, const std::string& nonce) {
  return "." + final_name + ".part-" + nonce;
}

std::vector<FileToFetch> files_to_fetch(const std::vector<DeviceFolderListing>& listing, const std::string& this_device,
                                        const MergedUpTo& merged) {
  std::vector<FileToFetch> out;
  for (const DeviceFolderListing& folder : listing) {
    if (folder.device == this_device) continue;
    const auto have = merged.find(folder.device);
    for (const std::string& name : folder.names) {
      const auto range = parse_change_file_name(name);
      if (!range) continue;
      if (have != merged.end() && !(have->second < range->last)) continue;  // merged already
      out.push_back({folder.device, name, *range});
    }
  }
  std::sort(out.begin(), out.end(), [](const FileToFetch& a, const FileToFetch& b) {
    if (a.device != b.device) return a.device < b.device;
    return a.range.last < b.range.last;
  });
  return out;
}

std::vector<FileToFetch> snapshots_to_take(const std::vector<DeviceFolderListing>& listing,
                                           const std::string& this_device, const MergedUpTo& merged) {
  std::vector<FileToFetch> out;
  for (const DeviceFolderListing& folder : listing) {
    if (folder.device == this_device || merged.count(folder.device)) continue;
    if (const auto newest = newest_snapshot(folder.names)) {
      out.push_back({folder.device, newest->second, {newest->first, newest->first}});
    }
  }
  return out;
}

std::vector<std::string> own_files_to_remove(const DeviceFolderListing& own,
                                             const std::map<std::string, std::optional<MergedUpTo>>& others) {
  std::vector<std::string> out;
  const auto snapshot = newest_snapshot(own.names);
  if (!snapshot) return out;
  for (const std::string& name : own.names) {
    const auto stamp = parse_snapshot_file_name(name);
    if (stamp && *stamp < snapshot->first) out.push_back(name);
  }
  const bool every_state_known = std::all_of(others.begin(), others.end(), [](const auto& other) { return other.second.has_value(); });
  if (!every_state_known) return out;
  for (const std::string& name : own.names) {
    const auto range = parse_change_file_name(name);
    if (!range || snapshot->first < range->last) continue;
    const bool everyone_has_it = std::all_of(others.begin(), others.end(), [&](const auto& other) {
      const auto it = other.second->find(own.device);
      return it != other.second->end() && !(it->second < range->last);
    });
    if (everyone_has_it) out.push_back(name);
  }
  return out;
}

}  // namespace tt
