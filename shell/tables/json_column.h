#pragma once
// JSON kept in a column by the tables (a tune's aliases, a sync run's errors).
#include <string>
#include <vector>

namespace tt {

// A JSON list of strings as written by the store; anything else reads as none.
std::vector<std::string> json_strings(const std::string& text);

}  // namespace tt
