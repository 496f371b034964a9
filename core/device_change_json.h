#pragma once
// One change of the device sync as its files hold it (core/device_file.h
// lists the kinds and their members): written, and read strictly, one at a
// time. The files around the changes are core/device_document.h's.
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/device_merge.h"

namespace tt {

// Why a change cannot be read; the file reading it adds which change it is.
struct DeviceChangeRefused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// `with_device`: the change names its device ("d"), as in a snapshot, which
// holds many devices' changes; a device's own file names it once for all.
nlohmann::json device_change_json(const DeviceChange& change, bool with_device);

// `file_device`: whose the change is, or empty when the change names it
// ("d"). Throws DeviceChangeRefused, or nlohmann::json's exceptions.
DeviceChange read_device_change(const nlohmann::json& item, const std::string& file_device);

}  // namespace tt
