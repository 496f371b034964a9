// tunetrack-proxy in-process, against fake-thesession on loopback. The fake
// counts requests, so every refusal is checked to never reach upstream.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/proxy_fixture.h"

namespace tt {
namespace {

using nlohmann::json;
using testing::raw_get;
using testing::RawResponse;

}  // namespace

TEST_F(ProxyTest, ForwardsEachAllowedRouteWithFormatJson) {
  start_proxy();
  RawResponse r = get("/api/thesession/members/" + member(120) + "/tunebook?page=2&perpage=50");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["tunes"].size(), 50u);
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  EXPECT_EQ(fake_.requests().back(), "/members/" + member(120) + "/tunebook?format=json&page=2&perpage=50");

  r = get("/api/thesession/members/" + member(3));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body)["name"], fake::member_name(fake::kFirstMember + 3));

  r = get("/api/thesession/tunes/42");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body)["id"], 42);

  r = get("/api/thesession/tunes/search?q=M%C3%A1ire&type=reel&page=1&perpage=5");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(fake_.requests().back(), "/tunes/search?format=json&page=1&perpage=5&q=Máire&type=reel");
  // Keep the document: a range-for over a temporary's member reads freed memory (ASan caught it).
  const json results = json::parse(r.body);
  for (const auto& t : results["tunes"]) EXPECT_EQ(t["type"], "reel");
}

TEST_F(ProxyTest, CachesAndSaysSo) {
  start_proxy();
  const std::string path = "/api/thesession/tunes/77";
  EXPECT_EQ(get(path).header("X-Cache"), "miss");
  const RawResponse second = get(path);
  EXPECT_EQ(second.header("X-Cache"), "hit");
  EXPECT_EQ(json::parse(second.body)["id"], 77);
  EXPECT_EQ(fake_.request_count("/tunes/77"), 1);
}

TEST_F(ProxyTest, ServesAStaleCopyWhileUpstreamIsDown) {
  proxy::ProxyConfig config;
  config.tunebook_ttl_s = 0;
  config.retry_attempts = 1;
  start_proxy(config);
  const std::string path = "/api/thesession/members/" + member(10) + "/tunebook?page=1&perpage=50";
  ASSERT_EQ(get(path).status, 200);
  fake_.add_fault({"", 0, "status", 503, 0, -1, 0, -1});
  const RawResponse stale = get(path);
  EXPECT_EQ(stale.status, 200);
  EXPECT_EQ(stale.header("X-Cache"), "stale");
  EXPECT_EQ(stale.header("Warning"), "");  // obsolete (RFC 9111 5.5): Age and X-Cache say it
  EXPECT_FALSE(stale.header("Age").empty());
  EXPECT_EQ(json::parse(stale.body)["tunes"].size(), 10u);
}

TEST_F(ProxyTest, MapsUpstreamErrorsToTheProductsAnswers) {
  start_proxy();
  RawResponse r = get("/api/thesession/members/5/tunebook?page=1");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(json::parse(r.body)["error"], "not_found");
  EXPECT_EQ(json::parse(r.body)["message"], "Member #5 not found on thesession.org");
  r = get("/api/thesession/tunes/50000");  // beyond the synthetic tunes, not a merged id
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(json::parse(r.body)["message"], "Tune #50000 not found on thesession.org");

  fake_.add_fault({"/tunes/1", 0, "status", 410, 0, -1, 0, 1});
  EXPECT_EQ(get("/api/thesession/tunes/1").status, 404);
  fake_.add_fault({"/tunes/2", 0, "status", 451, 0, -1, 0, 1});
  r = get("/api/thesession/tunes/2");
  EXPECT_EQ(r.status, 451);
  EXPECT_EQ(json::parse(r.body)["error"], "unavailable_for_legal_reasons");
  fake_.add_fault({"/tunes/3", 0, "malformed", 0, 0, -1, 0, 1});
  r = get("/api/thesession/tunes/3");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(json::parse(r.body)["error"], "upstream_error");
  fake_.add_fault({"/tunes/4", 0, "status", 400, 0, -1, 0, 1});
  EXPECT_EQ(get("/api/thesession/tunes/4").status, 500);
}

TEST_F(ProxyTest, OversizedUpstreamBodiesAreRefused) {
  proxy::ProxyConfig config;
  config.max_body_bytes = 1 << 20;
  start_proxy(config);
  fake_.add_fault({"/tunes/5", 0, "huge", 0, 0, -1, 8, 1});
  const RawResponse r = get("/api/thesession/tunes/5");
  EXPECT_EQ(r.status, 500);
  EXPECT_LT(r.body.size(), 1000u);
  EXPECT_EQ(fake_.request_count("/tunes/5"), 1);  // not retried
}

TEST_F(ProxyTest, PersistentFailureIs503WithRetryAfter) {
  start_proxy();
  fake_.add_fault({"/tunes/9", 0, "status", 502, 0, -1, 0, -1});
  RawResponse r = get("/api/thesession/tunes/9");
  EXPECT_EQ(r.status, 503);
  EXPECT_FALSE(r.header("Retry-After").empty());
  EXPECT_EQ(json::parse(r.body)["error"], "unavailable");
  EXPECT_EQ(fake_.request_count("/tunes/9"), 1);
  fake_.add_fault({"/tunes/10", 0, "reset", 0, 0, -1, 0, -1});
  EXPECT_EQ(get("/api/thesession/tunes/10").status, 503);
}

TEST_F(ProxyTest, UnreachableUpstreamIs503) {
  proxy::ProxyConfig config;
  config.port = 0;
  config.upstream = "http://127.0.0.1:1";
  config.access_log = "off";
  config.retry_delay_ms = 1;
  config.rate = 0;
  proxy::ProxyServer proxy(config);
  const int port = proxy.start();
  const RawResponse r = raw_get(port, "/api/thesession/tunes/1");
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(json::parse(r.body)["message"].get<std::string>().find("unavailable"), std::string::npos);
}

TEST_F(ProxyTest, SlowUpstreamTimesOutAs503) {
  proxy::ProxyConfig config;
  config.read_timeout_ms = 200;
  config.retry_attempts = 1;
  start_proxy(config);
  fake_.add_fault({"/tunes/11", 0, "timeout", 0, 2000, -1, 0, 1});
  EXPECT_EQ(get("/api/thesession/tunes/11").status, 503);
}

TEST_F(ProxyTest, CircuitBreakerFailsFastThenRecovers) {
  proxy::ProxyConfig config;
  config.retry_attempts = 1;
  config.breaker_failures = 2;
  config.breaker_cooldown_s = 1;
  start_proxy(config);
  fake_.add_fault({"", 0, "status", 503, 0, -1, 0, 2});
  EXPECT_EQ(get("/api/thesession/tunes/20").status, 503);
  EXPECT_EQ(get("/api/thesession/tunes/21").status, 503);
  EXPECT_EQ(json::parse(get("/healthz").body)["upstream"]["state"], "open");
  const RawResponse fast = get("/api/thesession/tunes/22");
  EXPECT_EQ(fast.status, 503);
  EXPECT_FALSE(fast.header("Retry-After").empty());
  EXPECT_EQ(fake_.request_count("/tunes/22"), 0);  // failed fast
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(get("/api/thesession/tunes/22").status, 200);  // half-open trial succeeds
  EXPECT_EQ(json::parse(get("/healthz").body)["upstream"]["state"], "closed");
}

TEST_F(ProxyTest, FollowsRedirectsOnlyOnTheUpstreamHost) {
  start_proxy();
  const RawResponse r = get("/api/thesession/tunes/" + std::to_string(fake::kMergedOffset + 12));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["id"], 12);
  EXPECT_EQ(r.header("X-Tunetrack-Redirected-To"), "/tunes/12?format=json");
}

TEST_F(ProxyTest, RefusesEverythingOutsideTheAllowlistWithoutTouchingUpstream) {
  start_proxy();
  const std::vector<std::string> targets = {
      "/api/thesession/members/1/tunebook/../../tunes/1",
      "/api/thesession/members/%31/tunebook",
      "/api/thesession/members/1%2Ftunebook",
      "/api/thesession/tunes/1%2e%2e",
      "/api/thesession//tunes/1",
      "/api/thesession/tunes/1/",
      "/api/thesession/tunes/./1",
      "/api/thesession/tunes/1%00",
      "/api/thesession/tunes/01",
      "/api/thesession/tunes/12345678901",
      "/api/thesession/tunes/abc",
      "/api/thesession/discussions/1",
      "/api/thesession/members/1/sets/2",
      "/api/thesession/members/1/sets?perpage=500",
      "/api/thesession/members/01/sets",
      "/api/thesession/members/1/sets?q=x",
      "/api/thesession/tunes/1?format=xml",
      "/api/thesession/tunes/1?callback=x",
      "/api/thesession/members/1/tunebook?perpage=500",
      "/api/thesession/members/1/tunebook?page=-1",
      "/api/thesession/members/1/tunebook?page=1&page=2",
      "/api/thesession/tunes/search?q=a%00b",
      "/api/thesession/tunes/search?q=x&type=polka%0d%0aX:1",
      "/api/thesession/tunes/search?q=x&type=disco",
      "/api/other",
      "/api/thesession/TUNES/1",
      "/api\\thesession\\tunes\\1",
  };
  for (const auto& target : targets) {
    const RawResponse r = get(target);
    EXPECT_GE(r.status, 400) << target;
    EXPECT_LT(r.status, 500) << target;
    if (r.status != 400 || !r.body.empty()) {
      EXPECT_TRUE(json::parse(r.body, nullptr, false).contains("error")) << target << " " << r.body;
    }
  }
  EXPECT_EQ(fake_.request_count(), 0);
}

TEST_F(ProxyTest, OnlyGetAndOptions) {
  start_proxy();
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
    const RawResponse r = testing::raw_http(port_, std::string(method) + " /api/thesession/tunes/1 HTTP/1.1\r\nHost: x\r\n"
                                                   "Content-Length: 0\r\nConnection: close");
    EXPECT_EQ(r.status, 405) << method;
    EXPECT_EQ(r.header("Allow"), "GET, OPTIONS");
  }
  EXPECT_EQ(fake_.request_count(), 0);
}

TEST_F(ProxyTest, CorsForAllowedOriginsOnlyAndNeverCredentials) {
  proxy::ProxyConfig config;
  config.allow_origins = {"https://tunes.example"};
  start_proxy(config);
  RawResponse r = get("/api/thesession/tunes/1", "Origin: https://tunes.example");
  EXPECT_EQ(r.header("Access-Control-Allow-Origin"), "https://tunes.example");
  EXPECT_EQ(r.header("Vary"), "Origin");
  EXPECT_EQ(r.header("Access-Control-Allow-Credentials"), "");
  r = get("/api/thesession/tunes/1", "Origin: https://evil.example");
  EXPECT_EQ(r.header("Access-Control-Allow-Origin"), "");
  EXPECT_EQ(r.header("Vary"), "Origin");
  // Same origin always works.
  r = get("/api/thesession/tunes/1", "Origin: http://127.0.0.1:" + std::to_string(port_));
  EXPECT_EQ(r.header("Access-Control-Allow-Origin"), "http://127.0.0.1:" + std::to_string(port_));

  const auto preflight = [&](const std::string& origin) {
    return testing::raw_http(port_, "OPTIONS /api/thesession/tunes/1 HTTP/1.1\r\nHost: 127.0.0.1:" +
                                        std::to_string(port_) + "\r\nOrigin: " + origin +
                                        "\r\nAccess-Control-Request-Method: GET\r\nConnection: close");
  };
  r = preflight("https://tunes.example");
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(r.header("Access-Control-Allow-Methods"), "GET, OPTIONS");
  EXPECT_EQ(r.header("Access-Control-Allow-Origin"), "https://tunes.example");
  EXPECT_EQ(r.header("Access-Control-Allow-Credentials"), "");
  r = preflight("https://evil.example");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.header("Access-Control-Allow-Origin"), "");
}

TEST_F(ProxyTest, RateLimitsEachClient) {
  proxy::ProxyConfig config;
  config.rate = 1;
  config.burst = 3;
  start_proxy(config, true);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get("/api/thesession/tunes/1").status, 200);
  const RawResponse limited = get("/api/thesession/tunes/1");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("Retry-After"), "1");
  EXPECT_EQ(json::parse(limited.body)["error"], "rate_limited");
  EXPECT_EQ(get("/healthz").status, 200);  // health and static files are not limited
}

TEST_F(ProxyTest, HealthzReportsVersionUptimeAndUpstream) {
  start_proxy();
  const RawResponse r = get("/healthz");
  ASSERT_EQ(r.status, 200);
  const auto doc = json::parse(r.body);
  EXPECT_EQ(doc["status"], "ok");
  EXPECT_TRUE(doc["version"].is_string());
  EXPECT_TRUE(doc["uptime_s"].is_number());
  EXPECT_EQ(doc["upstream"]["state"], "closed");
  EXPECT_EQ(doc["upstream"]["url"], fake_.base_url());
}

TEST_F(ProxyTest, ServesTheWebAppSafely) {
  testing::write_file(web_.path("index.html"), "<!doctype html><title>tunetrack</title>");
  testing::write_file(web_.path("app.wasm"), std::string("\0asm\1\0\0\0", 8));
  testing::write_file(web_.path("app.js"), "console.log('x');");
  std::system(("mkdir -p " + web_.path("fonts") + " && echo f > " + web_.path("fonts/a.ttf")).c_str());
  std::system(("gzip -k -f " + web_.path("app.wasm")).c_str());
  start_proxy();
  RawResponse r = get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("Cache-Control"), "no-cache");
  r = get("/app.wasm");
  EXPECT_EQ(r.header("Content-Type"), "application/wasm");
  EXPECT_EQ(r.body.size(), 8u);
  const std::string etag = r.header("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(get("/app.wasm", "If-None-Match: " + etag).status, 304);
  r = get("/app.wasm", "Accept-Encoding: gzip");
  EXPECT_EQ(r.header("Content-Encoding"), "gzip");
  EXPECT_EQ(r.header("Content-Type"), "application/wasm");
  EXPECT_EQ(get("/fonts/a.ttf").header("Content-Type"), "font/ttf");
  for (const char* target : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/fonts/../index.html",
                             "/.hidden", "//etc/passwd", "/fonts%2fa.ttf", "/missing.js", "/fonts/"}) {
    EXPECT_EQ(get(target).status, 404) << target;
  }
}

// The installable page (issue 11): the worker script and version must be
// revalidated on every check, or a browser would keep an old build's worker.
TEST_F(ProxyTest, ServesTheServiceWorkerAndManifestForAnOfflineApp) {
  testing::write_file(web_.path("index.html"), "<!doctype html><title>tunetrack</title>");
  testing::write_file(web_.path("sw.js"), "'use strict';");
  testing::write_file(web_.path("version.json"), "{\"build\":\"abc\"}");
  testing::write_file(web_.path("manifest.webmanifest"), "{}");
  std::system(("mkdir -p " + web_.path("icons") + " && printf '\\211PNG' > " + web_.path("icons/icon-192.png")).c_str());
  start_proxy();
  RawResponse r = get("/sw.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r.header("Cache-Control"), "no-cache");
  r = get("/version.json");
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  EXPECT_EQ(r.header("Cache-Control"), "no-cache");
  r = get("/manifest.webmanifest");
  EXPECT_EQ(r.header("Content-Type"), "application/manifest+json");
  EXPECT_EQ(get("/icons/icon-192.png").header("Content-Type"), "image/png");
  EXPECT_EQ(get("/index.html").header("Cache-Control"), "no-cache");
}

TEST_F(ProxyTest, ServesTheSynthSamplesFromNestedFolders) {
  std::system(("mkdir -p " + web_.path("sounds/fiddle-mp3")).c_str());
  testing::write_file(web_.path("sounds/fiddle-mp3/Db4.mp3"), std::string("ID3\3\0\0\0\0\0\0", 10));
  testing::write_file(web_.path("sounds/manifest.json"), "{}");
  start_proxy();
  RawResponse r = get("/sounds/fiddle-mp3/Db4.mp3");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "audio/mpeg");
  EXPECT_EQ(r.body.size(), 10u);
  r = get("/sounds/manifest.json");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "application/json");
}

}  // namespace tt
