#include "proxy/upstream.h"

#include <chrono>
#include <stdexcept>
#include <thread>

#include "core/retry_policy.h"
#include "core/version.h"
#include "shell/http_client.h"

namespace tt::proxy {

int64_t steady_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

Upstream::Upstream(const ProxyConfig& config)
    : config_(config),
      // Bursts of one second's worth (at least one call), so a short sync
      // goes at full speed and only a flood is spaced out.
      polite_(config.max_upstream, config.max_upstream_rps, std::max(1.0, config.max_upstream_rps)) {
  for (ProxyRouteKind kind : kRouteKinds) {
    (void)kind;
    breakers_.emplace_back(config.breaker_failures, config.breaker_cooldown_s * 1000LL);
  }
  const auto parsed = parse_url(config.upstream);
  if (!parsed) throw std::invalid_argument("--upstream: " + parsed.error);
  if (parsed->target != "/") {
    throw std::invalid_argument("--upstream must be an http(s) base URL without a path, not " + quote_excerpt(config.upstream));
  }
  upstream_ = *parsed;
  base_ = upstream_.origin();
}

Upstream::Slot Upstream::acquire_slot(int64_t deadline_ms, int64_t& paused_ms) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    if (stopping_) return Slot::Stopping;
    const int64_t now = steady_now_ms();
    const auto admission = polite_.try_start(now);
    using Kind = UpstreamPoliteness::Admission::Kind;
    if (admission.kind == Kind::Start) return Slot::Taken;
    if (admission.kind == Kind::Paused) {
      paused_ms = admission.ms;
      return Slot::Paused;
    }
    if (now >= deadline_ms) return Slot::TimedOut;
    // Woken early when a call finishes; otherwise when the next token is due.
    slot_freed_.wait_for(lock, std::chrono::milliseconds(std::min(admission.ms, deadline_ms - now)));
  }
}

void Upstream::stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  stopping_ = true;
  slot_freed_.notify_all();
}

void Upstream::release_slot(const HttpOutcome& outcome) {
  std::lock_guard<std::mutex> lock(mutex_);
  polite_.finish();
  // Upstream asked everyone to wait: one place, every route, every caller.
  if (const auto pause = upstream_pause_ms(outcome)) polite_.pause(steady_now_ms(), *pause);
  slot_freed_.notify_all();
}

HttpOutcome Upstream::get_once(const std::string& target) {
  HttpClientOptions options;
  options.connect_timeout_ms = config_.connect_timeout_ms;
  options.read_timeout_ms = config_.read_timeout_ms;
  options.max_body_bytes = static_cast<size_t>(config_.max_body_bytes);
  options.user_agent = std::string("tunetrack-proxy/") + kAppVersion + " (self-hosted proxy of the tunetrack app)";
  return http_get(base_ + target, options);
}

UpstreamResult Upstream::fetch(ProxyRouteKind kind, const std::string& initial_target) {
  CircuitBreaker& breaker = breakers_.at(static_cast<size_t>(kind));
  UpstreamResult result;
  const int64_t start = steady_now_ms();
  const int64_t deadline = start + config_.deadline_ms;
  std::string target = initial_target;
  int redirects = 0;
  // The product's retry rule (core), with the proxy's own attempts and first delay.
  RetryPolicy retry;
  retry.max_attempts = config_.retry_attempts;
  retry.initial_delay_ms = config_.retry_delay_ms;

  while (true) {
    bool trial = false;  // the half-open breaker's one trial call
    {
      std::lock_guard<std::mutex> lock(mutex_);
      trial = breaker.state(steady_now_ms()) == CircuitBreaker::State::HalfOpen;
      if (!breaker.allow(steady_now_ms())) {
        result.circuit_open = true;
        result.retry_after_ms = breaker.retry_after_ms(steady_now_ms());
        break;
      }
    }
    int64_t paused_ms = 0;
    const Slot slot = acquire_slot(deadline, paused_ms);
    if (slot != Slot::Taken && trial) {
      // The trial never reached upstream (a pause, a full queue, shutdown):
      // that says nothing about upstream, so the breaker stays half-open and
      // the next call tries; never pending for ever.
      std::lock_guard<std::mutex> lock(mutex_);
      breaker.abandon_trial();
    }
    if (slot == Slot::Stopping) {
      result.stopping = true;
      break;
    }
    if (slot == Slot::Paused) {
      // A retry keeps the answer that asked for the pause (mapped with its
      // Retry-After); a first attempt says it never called.
      if (result.attempts == 0) {
        result.paused = true;
        result.retry_after_ms = paused_ms;
      }
      break;
    }
    if (slot == Slot::TimedOut) {
      result.outcome = {};
      result.outcome.timed_out = true;
      break;
    }
    ++result.attempts;
    HttpOutcome outcome;
    try {
      outcome = get_once(target);
    } catch (...) {
      release_slot(outcome);
      throw;
    }
    release_slot(outcome);

    const bool redirect = outcome.status == 301 || outcome.status == 302 || outcome.status == 307 ||
                          outcome.status == 308;
    const FailureClass failure = redirect ? FailureClass::None : classify(outcome);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++calls_;
      if (failure == FailureClass::Transient) {
        ++failures_;
        last_error_ = describe_failure(outcome);
        // Upstream asking for a pause (429, 503 with Retry-After) is upstream
        // working and being polite; the gate already holds every call for it,
        // so the breaker does not open on top (nor re-open after a trial).
        if (upstream_pause_ms(outcome)) {
          if (trial) breaker.abandon_trial();
        } else {
          breaker.record_failure(steady_now_ms(), initial_target);
        }
      } else {
        breaker.record_success();
      }
    }

    if (redirect) {
      // Follow only to the same upstream host: a relative Location, or an
      // absolute one with the upstream's own origin.
      // Both go through the one strict parser (a fragment is the client's
      // business, never sent); anything it refuses is a refused redirect,
      // never a request with raw bytes in it.
      std::string location = outcome.location.substr(0, outcome.location.find('#'));
      const bool relative = !location.empty() && location.front() == '/' && location.rfind("//", 0) != 0;
      const auto parsed = parse_url(relative ? base_ + location : location);
      std::string next = parsed && parsed->origin() == base_ ? parsed->target : std::string();
      if (next.empty() || ++redirects > 3) {
        result.redirect_refused = true;
        result.outcome = std::move(outcome);
        break;
      }
      if (next.find("format=json") == std::string::npos) next += (next.find('?') == std::string::npos ? "?" : "&") + std::string("format=json");
      target = next;
      result.redirected_to = next;
      --result.attempts;  // a redirect is not a failed attempt
      continue;
    }
    result.outcome = std::move(outcome);
    const std::optional<int64_t> wait = retry.next_delay(result.attempts, result.outcome);
    if (!wait || steady_now_ms() + *wait >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(*wait));
  }
  result.elapsed_ms = steady_now_ms() - start;
  return result;
}

UpstreamStats Upstream::stats() {
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now = steady_now_ms();
  UpstreamStats stats{"closed", {}, calls_, failures_, last_error_, polite_.paused_for_ms(now)};
  for (ProxyRouteKind kind : kRouteKinds) {
    const auto state = breakers_[static_cast<size_t>(kind)].state(now);
    stats.breakers.emplace_back(route_class_name(kind), CircuitBreaker::name(state));
    if (state == CircuitBreaker::State::Open) stats.breaker_state = "open";
    if (state == CircuitBreaker::State::HalfOpen && stats.breaker_state == "closed") stats.breaker_state = "half_open";
  }
  return stats;
}

}  // namespace tt::proxy
