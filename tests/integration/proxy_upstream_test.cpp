// tunetrack-proxy and its upstream: one retry layer, circuit breakers per
// route class, what is passed on and how shared caches may keep it.
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/integration/proxy_fixture.h"

namespace tt {
namespace {
using nlohmann::json;
using testing::RawResponse;
}  // namespace

TEST_F(ProxyTest, ForwardsOnceByDefault) {
  start_proxy();
  fake_.add_fault({"/tunes/8", 0, "status", 503, 0, -1, 0, 1});
  EXPECT_EQ(get("/api/thesession/tunes/8").status, 503);
  EXPECT_EQ(fake_.request_count("/tunes/8"), 1);  // the client owns retries
}

TEST_F(ProxyTest, RetriesTransientFailuresWhenAskedTo) {
  proxy::ProxyConfig config;
  config.retry_attempts = 3;
  start_proxy(config);
  fake_.add_fault({"/tunes/9", 0, "status", 503, 0, -1, 0, 2});
  const RawResponse r = get("/api/thesession/tunes/9");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(fake_.request_count("/tunes/9"), 3);
}

TEST_F(ProxyTest, AnAlwaysFailingTunebookNeverMakesAnotherRouteFail) {
  proxy::ProxyConfig config;
  config.breaker_failures = 2;
  start_proxy(config);
  fake_.add_fault({"/members/" + member(10) + "/tunebook", 0, "status", 503, 0, -1, 0, -1});
  const std::string broken = "/api/thesession/members/" + member(10) + "/tunebook?page=1&perpage=50";
  for (int i = 0; i < 6; ++i) EXPECT_EQ(get(broken).status, 503);
  EXPECT_EQ(fake_.request_count("/members/" + member(10) + "/tunebook"), 6);  // never failed fast: one request
  EXPECT_EQ(json::parse(get("/healthz").body)["upstream"]["breakers"]["tunebooks"], "closed");
  EXPECT_EQ(get("/api/thesession/members/" + member(20) + "/tunebook?page=1&perpage=50").status, 200);
  EXPECT_EQ(get("/api/thesession/tunes/5").status, 200);
}

TEST_F(ProxyTest, BreakersAreOpenedPerRouteClassAndNotFoundStaysNotFound) {
  proxy::ProxyConfig config;
  config.breaker_failures = 2;
  config.breaker_cooldown_s = 60;
  start_proxy(config);
  fake_.add_fault({"/tunebook", 0, "status", 503, 0, -1, 0, -1});
  EXPECT_EQ(get("/api/thesession/members/" + member(11) + "/tunebook?page=1").status, 503);
  EXPECT_EQ(get("/api/thesession/members/" + member(12) + "/tunebook?page=1").status, 503);
  const auto health = json::parse(get("/healthz").body);
  EXPECT_EQ(health["upstream"]["breakers"]["tunebooks"], "open");
  EXPECT_EQ(health["upstream"]["breakers"]["members"], "closed");
  const int before = fake_.request_count("/tunebook");
  EXPECT_EQ(get("/api/thesession/members/" + member(13) + "/tunebook?page=1").status, 503);
  EXPECT_EQ(fake_.request_count("/tunebook"), before);  // failed fast
  // Other classes go on, and a missing member is still "not found".
  RawResponse r = get("/api/thesession/members/5");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(json::parse(r.body)["error"], "not_found");
  EXPECT_EQ(get("/api/thesession/tunes/6").status, 200);
  EXPECT_EQ(get("/api/thesession/tunes/search?q=reel").status, 200);
  // 404s never count towards opening a breaker.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(get("/api/thesession/members/" + std::to_string(i + 1)).status, 404);
  EXPECT_EQ(json::parse(get("/healthz").body)["upstream"]["breakers"]["members"], "closed");
}

TEST_F(ProxyTest, AskingForAPauseIsNotABreakerFailure) {
  proxy::ProxyConfig config;
  config.breaker_failures = 1;
  config.breaker_cooldown_s = 1;
  start_proxy(config);
  // A 429 pauses every call; it does not open the breaker on top.
  fake_.add_fault({"/tunes/40", 0, "status", 429, 0, 1, 0, 1});
  EXPECT_EQ(get("/api/thesession/tunes/40").status, 503);
  EXPECT_EQ(json::parse(get("/healthz").body)["upstream"]["breakers"]["tunes"], "closed");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the 1 s pause is over
  // A real failure opens it; after the cooldown the half-open trial is
  // refused by a pause, which must not re-open it.
  fake_.add_fault({"/tunes/41", 0, "status", 503, 0, -1, 0, 1});
  EXPECT_EQ(get("/api/thesession/tunes/41").status, 503);
  EXPECT_EQ(json::parse(get("/healthz").body)["upstream"]["breakers"]["tunes"], "open");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  fake_.add_fault({"/tunebook", 0, "status", 429, 0, 5, 0, 1});
  EXPECT_EQ(get("/api/thesession/members/" + member(10) + "/tunebook?page=1").status, 503);  // pauses all
  EXPECT_EQ(get("/api/thesession/tunes/42").status, 503);  // the trial, refused by the pause
  EXPECT_EQ(fake_.request_count("/tunes/42"), 0);
  EXPECT_EQ(json::parse(get("/healthz").body)["upstream"]["breakers"]["tunes"], "half_open");
}

TEST_F(ProxyTest, TheCallerIsToldThePauseA429Causes) {
  start_proxy();
  fake_.add_fault({"/tunes/43", 0, "status", 429, 0, -1, 0, 1});  // no Retry-After: a 10 s pause
  const RawResponse r = get("/api/thesession/tunes/43");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.header("Retry-After"), "10");  // the pause it caused, not a generic 30
  EXPECT_GT(json::parse(get("/healthz").body)["upstream"]["paused_for_ms"].get<int64_t>(), 5000);
}

TEST_F(ProxyTest, AnswersCarryStandardCachingHeadersAndHonourConditionalRequests) {
  start_proxy();
  RawResponse r = get("/api/thesession/tunes/77");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Cache-Control"), "public, max-age=86400, stale-while-revalidate=30, stale-if-error=86400");
  const std::string etag = r.header("ETag"), modified = r.header("Last-Modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_FALSE(modified.empty());
  r = get("/api/thesession/tunes/77");  // from the proxy's cache: same validators, freshness left
  EXPECT_EQ(r.header("ETag"), etag);
  EXPECT_EQ(r.header("Last-Modified"), modified);
  EXPECT_EQ(r.header("Cache-Control").rfind("public, max-age=86", 0), 0u) << r.header("Cache-Control");
  r = get("/api/thesession/tunes/77", "If-None-Match: " + etag);
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.header("ETag"), etag);
  EXPECT_EQ(get("/api/thesession/tunes/77", "If-Modified-Since: " + modified).status, 304);
  EXPECT_EQ(get("/api/thesession/tunes/77", "If-None-Match: \"other\"\r\nIf-Modified-Since: " + modified).status, 200);
  EXPECT_EQ(fake_.request_count("/tunes/77"), 1);

  r = get("/api/thesession/members/" + member(30) + "/tunebook?page=1&perpage=50");
  EXPECT_EQ(r.header("Cache-Control"), "public, max-age=60, stale-while-revalidate=30, stale-if-error=86400");
  r = get("/api/thesession/members/5");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.header("Cache-Control"), "public, max-age=60");  // not found, briefly
  fake_.add_fault({"/tunes/78", 0, "status", 503, 0, -1, 0, 1});
  r = get("/api/thesession/tunes/78");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
}

TEST_F(ProxyTest, UpstreamDataTheAppWouldRefuseIsAClear500) {
  start_proxy();
  fake_.add_fault({"/tunebook", 0, "no_tunes", 0, 0, -1, 0, 1});
  const RawResponse r = get("/api/thesession/members/" + member(10) + "/tunebook?page=1");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(json::parse(r.body)["error"], "upstream_error");
  EXPECT_NE(json::parse(r.body)["message"].get<std::string>().find("no tunes list"), std::string::npos) << r.body;
}

TEST_F(ProxyTest, NonUtf8QueryIsTheDocumented400) {
  start_proxy();
  for (const char* target : {"/api/thesession/tunes/1?%80", "/api/thesession/tunes/search?q=%FF%FE"}) {
    const RawResponse r = get(target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.header("EXCEPTION_WHAT"), "") << target;
    EXPECT_EQ(json::parse(r.body)["error"], "bad_request") << target;
  }
  EXPECT_EQ(fake_.request_count(), 0);
}

}  // namespace tt
