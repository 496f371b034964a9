// The proxy's cache and retry rules in core that the collapsed-forwarding
// review asked for: a held refresh, the Age of a copy, windows kept for the
// longer promise, Retry-After in both forms and told as the pause it causes,
// and a breaker trial that never reached upstream.
#include <gtest/gtest.h>

#include "core/http_cache.h"
#include "core/http_outcome.h"
#include "core/proxy_policy.h"
#include "core/proxy_routes.h"
#include "core/upstream_politeness.h"

namespace tt {

TEST(ProxyCacheRules, AFailedRefreshIsHeldUntilItsBackoffEnds) {
  ResponseCache cache(1 << 20, 30000);
  cache.put("/t", "{}", "", 1000, 2000);
  EXPECT_FALSE(cache.get("/t", 3500)->refresh_held);
  cache.hold_refresh("/t", 8500);
  EXPECT_TRUE(cache.get("/t", 3500)->refresh_held);
  EXPECT_TRUE(cache.get("/t", 8499)->refresh_held);
  EXPECT_FALSE(cache.get("/t", 8500)->refresh_held);
  cache.hold_refresh("/t", 20000);
  cache.put("/t", "{\"new\":1}", "", 9000, 2000);  // a new copy lifts the hold
  EXPECT_FALSE(cache.get("/t", 12000)->refresh_held);
  cache.hold_refresh("/absent", 20000);  // nothing to hold, nothing kept
  EXPECT_EQ(cache.size(), 1u);
}

TEST(ProxyCacheRules, ACopyKnowsItsAgeAndIsKeptForTheWholeStaleWindow) {
  ResponseCache cache(1 << 20, 5000);
  cache.put("/t", "{}", "", 1000, 2000);
  EXPECT_EQ(cache.get("/t", 1000)->age_ms, 0);
  const auto stale = cache.get("/t", 7999);
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->age_ms, 6999);
  EXPECT_EQ(stale->fresh_left_ms, -4999);
  EXPECT_FALSE(cache.get("/t", 8000));  // expiry + 5 s: gone
}

TEST(ProxyCacheRules, RetryAfterReadsSecondsAndDatesAndIsCapped) {
  const int64_t now = 784111777;  // Sun, 06 Nov 1994 08:49:37 GMT
  EXPECT_EQ(parse_retry_after_ms("120", now), 120000);
  EXPECT_EQ(parse_retry_after_ms(" 0 ", now), 0);
  EXPECT_EQ(parse_retry_after_ms("Sun, 06 Nov 1994 08:50:07 GMT", now), 30000);
  EXPECT_EQ(parse_retry_after_ms(" Sun, 06 Nov 1994 08:50:07 GMT ", now), 30000);
  EXPECT_EQ(parse_retry_after_ms("Sun, 06 Nov 1994 08:49:37 GMT", now), 0);
  EXPECT_EQ(parse_retry_after_ms("Sat, 05 Nov 1994 08:49:37 GMT", now), 0);  // in the past
  EXPECT_EQ(parse_retry_after_ms("Mon, 07 Nov 1994 08:49:37 GMT", now), kMaxRetryAfterMs);
  EXPECT_EQ(parse_retry_after_ms("999999999", now), kMaxRetryAfterMs);
  for (const char* bad : {"", "soon", "-5", "1.5", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"}) {
    EXPECT_FALSE(parse_retry_after_ms(bad, now)) << bad;
  }
  EXPECT_EQ(kMaxUpstreamPauseMs, kMaxRetryAfterMs);  // one cap for the header and the pause
}

TEST(ProxyCacheRules, TheCallerIsToldThePauseTheProxyKeeps) {
  const ProxyRoute route = *route_api_request("/api/thesession/tunes/1").route;
  HttpOutcome too_many;
  too_many.status = 429;  // no Retry-After: the proxy pauses 10 s, not 30
  EXPECT_EQ(upstream_failure_reply(route, too_many).retry_after_s, kDefaultTooManyPauseMs / 1000);
  too_many.retry_after_ms = 86400000;  // a day asked: the pause, and the answer, are 10 minutes
  EXPECT_EQ(upstream_failure_reply(route, too_many).retry_after_s, kMaxUpstreamPauseMs / 1000);
  too_many.retry_after_ms = 5000;
  EXPECT_EQ(upstream_failure_reply(route, too_many).retry_after_s, 5);
  too_many.retry_after_ms = 1500;  // rounded up: never back before the pause ends
  EXPECT_EQ(upstream_failure_reply(route, too_many).retry_after_s, 2);
  HttpOutcome busy;
  busy.status = 503;
  EXPECT_EQ(upstream_failure_reply(route, busy).retry_after_s, 30);  // no pause: the usual backoff
  busy.retry_after_ms = 3600000;
  EXPECT_EQ(upstream_failure_reply(route, busy).retry_after_s, kMaxUpstreamPauseMs / 1000);
}

TEST(ProxyCacheRules, ATrialThatNeverReachedUpstreamLeavesTheBreakerHalfOpen) {
  CircuitBreaker breaker(1, 1000);
  breaker.record_failure(0, "/a");
  ASSERT_EQ(breaker.state(500), CircuitBreaker::State::Open);
  ASSERT_TRUE(breaker.allow(1000));  // the trial
  EXPECT_FALSE(breaker.allow(1000));  // only one
  breaker.abandon_trial();            // refused by a pause: not upstream's failure
  EXPECT_EQ(breaker.state(1001), CircuitBreaker::State::HalfOpen);
  EXPECT_TRUE(breaker.allow(1001));  // the next call tries
}

}  // namespace tt
