#include "core/time_format.h"

#include <cstdio>

#include "core/parse_number.h"

namespace tt {
namespace {

// Howard Hinnant's inverse of days_from_civil (public domain).
void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

}  // namespace

// Howard Hinnant's days-from-civil algorithm (public domain).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int64_t utc_month_index(int64_t epoch_ms) {
  int64_t days = epoch_ms / kDayMs;
  if (epoch_ms % kDayMs < 0) --days;  // floor, before 1970 too
  int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  return y * 12 + static_cast<int64_t>(m) - 1;
}

std::string format_month_index(int64_t month_index) {
  int64_t year = month_index / 12;
  int64_t month = month_index % 12;
  if (month < 0) {
    month += 12;
    --year;
  }
  return format_iso8601_utc(days_from_civil(year, static_cast<unsigned>(month + 1), 1) * kDayMs).substr(0, 7);
}

std::string format_iso8601_utc(int64_t epoch_ms) {
  // Floor division without subtracting first: (x - 999) overflows near INT64_MIN.
  int64_t seconds = epoch_ms / 1000;
  if (epoch_ms % 1000 < 0) --seconds;
  int64_t days = seconds / 86400;
  if (seconds % 86400 < 0) --days;
  const int64_t rem = seconds - days * 86400;
  int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m, d,
                static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60), static_cast<int>(rem % 60));
  return buf;
}

std::optional<int64_t> parse_iso8601_utc(std::string_view text) {
  // Exactly "YYYY-MM-DDTHH:MM:SSZ": every field digits only and in range
  // (sscanf would take "-9" for a minute and 31 February for a date).
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  const auto field = [&](size_t at, size_t len, int64_t min, int64_t max) { return parse_int(text.substr(at, len), min, max); };
  const auto y = field(0, 4, 0, 9999), mo = field(5, 2, 1, 12), d = field(8, 2, 1, 31);
  const auto h = field(11, 2, 0, 23), mi = field(14, 2, 0, 59), s = field(17, 2, 0, 59);
  if (!y || !mo || !d || !h || !mi || !s) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y.value % 4 == 0 && y.value % 100 != 0) || y.value % 400 == 0;
  if (d.value > kDays[mo.value - 1] + (mo.value == 2 && leap ? 1 : 0)) return std::nullopt;
  const int64_t days = days_from_civil(y.value, static_cast<unsigned>(mo.value), static_cast<unsigned>(d.value));
  return ((days * 86400) + h.value * 3600 + mi.value * 60 + s.value) * 1000;
}

}  // namespace tt
