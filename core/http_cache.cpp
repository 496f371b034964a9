#include "core/http_cache.h"

#include <algorithm>
#include <cstdio>

#include "core/parse_number.h"
#include "core/time_format.h"

namespace tt {
namespace {

constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string entity_tag(std::string_view body) {
  uint64_t h = 1469598103934665603ull;
  for (const char c : body) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

std::string format_http_date(int64_t epoch_s) {
  if (epoch_s < 0) epoch_s = 0;  // answers are never older than 1970
  int64_t days = epoch_s / 86400;
  const int64_t rem = epoch_s % 86400;
  const int weekday = static_cast<int>(days % 7);
  days += 719468;
  const int64_t era = days / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04lld %02d:%02d:%02d GMT", kDays[weekday], d, kMonths[m - 1],
                static_cast<long long>(y), static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60),
                static_cast<int>(rem % 60));
  return buf;
}

std::optional<int64_t> parse_http_date(std::string_view t) {
  // "Sun, 06 Nov 1994 08:49:37 GMT": fixed positions.
  if (t.size() != 29 || t.substr(3, 2) != ", " || t[7] != ' ' || t[11] != ' ' || t[16] != ' ' || t[19] != ':' ||
      t[22] != ':' || t.substr(25) != " GMT") {
    return std::nullopt;
  }
  int month = 0;
  for (int i = 0; i < 12; ++i) {
    if (t.substr(8, 3) == kMonths[i]) month = i + 1;
  }
  const auto d = parse_int(t.substr(5, 2), 1, 31), y = parse_int(t.substr(12, 4), 1970, 9999);
  const auto h = parse_int(t.substr(17, 2), 0, 23), mi = parse_int(t.substr(20, 2), 0, 59),
             s = parse_int(t.substr(23, 2), 0, 59);
  if (!month || !d || !y || !h || !mi || !s) return std::nullopt;
  return days_from_civil(y.value, static_cast<unsigned>(month), static_cast<unsigned>(d.value)) * 86400 +
         h.value * 3600 + mi.value * 60 + s.value;
}

bool not_modified(std::string_view if_none_match, std::string_view if_modified_since, std::string_view etag,
                  int64_t last_modified_s) {
  if (!trim(if_none_match).empty()) {
    // A list of tags; weak ones ("W/...") compare by their opaque part.
    size_t start = 0;
    while (start <= if_none_match.size()) {
      const size_t comma = if_none_match.find(',', start);
      std::string_view tag = trim(if_none_match.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
      if (tag == "*" || tag == etag) return true;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return false;
  }
  const auto since = parse_http_date(trim(if_modified_since));
  return since && last_modified_s <= *since;
}

std::string cache_control_for(int status, int64_t max_age_s) {
  if (status == 200) return "public, max-age=" + std::to_string(max_age_s < 0 ? 0 : max_age_s);
  if (status == 404) return "public, max-age=" + std::to_string(kNotFoundMaxAgeS);
  return "no-store";
}

std::string cache_control_for(int status, int64_t max_age_s, const StaleAllowance& stale) {
  std::string value = cache_control_for(status, max_age_s);
  if (status != 200) return value;  // errors are never served stale by anyone; 404s only briefly fresh
  if (stale.while_revalidate_s > 0) value += ", stale-while-revalidate=" + std::to_string(stale.while_revalidate_s);
  if (stale.if_error_s > 0) value += ", stale-if-error=" + std::to_string(stale.if_error_s);
  return value;
}

int64_t revalidate_grace_ms(int64_t ttl_ms, int64_t configured_grace_ms) {
  return std::max<int64_t>(0, std::min(ttl_ms, configured_grace_ms));
}

StaleAllowance stale_allowance_left(int64_t fresh_left_ms, int64_t revalidate_grace_ms, int64_t if_error_ms) {
  const int64_t since_expiry = std::max<int64_t>(0, -fresh_left_ms);
  return {std::max<int64_t>(0, revalidate_grace_ms - since_expiry) / 1000,
          std::max<int64_t>(0, if_error_ms - since_expiry) / 1000};
}

CacheUse decide_cache_use(bool have_copy, int64_t fresh_left_ms, int64_t revalidate_grace_ms, int64_t if_error_ms) {
  if (!have_copy) return CacheUse::Fetch;
  if (fresh_left_ms > 0) return CacheUse::Fresh;
  // Expired `-fresh_left_ms` ago: within the grace the copy answers at once;
  // within the stale-if-error window only when upstream fails; after both,
  // it is as good as absent (the cache may keep it for the other window).
  if (-fresh_left_ms < revalidate_grace_ms) return CacheUse::StaleRevalidate;
  if (-fresh_left_ms < if_error_ms) return CacheUse::FetchOrStale;
  return CacheUse::Fetch;
}

}  // namespace tt
