#pragma once
// Each other device's small file, device.json (its name and what it has
// merged; core/device_layout.h), fetched at most once in a sync: the names
// want it of each device something new came from, tidying this device's
// folder wants it of every device.
#include <map>
#include <optional>
#include <string>

#include "core/device_layout.h"
#include "shell/webdav_folder.h"

namespace tt {

class DeviceAbouts {
 public:
  explicit DeviceAbouts(WebDavFolder& folder) : folder_(folder) {}

  // Nothing when it is missing, cannot be fetched or cannot be read.
  Task<std::optional<DeviceAbout>> of(std::string device) {
    const auto known = fetched_.find(device);
    if (known != fetched_.end()) co_return known->second;
    const std::string path = device_folder_path(device) + "/device.json";
    const auto about = co_await folder_.fetch(path);
    co_return fetched_[device] = about.ok() ? parse_device_about(*about.value) : std::nullopt;
  }

 private:
  WebDavFolder& folder_;
  std::map<std::string, std::optional<DeviceAbout>> fetched_;
};

}  // namespace tt
