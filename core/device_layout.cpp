#include "core/device_layout.h"

#include <algorithm>

namespace tt {
namespace {

constexpr std::string_view kPrefix = "changes-";
constexpr std::string_view kSuffix = ".json";
constexpr size_t kStampChars = 22;  // "WWWWWWWWWWWWWWW-CCCCCC"

}  // namespace

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

std::vector<std::string> own_files_to_remove(const DeviceFolderListing& own,
                                             const std::map<std::string, std::optional<MergedUpTo>>& others,
                                             bool snapshot_holds_them) {
  std::vector<std::string> out;
  if (!snapshot_holds_them) return out;
  for (const auto& [device, merged] : others) {
    if (!merged) return out;  // a device whose state is unknown may still need them
  }
  for (const std::string& name : own.names) {
    const auto range = parse_change_file_name(name);
    if (!range) continue;
    const bool everyone_has_it = std::all_of(others.begin(), others.end(), [&](const auto& other) {
      const auto it = other.second->find(own.device);
      return it != other.second->end() && !(it->second < range->last);
    });
    if (everyone_has_it) out.push_back(name);
  }
  return out;
}

}  // namespace tt
