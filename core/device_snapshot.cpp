#include "core/device_snapshot.h"

#include "core/change_record.h"
#include "core/device_change_json.h"
#include "core/device_document.h"
#include "core/json_text.h"

namespace tt {

using nlohmann::json;

std::string device_snapshot_text(const DeviceSnapshot& snapshot) {
  json covers = json::object();
  for (const auto& [device, stamp] : snapshot.covers) covers[device] = to_string(stamp);
  json list = json::array();
  for (const DeviceChange& change : snapshot.changes) list.push_back(device_change_json(change, true));
  return json{{"format", kDeviceSnapshotFormat}, {"version", kDeviceFileVersion}, {"device", snapshot.device},
              {"covers", covers}, {"changes", list}}
      .dump();
}

Parsed<DeviceSnapshot> parse_device_snapshot(std::string_view text) {
  Parsed<DeviceSnapshot> out;
  const auto doc = read_device_document(text, kDeviceSnapshotFormat, "device snapshot", {"version", "device", "covers", "changes"}, out.error);
  if (!doc) return out;
  out.value.device = doc->at("device").get<std::string>();
  const json& covers = doc->at("covers");
  if (!covers.is_object() || covers.size() > kMaxSnapshotDevices) {
    out.error = "the file's \"covers\" must map at most " + std::to_string(kMaxSnapshotDevices) + " devices to clock stamps";
    return out;
  }
  for (const auto& [device, stamp] : covers.items()) {
    const auto hlc = stamp.is_string() ? parse_hlc(stamp.get<std::string>()) : Parsed<HlcStamp>{};
    if (!is_device_id(device) || !hlc) {
      out.error = "the file's \"covers\" must map device ids to clock stamps, not " + quote_excerpt(device, 40);
      return out;
    }
    out.value.covers[device] = *hlc;
  }
  out.error = read_device_changes(doc->at("changes"), out.value.changes, "");
  if (out.error.empty()) {
    // Each change falls within what the snapshot says it covers of its device.
    for (size_t i = 0; i < out.value.changes.size(); ++i) {
      const DeviceChange& c = out.value.changes[i];
      const auto covered = out.value.covers.find(c.at.device);
      if (covered == out.value.covers.end() || covered->second < c.at.hlc) {
        out.error = "change " + std::to_string(i + 1) + " is newer than what the snapshot covers of its device";
        out.value.changes.clear();
        break;
      }
    }
  }
  out.ok = out.error.empty();
  return out;
}

}  // namespace tt
