#pragma once
// tunetrack-proxy's HTTP server: the API allowlist with cache, rate limits,
// CORS and error mapping; /healthz; the static web app. Runs in-process for
// the integration tests and from main.cpp as the program.
#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/client_address.h"
#include "core/proxy_policy.h"
#include "core/http_cache.h"
#include "proxy/cached_upstream.h"
#include "proxy/proxy_config.h"
#include "proxy/static_files.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace tt::proxy {

class GuardedServer;
class ConnectionCounter;

class ProxyServer {
 public:
  explicit ProxyServer(ProxyConfig config);
  ~ProxyServer();

  // Binds and serves on a background thread; returns the bound port.
  int start();
  // Serves on the calling thread until stop() (used by main()).
  bool listen();
  void stop();
  int port() const { return port_; }

 private:
  void install_routes();
  void handle_api(const httplib::Request& req, httplib::Response& res);
  void handle_healthz(httplib::Response& res);
  bool apply_cors(const httplib::Request& req, httplib::Response& res);
  void log_access(const httplib::Request& req, const httplib::Response& res);
  // The peer, or with --trust-forwarded-for the client it forwards for.
  std::string client_of(const httplib::Request& req) const;

  ProxyConfig config_;
  std::vector<Cidr> trusted_;  // before server_, which asks about it
  std::unique_ptr<GuardedServer> server_;
  std::unique_ptr<ConnectionCounter> forwarded_in_flight_;  // per client behind a trusted proxy
  CachedUpstream api_;  // cache, collapsing, stale-while-revalidate, upstream politeness
  StaticFiles static_files_;
  std::mutex state_mutex_;  // guards limiter_
  RateLimiter limiter_;
  std::thread thread_;
  int port_ = 0;
  int64_t started_ms_;
  std::FILE* access_log_ = nullptr;
  std::mutex log_mutex_;
};

}  // namespace tt::proxy
