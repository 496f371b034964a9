#pragma once
// The readers of thesession.org's JSON that the tunebook, tune and search
// parsers (thesession_api.cpp) and the sets parser (thesession_sets.cpp)
// share: ids, bounded numbers, strings, the top-level object. Only those two
// files use it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tt::api_json {

// thesession's ids have at most 10 digits (see parse_thesession_id).
inline constexpr int64_t kMaxId = 9999999999;
// Paging and counts bounded to what they can mean: a tunebook of 100,000
// tunes is 2,000 pages of 50; nothing else would be polite to fetch.
inline constexpr int64_t kMaxPages = 2000;
inline constexpr int64_t kMaxCount = 100000000;

// Ids arrive as numbers or digit strings; anything else is not an id.
std::optional<int64_t> read_id(const nlohmann::json& value);
// A missing key gives `fallback`; a present one must be within bounds, else
// `problem` (when still empty) says which field and why.
int read_bounded(const nlohmann::json& object, const char* key, int fallback, int64_t min, int64_t max,
                 std::string& problem);
// The string at `key`, "" when missing or not a string.
std::string read_string(const nlohmann::json& object, const char* key);
std::string trimmed(std::string text);
// The body as a JSON object, bad text inside strings repaired to U+FFFD so
// one bad name fails one entry, not the page; nullopt with `error` set else.
std::optional<nlohmann::json> parse_object(std::string_view body, std::string& error);

}  // namespace tt::api_json
