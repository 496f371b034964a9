#include "proxy/cached_upstream.h"

#include <algorithm>
#include <chrono>

#include "core/http_cache.h"

namespace tt::proxy {
namespace {

int64_t wall_now_s() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int64_t whole_seconds_up(int64_t ms) { return std::max<int64_t>(1, (ms + 999) / 1000); }

// Only "unavailable" lets a stale copy answer (stale-if-error): a 404, a 451
// or malformed data is upstream's real answer, not its absence.
ApiAnswer failed(ProxyReply reply, int64_t upstream_ms = -1) {
  ApiAnswer a;
  a.stale_ok = reply.status == 503;
  a.error = std::move(reply);
  a.upstream_ms = upstream_ms;
  return a;
}

// What followers get when their leader could not answer at all.
FlightTable::Answer abandoned_answer() {
  static const auto answer = std::make_shared<const ApiAnswer>(
      failed(error_reply(503, "unavailable", "thesession.org could not be asked; try again shortly", 1)));
  return answer;
}

}  // namespace

// A failed refresh is not tried again for this long (or the rest of the
// grace, if shorter): a hot page's stale hits must not turn a failing
// upstream into back-to-back calls.
constexpr int64_t kRefreshBackoffMs = 5000;

CachedUpstream::CachedUpstream(const ProxyConfig& config)
    : config_(config),
      upstream_(config),
      swr_ms_(config.swr_s * 1000LL),
      stale_ms_(config.stale_s * 1000LL),
      // Expired copies are kept for the longer window, so each promise
      // (stale-while-revalidate, stale-if-error) holds whatever the other is.
      cache_(static_cast<size_t>(config.cache_bytes), std::max(swr_ms_, stale_ms_)),
      flights_(config.collapse, config.max_waiters),
      // More refreshes at once than upstream slots would only queue.
      refresh_(config.max_upstream) {
  ttls_.tunebook_ms = config.tunebook_ttl_s * 1000LL;
  ttls_.tune_ms = config.tune_ttl_s * 1000LL;
}

size_t CachedUpstream::cache_entries() {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  return cache_.size();
}

size_t CachedUpstream::cache_bytes() {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  return cache_.bytes();
}

int64_t CachedUpstream::grace_ms(const ProxyRoute& route) const {
  return revalidate_grace_ms(ttls_.for_route(route.kind), swr_ms_);
}

std::optional<ResponseCache::Hit> CachedUpstream::read_cache(const std::string& key) {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  return cache_.get(key, steady_now_ms());
}

ApiAnswer CachedUpstream::from_cache(const ResponseCache::Hit& hit, int64_t grace_ms, const char* state) const {
  ApiAnswer a;
  a.ok = true;
  a.body = hit.body;
  a.redirected_to = hit.redirected_to;
  a.etag = hit.etag;
  a.fetched_s = hit.fetched_s;
  a.fresh_left_ms = hit.fresh ? hit.fresh_left_ms : 0;
  a.cache = state;
  a.stale = stale_allowance_left(hit.fresh_left_ms, grace_ms, stale_ms_);
  if (!hit.fresh) a.age_s = hit.age_ms / 1000;
  return a;
}

std::optional<ApiAnswer> CachedUpstream::fresh_copy(const ProxyRoute& route) {
  const auto hit = read_cache(route.upstream_target);
  if (!hit || !hit->fresh) return std::nullopt;
  return from_cache(*hit, grace_ms(route), "hit");
}

ApiAnswer CachedUpstream::get(const ProxyRoute& route, int64_t deadline_ms) {
  const int64_t grace = grace_ms(route);
  const std::optional<ResponseCache::Hit> cached = read_cache(route.upstream_target);
  if (after_cache_read_) after_cache_read_();
  switch (decide_cache_use(cached.has_value(), cached ? cached->fresh_left_ms : 0, grace, stale_ms_)) {
    case CacheUse::Fresh: return from_cache(*cached, grace, "hit");
    case CacheUse::StaleRevalidate:
      if (!cached->refresh_held) refresh_in_background(route);
      return from_cache(*cached, grace, "stale");
    case CacheUse::FetchOrStale: {
      const Answer shared = fetch_shared(route, deadline_ms);
      if (shared->ok || !shared->stale_ok) return *shared;
      ApiAnswer stale = from_cache(*cached, grace, "stale");
      stale.upstream_ms = shared->upstream_ms;
      return stale;
    }
    case CacheUse::Fetch: break;
  }
  return *fetch_shared(route, deadline_ms);
}

FlightTable::Answer CachedUpstream::fetch_shared(const ProxyRoute& route, int64_t deadline_ms) {
  std::shared_ptr<FlightTable::Flight> flight;
  switch (flights_.join(route.upstream_target, flight)) {
    case FlightTable::Role::Lead: {
      Landing landing(flights_, route.upstream_target, flight, abandoned_answer());
      // The previous leader may have stored its answer and landed between
      // this request's cache read and its join: that copy answers.
      const std::optional<ApiAnswer> copy = fresh_copy(route);
      auto answer = std::make_shared<const ApiAnswer>(copy ? *copy : fetch_and_store(route));
      landing.land(answer);
      return answer;
    }
    case FlightTable::Role::Follow:
      if (auto answer = flights_.await(flight, deadline_ms)) return answer;
      {
        // This caller's own deadline passed first: the usual timeout answer.
        HttpOutcome timed_out;
        timed_out.timed_out = true;
        return std::make_shared<const ApiAnswer>(failed(upstream_failure_reply(route, timed_out)));
      }
    case FlightTable::Role::Full: break;
  }
  return std::make_shared<const ApiAnswer>(failed(
      error_reply(503, "unavailable", "Too many requests are waiting for thesession.org; try again shortly", 1)));
}

void CachedUpstream::refresh_in_background(const ProxyRoute& route) {
  if (refresh_.running() >= config_.max_upstream) return;  // the next stale hit asks again
  std::shared_ptr<FlightTable::Flight> flight;
  if (!flights_.try_lead(route.upstream_target, flight)) return;  // one refresh per URL
  // Shared so the job stays copyable; if it never runs, the flight still lands.
  auto landing = std::make_shared<Landing>(flights_, route.upstream_target, flight, abandoned_answer());
  refresh_.launch([this, route, landing] {
    // Another refresh (or a leader) may have stored a new copy since this
    // stale hit read the cache: nothing left to refresh.
    if (auto copy = fresh_copy(route)) return landing->land(std::make_shared<const ApiAnswer>(std::move(*copy)));
    auto answer = std::make_shared<const ApiAnswer>(fetch_and_store(route));
    if (!answer->ok) hold_refreshes(route);
    landing->land(std::move(answer));
  });
}

void CachedUpstream::hold_refreshes(const ProxyRoute& route) {
  const int64_t now = steady_now_ms();
  std::lock_guard<std::mutex> lock(cache_mutex_);
  const auto hit = cache_.get(route.upstream_target, now);
  if (!hit || hit->fresh) return;
  // What is left of the grace: after it, requests fetch in the foreground
  // (collapsed), which the hold never delays.
  const int64_t grace_left = grace_ms(route) + hit->fresh_left_ms;
  cache_.hold_refresh(route.upstream_target, now + std::clamp<int64_t>(grace_left, 0, kRefreshBackoffMs));
}

ApiAnswer CachedUpstream::fetch_and_store(const ProxyRoute& route) {
  const UpstreamResult up = upstream_.fetch(route.kind, route.upstream_target);
  const int64_t up_ms = up.attempts > 0 ? up.elapsed_ms : -1;
  if (up.circuit_open) {
    return failed(error_reply(503, "unavailable",
                              std::string("thesession.org is failing for ") + route_class_name(route.kind) +
                                  "; the proxy is pausing those calls",
                              whole_seconds_up(up.retry_after_ms)));
  }
  if (up.paused) {
    return failed(error_reply(503, "unavailable",
                              "thesession.org asked for a pause; the proxy calls it again when the pause ends",
                              whole_seconds_up(up.retry_after_ms)));
  }
  if (up.stopping) return failed(error_reply(503, "unavailable", "The proxy is shutting down; try again shortly", 1));
  if (up.redirect_refused) {
    return failed(error_reply(500, "upstream_error", "thesession.org redirected outside its own site"), up_ms);
  }
  if (!up.outcome.ok()) return failed(upstream_failure_reply(route, up.outcome), up_ms);
  // Never pass on what the app would refuse as a whole (not JSON, too deep,
  // numbers out of range): a clear 500 now instead.
  if (const auto problem = upstream_body_problem(route.kind, up.outcome.body)) {
    return failed(error_reply(500, "upstream_error", "thesession.org sent malformed data (" + *problem + ")"), up_ms);
  }
  ApiAnswer a;
  a.ok = true;
  a.body = up.outcome.body;
  a.redirected_to = up.redirected_to;
  a.etag = entity_tag(a.body);
  a.fetched_s = wall_now_s();
  a.fresh_left_ms = ttls_.for_route(route.kind);
  a.stale = stale_allowance_left(a.fresh_left_ms, grace_ms(route), stale_ms_);
  a.upstream_ms = up_ms;
  std::lock_guard<std::mutex> lock(cache_mutex_);
  cache_.put(route.upstream_target, a.body, a.redirected_to, steady_now_ms(), a.fresh_left_ms, a.etag, a.fetched_s);
  return a;
}

}  // namespace tt::proxy
