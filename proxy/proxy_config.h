#pragma once
// tunetrack-proxy's settings: command-line flags, each with an environment
// variable equivalent (TUNETRACK_PROXY_<FLAG>, dashes as underscores).
#include <cstdint>
#include <string>
#include <vector>

namespace tt::proxy {

struct ProxyConfig {
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string upstream = "https://thesession.org";
  std::string web_dir;                     // empty: API only
  std::vector<std::string> allow_origins;  // besides same-origin
  // Peers (CIDR ranges) whose X-Forwarded-For names the client: a TLS
  // terminator or load balancer in front. Empty: the header is ignored.
  std::vector<std::string> trust_forwarded_for;
  int connect_timeout_ms = 5000;
  int read_timeout_ms = 15000;
  // One retry layer: the client's sync engine owns retries (3 attempts), so
  // the proxy forwards each request once unless an operator asks for more.
  int retry_attempts = 1;
  int retry_delay_ms = 500;               // then doubled
  int deadline_ms = 25000;                // all attempts of one request together
  int max_body_bytes = 4 << 20;
  int max_upstream = 4;                   // concurrent upstream requests
  // Upstream requests started per second, queued beyond (0 = no cap); bursts
  // of as many, so a short sync is not slowed. See core/upstream_politeness.h.
  double max_upstream_rps = 10;
  // Collapsed forwarding (proxy/flight_table.h): concurrent misses for one
  // upstream URL share one request. `collapse = false` (--no-collapse) is the
  // behaviour before it, kept for benchmarks and comparisons.
  bool collapse = true;
  int max_waiters = 1024;                 // requests waiting on another's upstream call, all URLs together
  int64_t cache_bytes = 64ll << 20;
  int tunebook_ttl_s = 60;
  int tune_ttl_s = 86400;
  int stale_s = 86400;                    // how long an expired copy may still be served while upstream is down
  // How long past its freshness a copy is answered at once while one
  // background refresh runs (RFC 5861 stale-while-revalidate; 0 = off).
  int swr_s = 30;
  double rate = 20;                        // API requests per second per client (0 = off)
  double burst = 100;  // a 5,000-tune sync (100 pages) fits in one burst
  int breaker_failures = 5;
  int breaker_cooldown_s = 30;
  // Connections (see proxy/guarded_server.h): one worker per open connection,
  // so idle and slow ones are closed quickly and capped per address.
  int threads = 1024;                      // most connections served at once
  int keep_alive_s = 2;                    // idle time allowed on a connection
  int header_timeout_s = 5;                // a request head must arrive within this
  int max_connections_per_client = 256;    // per client address (0 = no cap)
  int listen_backlog = 1024;
  std::string access_log = "-";            // "-" stderr, "off", or a file path
};

// Throws std::invalid_argument with a one-line message; `help` set for --help.
ProxyConfig parse_proxy_config(int argc, char** argv, bool& help);
std::string proxy_usage();

}  // namespace tt::proxy
