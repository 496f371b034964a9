#include "core/proxy_policy.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/thesession_api.h"
#include "core/thesession_sets.h"
#include "core/upstream_politeness.h"

namespace tt {

int64_t RateLimiter::take(const std::string& client, int64_t now_ms) {
  if (rate_ <= 0) return 0;
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) {
      // Forget buckets that have refilled completely: they carry no state.
      for (auto b = buckets_.begin(); b != buckets_.end();) {
        const double refilled = b->second.tokens + (now_ms - b->second.last_ms) * rate_ / 1000.0;
        b = refilled >= burst_ ? buckets_.erase(b) : std::next(b);
      }
    }
    it = buckets_.emplace(client, Bucket{burst_, now_ms}).first;
  }
  Bucket& b = it->second;
  b.tokens = std::min(burst_, b.tokens + (now_ms - b.last_ms) * rate_ / 1000.0);
  b.last_ms = now_ms;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  return static_cast<int64_t>(std::ceil((1.0 - b.tokens) * 1000.0 / rate_));
}

bool CircuitBreaker::allow(int64_t now_ms) {
  switch (state(now_ms)) {
    case State::Closed: return true;
    case State::Open: return false;
    case State::HalfOpen:
      if (trial_in_flight_) return false;
      trial_in_flight_ = true;
      return true;
  }
  return true;
}

void CircuitBreaker::record_success() {
  failing_.clear();
  opened_at_ms_ = -1;
  trial_in_flight_ = false;
}

void CircuitBreaker::record_failure(int64_t now_ms, std::string_view request) {
  // A failed half-open trial re-opens at once, whatever it was.
  const bool trial = trial_in_flight_;
  trial_in_flight_ = false;
  const bool seen = !request.empty() && std::find(failing_.begin(), failing_.end(), request) != failing_.end();
  if (!seen && static_cast<int>(failing_.size()) < threshold_) failing_.emplace_back(request);
  if (trial || static_cast<int>(failing_.size()) >= threshold_) opened_at_ms_ = now_ms;
}

CircuitBreaker::State CircuitBreaker::state(int64_t now_ms) const {
  if (opened_at_ms_ < 0) return State::Closed;
  return now_ms - opened_at_ms_ < cooldown_ms_ ? State::Open : State::HalfOpen;
}

int64_t CircuitBreaker::retry_after_ms(int64_t now_ms) const {
  if (opened_at_ms_ < 0) return 0;
  return std::max<int64_t>(0, opened_at_ms_ + cooldown_ms_ - now_ms);
}

std::string_view CircuitBreaker::name(State s) {
  switch (s) {
    case State::Closed: return "closed";
    case State::Open: return "open";
    case State::HalfOpen: return "half_open";
  }
  return "closed";
}

void ResponseCache::evict_until_fits(size_t incoming) {
  while (!lru_.empty() && bytes_ + incoming > max_bytes_) {
    const Entry& victim = lru_.back();
    bytes_ -= victim.body.size() + victim.key.size();
    index_.erase(victim.key);
    lru_.pop_back();
  }
}

void ResponseCache::put(const std::string& key, std::string body, std::string redirected_to, int64_t now_ms,
                        int64_t ttl_ms, std::string etag, int64_t fetched_s) {
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->body.size() + key.size();
    lru_.erase(it->second);
    index_.erase(it);
  }
  const size_t size = body.size() + key.size();
  if (size > max_bytes_) return;  // never cache what cannot fit
  evict_until_fits(size);
  lru_.push_front({key, std::move(body), std::move(redirected_to), std::move(etag), now_ms, now_ms + ttl_ms, fetched_s});
  index_[key] = lru_.begin();
  bytes_ += size;
}

std::optional<ResponseCache::Hit> ResponseCache::get(const std::string& key, int64_t now_ms) {
  const auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  const Entry& e = *it->second;
  if (now_ms >= e.expires_ms + keep_stale_ms_) {
    bytes_ -= e.body.size() + e.key.size();
    lru_.erase(it->second);
    index_.erase(it);
    return std::nullopt;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  return Hit{e.body,         now_ms < e.expires_ms,        e.redirected_to, e.etag, e.fetched_s, e.expires_ms - now_ms,
             now_ms - e.stored_ms, now_ms < e.refresh_held_until_ms};
}

void ResponseCache::hold_refresh(const std::string& key, int64_t until_ms) {
  if (const auto it = index_.find(key); it != index_.end()) it->second->refresh_held_until_ms = until_ms;
}

std::optional<std::string> cors_allowed_origin(std::string_view origin, const std::vector<std::string>& allowed,
                                               std::string_view own_host) {
  if (origin.empty()) return std::nullopt;
  for (const auto& a : allowed) {
    if (a == origin) return std::string(origin);
  }
  // Same origin: http(s)://<the Host the request was sent to>.
  for (std::string_view scheme : {"http://", "https://"}) {
    if (origin.size() == scheme.size() + own_host.size() && origin.substr(0, scheme.size()) == scheme &&
        origin.substr(scheme.size()) == own_host) {
      return std::string(origin);
    }
  }
  return std::nullopt;
}

ProxyReply error_reply(int status, std::string_view code, std::string_view message,
                       std::optional<int64_t> retry_after_s) {
  // Messages quote untrusted text only as escaped excerpts; `replace` is the
  // last guard so that a slip can never turn a refusal into an exception.
  return {status,
          nlohmann::json{{"error", code}, {"message", message}}.dump(-1, ' ', false,
                                                                    nlohmann::json::error_handler_t::replace),
          retry_after_s};
}

ProxyReply upstream_failure_reply(const ProxyRoute& route, const HttpOutcome& outcome) {
  switch (classify(outcome)) {
    case FailureClass::NotFound:
      return error_reply(404, "not_found", route.subject + " not found on thesession.org");
    case FailureClass::Transient:
    case FailureClass::Offline: {  // never produced by the proxy's own client; read as transient
      // When upstream asked for a pause, the caller is told exactly the pause
      // the proxy keeps (capped, 10 s for a bare 429), so it never comes back
      // early to a refusal nor waits longer than needed.
      const auto pause_ms = upstream_pause_ms(outcome);
      const auto wait_ms = pause_ms ? pause_ms : outcome.retry_after_ms;
      const int64_t retry_s = wait_ms ? std::max<int64_t>(1, (*wait_ms + 999) / 1000) : 30;
      return error_reply(503, "unavailable", "thesession.org is unavailable (" + describe_failure(outcome) + ")",
                         retry_s);
    }
    default: break;
  }
  if (outcome.status == 451) {
    return error_reply(451, "unavailable_for_legal_reasons", route.subject + " is withheld by thesession.org");
  }
  if (outcome.status >= 500) {
    return error_reply(503, "unavailable", "thesession.org is failing (" + describe_failure(outcome) + ")", 30);
  }
  return error_reply(500, "upstream_error", "Unexpected answer from thesession.org (" + describe_failure(outcome) + ")");
}

std::optional<std::string> upstream_body_problem(ProxyRouteKind kind, std::string_view body) {
  std::string error;
  switch (kind) {
    case ProxyRouteKind::TunebookPage: error = parse_tunebook_page(body).error; break;
    case ProxyRouteKind::Tune: error = parse_tune_details(body).error; break;
    case ProxyRouteKind::Search: error = parse_search_results(body).error; break;
    case ProxyRouteKind::SetsPage: error = parse_sets_page(body).error; break;
    case ProxyRouteKind::Member: {
      // Strict here: the proxy never repairs text it passes on.
      const auto doc = parse_untrusted_json(body, error);
      if (doc && !doc->is_object()) error = "not a JSON object";
      break;
    }
  }
  if (error.empty()) return std::nullopt;
  return error;
}

int64_t CacheTtls::for_route(ProxyRouteKind kind) const {
  switch (kind) {
    case ProxyRouteKind::TunebookPage: return tunebook_ms;
    case ProxyRouteKind::Member: return member_ms;
    case ProxyRouteKind::Tune: return tune_ms;
    case ProxyRouteKind::Search: return search_ms;
    case ProxyRouteKind::SetsPage: return tunebook_ms;  // a member's sets change as often as their tunebook
  }
  return tunebook_ms;
}

}  // namespace tt
