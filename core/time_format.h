#pragma once
// Converts between epoch milliseconds and ISO 8601 UTC text
// ("2026-11-28T19:08:27Z"). Pure arithmetic, no clock, no locale.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tt {

std::string format_iso8601_utc(int64_t epoch_ms);
std::optional<int64_t> parse_iso8601_utc(std::string_view text);  // "...Z" only

}  // namespace tt
