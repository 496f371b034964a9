#include "proxy/cached_upstream.h"

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

CachedUpstream::CachedUpstream(const ProxyConfig& config)
    : config_(config),
      upstream_(config),
      swr_ms_(config.swr_s * 1000LL),
      cache_(static_cast<size_t>(config.cache_bytes), config.stale_s * 1000LL),
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

ApiAnswer CachedUpstream::get(const ProxyRoute& route, int64_t deadline_ms) {
  const int64_t grace_ms = revalidate_grace_ms(ttls_.for_route(route.kind), swr_ms_);
  std::optional<ResponseCache::Hit> cached;
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    cached = cache_.get(route.upstream_target, steady_now_ms());
  }
  const auto from_cache = [&](const char* state) {
    ApiAnswer a;
    a.ok = true;
    a.body = cached->body;
    a.redirected_to = cached->redirected_to;
    a.etag = cached->etag;
    a.fetched_s = cached->fetched_s;
    a.fresh_left_ms = cached->fresh ? cached->fresh_left_ms : 0;
    a.cache = state;
    a.swr_s = grace_ms / 1000;
    return a;
  };
  switch (decide_cache_use(cached.has_value(), cached ? cached->fresh_left_ms : 0, grace_ms)) {
    case CacheUse::Fresh: return from_cache("hit");
    case CacheUse::StaleRevalidate:
      refresh_in_background(route);
      return from_cache("stale");
    case CacheUse::FetchOrStale:
    case CacheUse::Fetch: break;
  }
  const Answer shared = fetch_shared(route, deadline_ms);
  if (!shared->ok && shared->stale_ok && cached) {
    ApiAnswer stale = from_cache("stale");
    stale.upstream_ms = shared->upstream_ms;
    return stale;
  }
  return *shared;
}

FlightTable::Answer CachedUpstream::fetch_shared(const ProxyRoute& route, int64_t deadline_ms) {
  std::shared_ptr<FlightTable::Flight> flight;
  switch (flights_.join(route.upstream_target, flight)) {
    case FlightTable::Role::Lead: {
      Landing landing(flights_, route.upstream_target, flight, abandoned_answer());
      auto answer = std::make_shared<const ApiAnswer>(fetch_and_store(route));
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
  refresh_.launch([this, route, landing] { landing->land(std::make_shared<const ApiAnswer>(fetch_and_store(route))); });
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
  a.swr_s = revalidate_grace_ms(a.fresh_left_ms, swr_ms_) / 1000;
  a.upstream_ms = up_ms;
  std::lock_guard<std::mutex> lock(cache_mutex_);
  cache_.put(route.upstream_target, a.body, a.redirected_to, steady_now_ms(), a.fresh_left_ms, a.etag, a.fetched_s);
  return a;
}

}  // namespace tt::proxy
