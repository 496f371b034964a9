#pragma once
// Reading JSON that came from outside (thesession.org, an import file) without
// letting it hurt us: nesting is bounded before parsing (nlohmann's dump and
// comparisons recurse, and the page runs on a small stack), and text that is
// not valid UTF-8 can be repaired to U+FFFD so one bad tune name becomes one
// entry error instead of failing a whole page. Also a short, safe description
// of an untrusted value for error messages: never the value dumped whole.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/parse_number.h"

namespace tt {

inline constexpr int kMaxJsonDepth = 32;  // thesession's answers nest 4 deep
inline constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD

// True when every byte sequence is well-formed UTF-8 (no overlongs, no
// surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Parses `text` as JSON when its nesting stays within `max_depth`; on failure
// sets `error` ("nested too deeply", "not valid JSON") and returns nullopt.
// With `repair_text`, invalid UTF-8 and lone surrogate escapes inside strings
// become U+FFFD instead of failing the parse.
std::optional<nlohmann::json> parse_untrusted_json(std::string_view text, std::string& error,
                                                   bool repair_text = false, int max_depth = kMaxJsonDepth);

// A whole number given as a JSON number or a digit string, within [min, max];
// the error quotes at most a short description of what came instead.
Parsed<int64_t> read_json_int(const nlohmann::json& value, int64_t min, int64_t max);

// "a string \"abc\"", "the number 12", "an array", "an object", "null", "true":
// bounded in size, safe to embed in a message or a JSON string.
std::string describe_json_value(const nlohmann::json& value);

}  // namespace tt
