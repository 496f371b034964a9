#pragma once
// The snapshot's slices kept beside their features (notation_snapshot.cpp,
// practice_snapshot.cpp, sets_snapshot.cpp); web/model/snapshot.cpp puts
// them together. Fields only ever added, never renamed or dropped.
#include <nlohmann/json.hpp>

#include "web/model/model.h"

namespace tt::web {

nlohmann::json notation_snapshot(const Model& m);
nlohmann::json practice_snapshot(const Model& m);
nlohmann::json sets_snapshot(const Model& m);
nlohmann::json open_set_snapshot(const Model& m);
nlohmann::json devices_snapshot(const Model& m);  // never the password

}  // namespace tt::web
