#include "core/device_file.h"

#include "core/device_change_json.h"

namespace tt {

using nlohmann::json;

std::string device_file_text(const std::string& device, const std::vector<DeviceChange>& changes) {
  json list = json::array();
  for (const DeviceChange& change : changes) list.push_back(device_change_json(change, false));
  return json{{"format", kDeviceFileFormat}, {"version", kDeviceFileVersion}, {"device", device}, {"changes", list}}.dump();
}

Parsed<DeviceFile> parse_device_file(std::string_view text) {
  Parsed<DeviceFile> out;
  const auto doc = read_device_document(text, kDeviceFileFormat, "device changes file", {"version", "device", "changes"}, out.error);
  if (!doc) return out;
  out.value.device = doc->at("device").get<std::string>();
  out.error = read_device_changes(doc->at("changes"), out.value.changes, out.value.device);
  out.ok = out.error.empty();
  return out;
}

std::string device_file_mismatch(const DeviceFile& file, const std::string& device, const ChangeFileName& range) {
  if (std::string error = written_elsewhere(file.device, device); !error.empty()) return error;
  for (size_t i = 0; i < file.changes.size(); ++i) {
    const HlcStamp& at = file.changes[i].at.hlc;
    if (at < range.first || range.last < at) {
      return "change " + std::to_string(i + 1) + " is stamped outside what the file's name says";
    }
  }
  return "";
}

}  // namespace tt
