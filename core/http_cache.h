#pragma once
// Standard HTTP caching for the proxy's API answers, so any shared cache or
// CDN in front of several proxy instances can serve them: the Cache-Control
// that matches the proxy's own freshness, a strong ETag from the body, an
// HTTP date for Last-Modified, and the conditional-request rule (RFC 9110
// 13.2.2: If-None-Match first; If-Modified-Since only without it). Pure: the
// caller passes the time.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tt {

// "\"<16 hex digits>\"": a 64-bit FNV-1a of the body. Not a security
// property, only a cheap way to tell versions apart.
std::string entity_tag(std::string_view body);

// IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"; parse accepts only that form
// (the only one a sender may generate) and nullopt otherwise.
std::string format_http_date(int64_t epoch_s);
std::optional<int64_t> parse_http_date(std::string_view text);

// True when the client's copy (named by its validators) is still current.
bool not_modified(std::string_view if_none_match, std::string_view if_modified_since, std::string_view etag,
                  int64_t last_modified_s);

// What a shared cache may do with an answer of `status` whose fresh life
// left is `max_age_s`: good answers and 404s (briefly) are public, the rest
// never stored.
inline constexpr int64_t kNotFoundMaxAgeS = 60;
std::string cache_control_for(int status, int64_t max_age_s);

}  // namespace tt
