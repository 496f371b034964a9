#pragma once
// The proxy's answer to an allowed API request, from its cache or from
// thesession.org, never asking upstream more than needed:
//  - fresh copies answer at once;
//  - a copy expired less than --swr-s ago answers at once too, while one
//    background refresh updates it (RFC 5861 stale-while-revalidate);
//  - concurrent misses for one URL share one upstream request (FlightTable);
//  - when upstream fails or asked for a pause, an expired copy kept for
//    --stale-s answers instead (RFC 5861 stale-if-error).
// Which of these applies is a rule in core (decide_cache_use); this class
// performs it. Every upstream call goes through Upstream's politeness gate.
#include <cstdint>
#include <mutex>
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
  // Waits for background refreshes to finish; no new ones start.
  void stop() { refresh_.stop(); }

  UpstreamStats upstream_stats() { return upstream_.stats(); }
  const std::string& base_url() const { return upstream_.base_url(); }
  size_t cache_entries();
  size_t cache_bytes();

 private:
  using Answer = FlightTable::Answer;
  // Leads or follows the flight for this route's upstream URL.
  Answer fetch_shared(const ProxyRoute& route, int64_t deadline_ms);
  // One upstream request, mapped to the product's answer, cached when good.
  ApiAnswer fetch_and_store(const ProxyRoute& route);
  // Starts the one background refresh for this route unless one is in the air.
  void refresh_in_background(const ProxyRoute& route);

  const ProxyConfig& config_;
  Upstream upstream_;
  CacheTtls ttls_;
  int64_t swr_ms_;
  std::mutex cache_mutex_;
  ResponseCache cache_;
  FlightTable flights_;
  BackgroundRefresh refresh_;  // last: stopped (and its jobs finished) before the rest goes
};

}  // namespace tt::proxy
