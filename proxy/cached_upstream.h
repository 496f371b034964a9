#pragma once
// The proxy's answer to an allowed API request, from its cache or from
// thesession.org, never asking upstream more than needed:
//  - fresh copies answer at once;
//  - a copy expired less than --swr-s ago answers at once too, while one
//    background refresh updates it (RFC 5861 stale-while-revalidate); a
//    refresh that failed is not tried again for a few seconds;
//  - concurrent misses for one URL share one upstream request (FlightTable),
//    and whoever leads or refreshes reads the cache again first, so an answer
//    stored a moment ago is never asked for twice;
//  - when upstream fails or asked for a pause, an expired copy kept for
//    --stale-s answers instead (RFC 5861 stale-if-error).
// Which of these applies is a rule in core (decide_cache_use); this class
// performs it. Every upstream call goes through Upstream's politeness gate.
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "core/proxy_policy.h"
#include "proxy/api_answer.h"
#include "proxy/background_refresh.h"
#include "proxy/flight_table.h"
#include "proxy/proxy_config.h"
#include "proxy/upstream.h"

namespace tt::proxy {

class CachedUpstream {
 public:
  explicit CachedUpstream(const ProxyConfig& config);
  ~CachedUpstream() { stop(); }

  // `deadline_ms` (steady clock) bounds how long this caller waits for
  // another's upstream request; its own requests keep Upstream's deadline.
  ApiAnswer get(const ProxyRoute& route, int64_t deadline_ms);
  // Calls queued for upstream give up, no new refresh starts, and running
  // refreshes are waited for. Idempotent.
  void stop() {
    upstream_.stop();
    refresh_.stop();
  }

  UpstreamStats upstream_stats() { return upstream_.stats(); }
  const std::string& base_url() const { return upstream_.base_url(); }
  size_t cache_entries();
  size_t cache_bytes();

  // Tests only, set before use: runs right after a request has read the
  // cache, to widen the window in which another request's answer lands.
  void set_after_cache_read_for_test(std::function<void()> hook) { after_cache_read_ = std::move(hook); }

 private:
  using Answer = FlightTable::Answer;
  std::optional<ResponseCache::Hit> read_cache(const std::string& key);
  // The answer a cached copy gives, with what it may still promise.
  ApiAnswer from_cache(const ResponseCache::Hit& hit, int64_t grace_ms, const char* state) const;
  // The cached copy when it is fresh now: another request stored it since
  // this one looked.
  std::optional<ApiAnswer> fresh_copy(const ProxyRoute& route);
  int64_t grace_ms(const ProxyRoute& route) const;
  // Leads or follows the flight for this route's upstream URL.
  Answer fetch_shared(const ProxyRoute& route, int64_t deadline_ms);
  // One upstream request, mapped to the product's answer, cached when good.
  ApiAnswer fetch_and_store(const ProxyRoute& route);
  // Starts the one background refresh for this route unless one is in the air.
  void refresh_in_background(const ProxyRoute& route);
  // The refresh failed: hold further ones for this copy a few seconds.
  void hold_refreshes(const ProxyRoute& route);

  const ProxyConfig& config_;
  Upstream upstream_;
  CacheTtls ttls_;
  int64_t swr_ms_, stale_ms_;
  std::function<void()> after_cache_read_;
  std::mutex cache_mutex_;
  ResponseCache cache_;
  FlightTable flights_;
  BackgroundRefresh refresh_;  // last: stopped (and its jobs finished) before the rest goes
};

}  // namespace tt::proxy
