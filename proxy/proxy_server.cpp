#include "proxy/proxy_server.h"

#include <httplib.h>

#include <chrono>
#include <map>

#include <nlohmann/json.hpp>

#include "core/http_cache.h"
#include "core/parse_number.h"
#include "core/proxy_routes.h"
#include "core/version.h"
#include "proxy/error_guard.h"
#include "proxy/guarded_server.h"

namespace tt::proxy {
namespace {

// Per-request facts the access log wants, carried through httplib's response headers
// would leak to clients; a thread-local is enough since one request runs on one thread.
thread_local int64_t t_upstream_ms = -1;
thread_local const char* t_cache = "-";

ConnectionLimits connection_limits(const ProxyConfig& config) {
  ConnectionLimits limits;
  limits.keep_alive_ms = config.keep_alive_s * 1000;
  limits.header_timeout_ms = config.header_timeout_s * 1000;
  limits.max_per_client = config.max_connections_per_client;
  limits.max_threads = config.threads;
  limits.backlog = config.listen_backlog;
  return limits;
}

std::vector<Cidr> parse_trusted(const std::vector<std::string>& ranges) {
  std::vector<Cidr> out;
  for (const auto& text : ranges) {
    const auto cidr = parse_cidr(text);
    if (!cidr) throw std::invalid_argument("--trust-forwarded-for needs an address or CIDR range, not " + quote_excerpt(text));
    out.push_back(*cidr);
  }
  return out;
}

void send(httplib::Response& res, const ProxyReply& reply) {
  res.status = reply.status;
  if (reply.retry_after_s) res.set_header("Retry-After", std::to_string(*reply.retry_after_s));
  res.set_header("Cache-Control", cache_control_for(reply.status, 0));
  res.set_content(reply.body, "application/json");
}

}  // namespace

ProxyServer::ProxyServer(ProxyConfig config)
    : config_(std::move(config)),
      trusted_(parse_trusted(config_.trust_forwarded_for)),
      server_(std::make_unique<GuardedServer>(connection_limits(config_),
                                              [this](const std::string& peer) { return is_trusted(peer, trusted_); })),
      forwarded_in_flight_(std::make_unique<ConnectionCounter>(config_.max_connections_per_client)),
      api_(config_),
      static_files_(config_.web_dir),
      limiter_(config_.rate, config_.burst),
      started_ms_(steady_now_ms()) {
  if (config_.access_log == "-") {
    access_log_ = stderr;
  } else if (config_.access_log != "off") {
    access_log_ = std::fopen(config_.access_log.c_str(), "a");
    if (!access_log_) throw std::invalid_argument("cannot open access log " + config_.access_log);
  }
  server_->set_payload_max_length(16 * 1024);  // GET-only API: requests carry no body
  server_->set_read_timeout(5, 0);
  server_->set_write_timeout(10, 0);
  server_->set_keep_alive_timeout(config_.keep_alive_s);
  server_->set_keep_alive_max_count(1000);
  server_->set_tcp_nodelay(true);  // small JSON answers must not wait for delayed ACKs
  install_routes();
}

ProxyServer::~ProxyServer() {
  stop();
  if (access_log_ && access_log_ != stderr) std::fclose(access_log_);
}

int ProxyServer::start() {
  port_ = config_.port == 0 ? server_->bind_to_any_port(config_.bind)
                            : (server_->bind_to_port(config_.bind, config_.port) ? config_.port : -1);
  if (port_ <= 0) {
    throw std::runtime_error("cannot listen on " + config_.bind + ":" + std::to_string(config_.port) +
                             " (in use, or not allowed)");
  }
  if (!server_->raise_backlog()) throw std::runtime_error("cannot set the listen backlog");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // listen_after_bind() flips is_running() once it accepts; the socket is
  // already bound, so connections made meanwhile queue in the backlog.
  for (int i = 0; i < 500 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return port_;
}

void ProxyServer::stop() {
  // Upstream first: requests queued for it answer 503 at once instead of
  // holding the shutdown until their deadline.
  api_.stop();
  server_->stop();
  if (thread_.joinable()) thread_.join();
  api_.stop();  // again: a refresh started meanwhile finishes before the server goes
}

bool ProxyServer::apply_cors(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Vary", "Origin");
  const auto origin = cors_allowed_origin(req.get_header_value("Origin"), config_.allow_origins,
                                          req.get_header_value("Host"));
  if (!origin) return false;
  res.set_header("Access-Control-Allow-Origin", *origin);
  res.set_header("Access-Control-Expose-Headers", "X-Cache, X-Tunetrack-Redirected-To, Retry-After");
  return true;
}

std::string ProxyServer::client_of(const httplib::Request& req) const {
  if (trusted_.empty()) return req.remote_addr;
  std::string forwarded;
  const size_t n = req.get_header_value_count("X-Forwarded-For");
  for (size_t i = 0; i < n; ++i) forwarded += (i ? "," : "") + req.get_header_value("X-Forwarded-For", i);
  return client_address(req.remote_addr, forwarded, trusted_);
}

void ProxyServer::log_access(const httplib::Request& req, const httplib::Response& res) {
  if (!access_log_) return;
  const std::string path = req.target.size() > 200 ? req.target.substr(0, 200) + "..." : req.target;
  std::lock_guard<std::mutex> lock(log_mutex_);
  std::fprintf(access_log_, "%s %s %s %d upstream_ms=%lld cache=%s\n", client_of(req).c_str(), req.method.c_str(),
               path.c_str(), res.status, static_cast<long long>(t_upstream_ms), t_cache);
  std::fflush(access_log_);
}

void ProxyServer::install_routes() {
  auto& s = *server_;
  s.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    t_upstream_ms = -1;
    t_cache = "-";
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log_access(req, res); });
  install_error_guard(s, [this](const std::string& line) {
    if (!access_log_) return;
    std::lock_guard<std::mutex> lock(log_mutex_);
    std::fprintf(access_log_, "%s\n", line.c_str());
    std::fflush(access_log_);
  });

  s.Get("/healthz", [this](const httplib::Request& req, httplib::Response& res) {
    apply_cors(req, res);
    handle_healthz(res);
  });
  s.Get("/api/.*", [this](const httplib::Request& req, httplib::Response& res) { handle_api(req, res); });
  s.Options(".*", [this](const httplib::Request& req, httplib::Response& res) {
    // Preflight: only for allowed origins, only GET, no credentials ever.
    if (!apply_cors(req, res)) {
      send(res, error_reply(403, "origin_not_allowed", "This origin may not call the API"));
      return;
    }
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods", "GET, OPTIONS");
    res.set_header("Access-Control-Allow-Headers", "Accept, Content-Type");
    res.set_header("Access-Control-Max-Age", "600");
  });
  s.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    if (req.target.rfind("/api", 0) == 0) return handle_api(req, res);
    static_files_.serve(req, res);
  });
  const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    send(res, error_reply(405, "method_not_allowed", "Only GET and OPTIONS are allowed"));
    res.set_header("Allow", "GET, OPTIONS");
  };
  s.Post(".*", not_allowed);
  s.Put(".*", not_allowed);
  s.Patch(".*", not_allowed);
  s.Delete(".*", not_allowed);
}

void ProxyServer::handle_healthz(httplib::Response& res) {
  const UpstreamStats stats = api_.upstream_stats();
  const size_t cache_entries = api_.cache_entries(), cache_bytes = api_.cache_bytes();
  const nlohmann::json doc = {
      {"status", "ok"},
      {"version", kAppVersion},
      {"uptime_s", (steady_now_ms() - started_ms_) / 1000},
      {"upstream", {{"url", api_.base_url()}, {"state", stats.breaker_state},
                    {"breakers", nlohmann::json(std::map<std::string, std::string>(stats.breakers.begin(), stats.breakers.end()))},
                    {"calls", stats.calls},
                    {"failures", stats.failures}, {"last_error", stats.last_error},
                    {"paused_for_ms", stats.paused_for_ms}}},
      {"cache", {{"entries", cache_entries}, {"bytes", cache_bytes}}},
  };
  res.set_header("Cache-Control", "no-store");
  res.set_content(doc.dump(), "application/json");
}

void ProxyServer::handle_api(const httplib::Request& req, httplib::Response& res) {
  apply_cors(req, res);
  const int64_t now = steady_now_ms();
  const std::string client = client_of(req);
  // Behind a trusted proxy the connection cap cannot see clients: cap their
  // requests in flight instead.
  std::optional<std::string> counted;
  if (client != req.remote_addr) {
    if (!forwarded_in_flight_->try_acquire(client)) {
      send(res, error_reply(429, "too_many_connections", "Too many requests in flight from your address", 1));
      return;
    }
    counted = client;
  }
  struct Release {
    ConnectionCounter& counter;
    const std::optional<std::string>& who;
    ~Release() { if (who) counter.release(*who); }
  } release{*forwarded_in_flight_, counted};
  {
    std::lock_guard<std::mutex> lock(state_mutex_);
    if (const int64_t wait_ms = limiter_.take(client, now); wait_ms > 0) {
      send(res, error_reply(429, "rate_limited", "Too many requests; slow down",
                            std::max<int64_t>(1, (wait_ms + 999) / 1000)));
      return;
    }
  }
  const RouteDecision decision = route_api_request(req.target);
  if (!decision.route) {
    send(res, error_reply(decision.refusal->status, decision.refusal->code, decision.refusal->message));
    return;
  }
  const ProxyRoute& route = *decision.route;
  const ApiAnswer answer = api_.get(route, now + config_.deadline_ms);
  t_upstream_ms = answer.upstream_ms;
  t_cache = answer.cache;
  if (!answer.ok) {
    t_cache = "miss";
    return send(res, answer.error);
  }
  // Standard validators and freshness, so shared caches in front can serve
  // this answer; a client whose copy is current gets a 304 without the body.
  res.set_header("X-Cache", answer.cache);
  // A stale copy promises only what is left of its windows, and says its
  // age; no Warning header (obsolete, RFC 9111 5.5).
  res.set_header("Cache-Control", cache_control_for(200, answer.fresh_left_ms / 1000, answer.stale));
  if (answer.age_s >= 0) res.set_header("Age", std::to_string(answer.age_s));
  res.set_header("ETag", answer.etag);
  res.set_header("Last-Modified", format_http_date(answer.fetched_s));
  if (!answer.redirected_to.empty()) res.set_header("X-Tunetrack-Redirected-To", answer.redirected_to);
  if (not_modified(req.get_header_value("If-None-Match"), req.get_header_value("If-Modified-Since"), answer.etag,
                   answer.fetched_s)) {
    res.status = 304;
    return;
  }
  res.status = 200;
  res.set_content(answer.body, "application/json");
}

bool ProxyServer::listen() {
  if (!server_->bind_to_port(config_.bind, config_.port) || !server_->raise_backlog()) return false;
  port_ = config_.port;
  return server_->listen_after_bind();
}

}  // namespace tt::proxy
