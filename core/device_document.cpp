#include "core/device_document.h"

#include <algorithm>

#include "core/change_record.h"
#include "core/device_change_json.h"
#include "core/json_text.h"

namespace tt {

using nlohmann::json;

namespace {
constexpr int kMaxDepth = 6;  // file, changes, change, entries, entry (+1)
}  // namespace

std::optional<json> read_device_document(std::string_view text, std::string_view format, std::string_view what,
                                         const std::vector<std::string_view>& members, std::string& error) {
  if (text.size() > kMaxDeviceFileBytes) {
    error = "the file is larger than " + std::to_string(kMaxDeviceFileBytes / (1024 * 1024)) + " MB";
    return std::nullopt;
  }
  auto doc = parse_untrusted_json(text, error, false, kMaxDepth);
  if (!doc) {
    error = "the file is " + error;
    return std::nullopt;
  }
  if (!doc->is_object() || !doc->contains("format") || doc->at("format") != format) {
    error = "the file is not a tunetrack " + std::string(what);
    return std::nullopt;
  }
  // Read with at() behind contains(): a const json's operator[] on a missing member is undefined.
  for (const std::string_view member : members) {
    if (!doc->contains(member)) {
      error = "the file needs \"" + std::string(member) + "\"";
      return std::nullopt;
    }
  }
  const json& version = doc->at("version");
  if (!version.is_number_integer() || version.get<int64_t>() < 1) {
    error = "the file's \"version\" must be a whole number from 1";
    return std::nullopt;
  }
  if (version.get<int64_t>() > kDeviceFileVersion) {
    error = "the file is from a newer tunetrack (format version " + std::to_string(version.get<int64_t>()) +
            "): update tunetrack on this device";
    return std::nullopt;
  }
  for (const auto& [member, value] : doc->items()) {
    if (member != "format" && std::find(members.begin(), members.end(), member) == members.end()) {
      error = "the file has an unknown member " + quote_excerpt(member, 40);
      return std::nullopt;
    }
  }
  const json& device = doc->at("device");
  if (!device.is_string() || !is_device_id(device.get<std::string>())) {
    error = "the file's \"device\" must be 32 lower-case hex digits";
    return std::nullopt;
  }
  const json& changes = doc->at("changes");
  if (!changes.is_array()) {
    error = "the file's \"changes\" must be a list";
    return std::nullopt;
  }
  if (changes.size() > kMaxDeviceFileChanges) {
    error = "the file holds more than " + std::to_string(kMaxDeviceFileChanges) + " changes";
    return std::nullopt;
  }
  return doc;
}

std::string read_device_changes(const json& changes, std::vector<DeviceChange>& out, const std::string& device) {
  out.reserve(changes.size());
  for (size_t i = 0; i < changes.size(); ++i) {
    try {
      out.push_back(read_device_change(changes[i], device));
    } catch (const DeviceChangeRefused& refused) {
      out.clear();
      return "change " + std::to_string(i + 1) + " " + refused.what();
    } catch (const json::exception&) {
      out.clear();
      return "change " + std::to_string(i + 1) + " could not be read";
    }
  }
  return "";
}

std::string written_elsewhere(const std::string& written_by, const std::string& folder_device) {
  if (written_by == folder_device) return "";
  return "it is written as another device's (" + written_by.substr(0, 8) + "…)";
}

}  // namespace tt
