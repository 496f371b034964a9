#pragma once
// The settings table: key and text value (member id, default status, the
// practice limits, this device's display choices, the day a queue is for).
// Rows only: what a value may be is checked by its owner.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "shell/sqlite_db.h"

namespace tt {

class SettingsTable {
 public:
  explicit SettingsTable(Database& db) : db_(db) {}

  std::optional<std::string> get(const std::string& key);
  void put(const std::vector<std::pair<std::string, std::string>>& settings);  // each replaces its key's value

 private:
  Database& db_;
};

}  // namespace tt
