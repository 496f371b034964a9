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

// The RFC 5861 extensions a good answer carries besides max-age, so the page
// and any shared cache in front (nginx, a CDN) keep the same promises the
// proxy keeps: a stale copy may be served for `while_revalidate_s` past its
// freshness while one refresh runs, and for `if_error_s` while upstream
// fails. Zero leaves an extension out.
struct StaleAllowance {
  int64_t while_revalidate_s = 0;
  int64_t if_error_s = 0;
};
std::string cache_control_for(int status, int64_t max_age_s, const StaleAllowance& stale);

// What a copy may still promise, in whole seconds, given how long it stays
// fresh (`fresh_left_ms`; negative: expired that long ago) and the proxy's
// windows past expiry. A fresh copy promises the whole windows; a stale one
// only what is left of them, so nothing in front keeps it longer than the
// proxy itself would (every answer is stated as if sent now, like max-age).
StaleAllowance stale_allowance_left(int64_t fresh_left_ms, int64_t revalidate_grace_ms, int64_t if_error_ms);

// What to do with a request given the cached copy (if any). Pure: the
// caller passes how long the copy stays fresh (negative: how long ago it
// expired), the stale-while-revalidate grace and the stale-if-error window.
enum class CacheUse {
  Fresh,             // answer from the cache
  StaleRevalidate,   // answer the stale copy at once; one background refresh updates it
  FetchOrStale,      // ask upstream; the stale copy answers only if upstream fails (stale-if-error)
  Fetch,             // nothing usable: ask upstream
};
CacheUse decide_cache_use(bool have_copy, int64_t fresh_left_ms, int64_t revalidate_grace_ms, int64_t if_error_ms);

// The stale-while-revalidate grace for answers that stay fresh `ttl_ms`: the
// configured grace, but never longer than the freshness itself, so a short
// life stays short and a TTL of 0 keeps meaning "ask upstream every time".
int64_t revalidate_grace_ms(int64_t ttl_ms, int64_t configured_grace_ms);

}  // namespace tt
