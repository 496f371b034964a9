#pragma once
// The proxy's protective rules as pure, clock-free pieces: a per-client token
// bucket, a circuit breaker, a byte-bounded response cache with TTLs and
// stale copies, CORS decisions, and the mapping of upstream failures to the
// product's error answers. The server (proxy/) feeds them the time.
#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/http_outcome.h"
#include "core/proxy_routes.h"

namespace tt {

// --- Rate limiting: one token bucket per client address.
class RateLimiter {
 public:
  RateLimiter(double per_second, double burst, size_t max_clients = 10000)
      : rate_(per_second), burst_(burst), max_clients_(max_clients) {}
  // 0 when allowed; otherwise milliseconds until a token is available.
  int64_t take(const std::string& client, int64_t now_ms);
  bool enabled() const { return rate_ > 0; }

 private:
  struct Bucket { double tokens; int64_t last_ms; };
  double rate_, burst_;
  size_t max_clients_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// --- Circuit breaker: after failures of `threshold` distinct requests in a
// row, fail fast for `cooldown_ms`; then let one trial through (half-open).
// Distinct, so that one always-failing resource asked for again and again (a
// broken tunebook, a client retrying) cannot open the circuit for everyone.
// The proxy keeps one per route class (ProxyRouteKind). Only transient
// failures count; a 404/410/451 is upstream answering, i.e. a success here.
class CircuitBreaker {
 public:
  enum class State { Closed, Open, HalfOpen };
  CircuitBreaker(int threshold, int64_t cooldown_ms) : threshold_(threshold), cooldown_ms_(cooldown_ms) {}
  bool allow(int64_t now_ms);  // false: fail fast
  void record_success();
  // `request` names what failed (the upstream target); a repeat of a request
  // already counted in this run of failures does not count again.
  void record_failure(int64_t now_ms, std::string_view request = {});
  // The half-open trial never reached upstream, or upstream only asked for a
  // pause: neither success nor failure; the next call may try again.
  void abandon_trial() { trial_in_flight_ = false; }
  State state(int64_t now_ms) const;
  int64_t retry_after_ms(int64_t now_ms) const;  // while open
  static std::string_view name(State s);

 private:
  int threshold_;
  int64_t cooldown_ms_;
  std::vector<std::string> failing_;  // distinct requests failed in a row (at most threshold_)
  int64_t opened_at_ms_ = -1;
  bool trial_in_flight_ = false;
};

// --- Response cache: LRU bounded in bytes; entries expire after their TTL
// but are kept (as stale) up to `keep_stale_ms` longer, for every use of a
// stale copy (stale-while-revalidate and stale-if-error: the caller passes
// the longer of the two windows and decides which applies).
class ResponseCache {
 public:
  struct Hit {
    std::string body;
    bool fresh;
    std::string redirected_to;
    std::string etag;         // see http_cache.h
    int64_t fetched_s;        // wall-clock seconds when fetched: Last-Modified
    int64_t fresh_left_ms;    // how long it stays fresh (<= 0 when stale)
    int64_t age_ms;           // since it was stored: the Age header
    bool refresh_held;        // a refresh failed lately: do not ask upstream again yet
  };
  ResponseCache(size_t max_bytes, int64_t keep_stale_ms) : max_bytes_(max_bytes), keep_stale_ms_(keep_stale_ms) {}
  // `now_ms` is the monotonic clock (expiry); `fetched_s` the wall clock.
  void put(const std::string& key, std::string body, std::string redirected_to, int64_t now_ms, int64_t ttl_ms,
           std::string etag = {}, int64_t fetched_s = 0);
  std::optional<Hit> get(const std::string& key, int64_t now_ms);
  // A background refresh of `key` failed: hits report refresh_held until
  // `until_ms`, so a hot page's stale hits do not ask upstream back to back.
  // A new copy (put) lifts it; no entry, nothing to hold.
  void hold_refresh(const std::string& key, int64_t until_ms);
  size_t bytes() const { return bytes_; }
  size_t size() const { return index_.size(); }

 private:
  struct Entry {
    std::string key, body, redirected_to, etag;
    int64_t stored_ms, expires_ms;
    int64_t fetched_s;
    int64_t refresh_held_until_ms = -1;
  };
  void evict_until_fits(size_t incoming);
  size_t max_bytes_;
  int64_t keep_stale_ms_;
  size_t bytes_ = 0;
  std::list<Entry> lru_;  // front = most recent
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

// --- CORS: the origin to echo back, or nullopt for no CORS headers.
std::optional<std::string> cors_allowed_origin(std::string_view origin, const std::vector<std::string>& allowed,
                                               std::string_view own_host);

// --- Error answers, always {"error": code, "message": text}.
struct ProxyReply {
  int status;
  std::string body;  // JSON
  std::optional<int64_t> retry_after_s;
};
ProxyReply error_reply(int status, std::string_view code, std::string_view message,
                       std::optional<int64_t> retry_after_s = std::nullopt);
// What to answer when upstream failed for `route` (after the proxy's retries).
ProxyReply upstream_failure_reply(const ProxyRoute& route, const HttpOutcome& outcome);

// Why a 200 answer from upstream must not be passed on (nullopt: pass it):
// whatever the app itself would refuse as a whole (not JSON, nested too
// deeply, numbers out of range, no tunes list), checked with the app's own
// parsers. Bad single entries pass: the app reports them one by one.
std::optional<std::string> upstream_body_problem(ProxyRouteKind kind, std::string_view body);

// How long a good answer for this kind of route stays fresh.
struct CacheTtls {
  int64_t tunebook_ms = 60 * 1000;  // tunebook and sets pages
  int64_t member_ms = 60 * 60 * 1000;
  int64_t tune_ms = 24 * 60 * 60 * 1000;
  int64_t search_ms = 10 * 60 * 1000;
  int64_t for_route(ProxyRouteKind kind) const;
};

}  // namespace tt
