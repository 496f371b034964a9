#pragma once
// What the proxy answers to one API request, as data: a good answer with its
// validators and freshness, or the product's error reply. One upstream call's
// answer is shared, read-only, by every request that waited for it (see
// proxy/flight_table.h).
#include <cstdint>
#include <optional>
#include <string>

#include "core/http_cache.h"
#include "core/proxy_policy.h"

namespace tt::proxy {

struct ApiAnswer {
  bool ok = false;
  // ok: the body as cached, with its validators (core/http_cache.h).
  std::string body, redirected_to, etag;
  int64_t fetched_s = 0;      // wall clock: Last-Modified
  int64_t fresh_left_ms = 0;  // <= 0 for a stale copy
  StaleAllowance stale;       // what it promises past freshness (RFC 5861), what is left of it for a stale copy
  int64_t age_s = -1;         // a stale copy's age (the Age header); -1: none sent
  // !ok: the error answer; `stale_ok` when a stale copy may answer instead
  // (stale-if-error: upstream unavailable, not "no such tune").
  ProxyReply error{500, "", std::nullopt};
  bool stale_ok = false;
  const char* cache = "miss";  // X-Cache: hit, miss or stale
  int64_t upstream_ms = -1;    // for the access log; -1 when upstream was not called
};

}  // namespace tt::proxy
