#pragma once
// Calls thesession.org for the proxy: every call through one politeness gate
// (core/upstream_politeness.h: a cap on calls in flight and on calls per
// second, queued within the caller's deadline, and the pause upstream asks
// for with Retry-After), retries with exponential backoff on transient
// failures within a total deadline (off by default: the client owns
// retries), a circuit breaker per route class, redirects followed only on
// the upstream host.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/http_outcome.h"
#include "core/proxy_policy.h"
#include "core/upstream_politeness.h"
#include "core/url.h"
#include "proxy/proxy_config.h"

namespace tt::proxy {

struct UpstreamResult {
  HttpOutcome outcome;
  int attempts = 0;
  std::string redirected_to;  // final upstream path when a redirect was followed
  bool circuit_open = false;  // refused without calling upstream
  bool redirect_refused = false;  // upstream redirected off its own host
  bool paused = false;        // refused without calling upstream: it asked us to wait (Retry-After)
  bool stopping = false;      // refused without calling upstream: the proxy is shutting down
  int64_t retry_after_ms = 0; // with circuit_open or paused
  int64_t elapsed_ms = 0;
};

struct UpstreamStats {
  std::string breaker_state;  // the worst of the route classes' breakers
  std::vector<std::pair<std::string, std::string>> breakers;  // route class, state
  int64_t calls = 0;
  int64_t failures = 0;
  std::string last_error;
  int64_t paused_for_ms = 0;  // upstream asked for a pause that lasts this much longer
};

class Upstream {
 public:
  explicit Upstream(const ProxyConfig& config);
  // `kind` picks the circuit breaker: each route class has its own, so one
  // failing kind of resource never closes the door on the others.
  UpstreamResult fetch(ProxyRouteKind kind, const std::string& target);
  UpstreamStats stats();
  // Calls queued for the gate give up at once, and no new one starts, so a
  // shutdown never waits out a queued call's deadline. Calls in the air finish.
  void stop();
  const std::string& base_url() const { return base_; }

 private:
  HttpOutcome get_once(const std::string& target);
  enum class Slot { Taken, TimedOut, Paused, Stopping };
  // Waits (queued) for the politeness gate until `deadline_ms` or stop(); a
  // pause is answered at once with how long it lasts in `paused_ms`.
  Slot acquire_slot(int64_t deadline_ms, int64_t& paused_ms);
  void release_slot(const HttpOutcome& outcome);

  const ProxyConfig& config_;
  ParsedUrl upstream_;
  std::string base_;
  std::mutex mutex_;
  std::condition_variable slot_freed_;
  UpstreamPoliteness polite_;  // under mutex_
  std::vector<CircuitBreaker> breakers_;  // indexed by ProxyRouteKind
  int64_t calls_ = 0, failures_ = 0;
  std::string last_error_;
  bool stopping_ = false;  // under mutex_
};

int64_t steady_now_ms();

}  // namespace tt::proxy
