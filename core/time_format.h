#pragma once
// Converts between epoch milliseconds and ISO 8601 UTC text
// ("2026-11-28T19:08:27Z"). Pure arithmetic, no clock, no locale.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tt {

// A calendar day in milliseconds (UTC days: no leap seconds in epoch time).
inline constexpr int64_t kDayMs = 86'400'000;

std::string format_iso8601_utc(int64_t epoch_ms);
// Days since 1970-01-01 of a civil date (proleptic Gregorian); month 1-12.
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);
std::optional<int64_t> parse_iso8601_utc(std::string_view text);  // "...Z" only
// The UTC calendar month holding epoch_ms, as year * 12 + (month - 1): a
// number to count by, formatted once per month rather than once per moment.
int64_t utc_month_index(int64_t epoch_ms);
// That month as "YYYY-MM" (as format_iso8601_utc writes its first 7 characters).
std::string format_month_index(int64_t month_index);
// The day alone ("2026-11-28"), as lists and the tune page show dates.
inline std::string format_date_utc(int64_t epoch_ms) { return format_iso8601_utc(epoch_ms).substr(0, 10); }
// A moment on the device's clock ("2026-11-28 20:08:27"), east of UTC by
// `utc_offset_minutes`: when something last happened here, as the musician reads it.
inline std::string format_local_date_time(int64_t epoch_ms, int utc_offset_minutes) {
  const std::string iso = format_iso8601_utc(epoch_ms + int64_t{utc_offset_minutes} * 60000);
  return iso.substr(0, 10) + " " + iso.substr(11, 8);
}

}  // namespace tt
