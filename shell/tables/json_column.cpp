#include "shell/tables/json_column.h"

#include <nlohmann/json.hpp>

namespace tt {

std::vector<std::string> json_strings(const std::string& text) {
  std::vector<std::string> out;
  if (text == "[]") return out;  // most tunes: no parse (a queue reads 10,000 of them)
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_array()) {
    for (const auto& v : doc) if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace tt
