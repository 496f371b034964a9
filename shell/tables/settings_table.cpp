#include "shell/tables/settings_table.h"

namespace tt {

std::optional<std::string> SettingsTable::get(const std::string& key) {
  Statement s(db_.handle(), "SELECT value FROM setting WHERE key = ?1");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.text_at(0);
}

void SettingsTable::put(const std::vector<std::pair<std::string, std::string>>& settings) {
  Statement s(db_.handle(),
              "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  for (const auto& [key, value] : settings) s.bind(1, key).bind(2, value).run();
}

}  // namespace tt
