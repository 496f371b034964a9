// tunetrack-proxy never multiplies thesession.org's load: concurrent misses
// for one URL share one upstream request, an expired copy answers at once
// while one background refresh runs, and upstream's own "slow down" pauses
// every call. Timings are generous margins around an upstream made slow on
// purpose (fake-thesession's delay fault), never tight bounds.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "proxy/proxy_config.h"
#include "tests/integration/proxy_fixture.h"

namespace tt {
namespace {

using nlohmann::json;
using testing::RawResponse;
using Clock = std::chrono::steady_clock;

int64_t ms_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

struct Timed {
  RawResponse response;
  int64_t ms = 0;
};

// `n` clients at once, client i asking for target(i).
std::vector<Timed> burst(int port, int n, const std::function<std::string(int)>& target) {
  std::vector<Timed> out(static_cast<size_t>(n));
  std::vector<std::thread> clients;
  for (int i = 0; i < n; ++i) {
    clients.emplace_back([&, i] {
      const auto start = Clock::now();
      out[static_cast<size_t>(i)].response = testing::raw_get(port, target(i));
      out[static_cast<size_t>(i)].ms = ms_since(start);
    });
  }
  for (auto& c : clients) c.join();
  return out;
}

std::string tunebook(int page) {
  return "/api/thesession/members/" + member(120) + "/tunebook?page=" + std::to_string(page) + "&perpage=10";
}

}  // namespace

TEST_F(ProxyTest, FiftyConcurrentMissesForOnePageAskUpstreamOnce) {
  start_proxy();
  fake_.add_fault({"/tunebook", 0, "delay", 0, 300, -1, 0, -1});  // thesession.org answering in 300 ms
  const auto answers = burst(port_, 50, [](int) { return tunebook(1); });
  for (const auto& a : answers) {
    ASSERT_EQ(a.response.status, 200) << a.response.body;
    EXPECT_EQ(a.response.body, answers[0].response.body);
  }
  EXPECT_EQ(fake_.request_count("/tunebook"), 1);
}

TEST_F(ProxyTest, FiftyMissesOverTenPagesAskUpstreamTenTimes) {
  start_proxy();
  fake_.add_fault({"/tunebook", 0, "delay", 0, 300, -1, 0, -1});
  const auto answers = burst(port_, 50, [](int i) { return tunebook(1 + i % 10); });
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(answers[i].response.status, 200) << answers[i].response.body;
    EXPECT_EQ(json::parse(answers[i].response.body)["page"], 1 + i % 10);
  }
  EXPECT_EQ(fake_.request_count("/tunebook"), 10);
  for (int page = 1; page <= 10; ++page) EXPECT_EQ(fake_.request_count("page=" + std::to_string(page) + "&"), 1);
}

TEST_F(ProxyTest, NoCollapseForwardsEachMissAsBefore) {
  proxy::ProxyConfig config;
  config.collapse = false;  // the behaviour before collapsing, kept for the benchmark
  start_proxy(config);
  fake_.add_fault({"/tunebook", 0, "delay", 0, 300, -1, 0, -1});
  for (const auto& a : burst(port_, 8, [](int) { return tunebook(2); })) EXPECT_EQ(a.response.status, 200);
  EXPECT_GT(fake_.request_count("/tunebook"), 1);
}

TEST_F(ProxyTest, AnExpiredPageIsAnsweredFromItsStaleCopyWhileOneRefreshRuns) {
  proxy::ProxyConfig config;
  config.tunebook_ttl_s = 2;  // the grace is never longer than the freshness: 2 s here
  start_proxy(config);
  ASSERT_EQ(get(tunebook(3)).status, 200);
  ASSERT_EQ(fake_.request_count("/tunebook"), 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // expired, within the grace
  fake_.add_fault({"/tunebook", 0, "delay", 0, 1500, -1, 0, -1});  // upstream now takes 1.5 s
  const auto answers = burst(port_, 10, [](int) { return tunebook(3); });
  for (const auto& a : answers) {
    ASSERT_EQ(a.response.status, 200);
    EXPECT_EQ(a.response.header("X-Cache"), "stale");
    EXPECT_LT(a.ms, 750) << "waited for upstream";  // under half its 1500 ms, on a busy machine too
    // Only what is left of the 2 s grace (expired over 0.1 s ago), and the
    // copy's age; never the obsolete Warning.
    const std::string cc = a.response.header("Cache-Control");
    const auto swr = cc.find("stale-while-revalidate=");
    ASSERT_NE(swr, std::string::npos) << cc;
    EXPECT_LE(std::atoi(cc.c_str() + swr + 23), 1) << cc;
    EXPECT_GE(std::atoi(a.response.header("Age").c_str()), 2);
    EXPECT_EQ(a.response.header("Warning"), "");
  }
  EXPECT_LE(fake_.request_count("/tunebook"), 2);  // at most the one refresh, already in the air
  // Exactly one background refresh, whoever asked.
  const auto start = Clock::now();
  while (fake_.request_count("/tunebook") < 2 && ms_since(start) < 5000) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));  // the refresh lands; nothing else may follow
  EXPECT_EQ(fake_.request_count("/tunebook"), 2);
}

TEST_F(ProxyTest, A429WithRetryAfterPausesEveryUpstreamCall) {
  start_proxy();
  fake_.add_fault({"/tunes/1", 0, "status", 429, 0, 5, 0, 1});
  const auto start = Clock::now();
  RawResponse r = get("/api/thesession/tunes/1");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.header("Retry-After"), "5");
  EXPECT_EQ(json::parse(r.body)["error"], "unavailable");
  // Every route, every caller: answered at once, upstream untouched.
  const std::vector<std::string> others = {"/api/thesession/tunes/2", tunebook(1),
                                          "/api/thesession/members/" + member(4), "/api/thesession/tunes/search?q=reel"};
  for (const std::string& target : others) {
    r = get(target);
    EXPECT_EQ(r.status, 503) << target;
    EXPECT_EQ(json::parse(r.body)["error"], "unavailable") << target;
    const int retry = std::atoi(r.header("Retry-After").c_str());
    EXPECT_GE(retry, 1) << target;
    EXPECT_LE(retry, 5) << target;
  }
  EXPECT_GT(json::parse(get("/healthz").body)["upstream"]["paused_for_ms"].get<int64_t>(), 0);
  // Still paused 3 s in: the proxy itself says how much is left, so a slow
  // machine cannot turn the margin into a flake.
  std::this_thread::sleep_for(std::chrono::milliseconds(std::max<int64_t>(0, 3000 - ms_since(start))));
  ASSERT_GT(json::parse(get("/healthz").body)["upstream"]["paused_for_ms"].get<int64_t>(), 500);
  EXPECT_EQ(get("/api/thesession/tunes/3").status, 503);
  EXPECT_EQ(fake_.request_count(), 1);
  // Then calls go through again, and not before the 5 s (counted from before
  // the 429 arrived, so this bound only errs on the safe side).
  int status = 0;
  while (ms_since(start) < 15000 && (status = get("/api/thesession/tunes/3").status) != 200) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_EQ(status, 200);
  EXPECT_GE(ms_since(start), 5000);
  EXPECT_EQ(fake_.request_count("/tunes/3"), 1);
}

TEST_F(ProxyTest, AWaiterWhoseDeadlinePassesGetsTheTimeoutAnswer) {
  proxy::ProxyConfig config;
  config.deadline_ms = 300;
  start_proxy(config);
  fake_.add_fault({"/tunes/12", 0, "delay", 0, 1500, -1, 0, -1});
  RawResponse leader;
  std::thread first([&] { leader = get("/api/thesession/tunes/12"); });
  // The first request leads once upstream has seen it, however slow the machine.
  const auto asked = Clock::now();
  while (fake_.request_count("/tunes/12") < 1 && ms_since(asked) < 5000) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(fake_.request_count("/tunes/12"), 1);
  const auto start = Clock::now();
  const RawResponse waiter = get("/api/thesession/tunes/12");
  const int64_t waited = ms_since(start);
  first.join();
  EXPECT_EQ(waiter.status, 503);
  EXPECT_FALSE(waiter.header("Retry-After").empty());
  EXPECT_EQ(json::parse(waiter.body)["error"], "unavailable");
  EXPECT_LT(waited, 1200);  // its own deadline, not the leader's answer
  EXPECT_EQ(leader.status, 200);
  EXPECT_EQ(fake_.request_count("/tunes/12"), 1);
}

TEST_F(ProxyTest, TheQueueOfWaitersIsBounded) {
  proxy::ProxyConfig config;
  config.max_waiters = 2;
  start_proxy(config);
  fake_.add_fault({"/tunes/13", 0, "delay", 0, 800, -1, 0, -1});
  int refused = 0;
  for (const auto& a : burst(port_, 10, [](int) { return std::string("/api/thesession/tunes/13"); })) {
    if (a.response.status == 200) continue;
    ++refused;
    EXPECT_EQ(a.response.status, 503);
    EXPECT_EQ(a.response.header("Retry-After"), "1");
  }
  EXPECT_GE(refused, 1);
  EXPECT_EQ(fake_.request_count("/tunes/13"), 1);
}

TEST_F(ProxyTest, TheUpstreamRateCapQueuesRatherThanRefuses) {
  proxy::ProxyConfig config;
  config.max_upstream_rps = 4;  // bursts of 4, then one every 250 ms
  config.max_upstream = 64;
  start_proxy(config);
  const auto start = Clock::now();
  for (const auto& a : burst(port_, 12, [](int i) { return "/api/thesession/tunes/" + std::to_string(100 + i); })) {
    EXPECT_EQ(a.response.status, 200);
  }
  EXPECT_GE(ms_since(start), 1500);  // the last 8 were spread over 2 s
  EXPECT_EQ(fake_.request_count("/tunes/"), 12);
}

TEST(ProxyConfig, PolitenessFlags) {
  bool help = false;
  std::vector<std::string> args = {"tunetrack-proxy", "--no-collapse", "--swr-s", "5", "--max-upstream-rps=2.5",
                                   "--max-waiters", "7"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  const auto config = proxy::parse_proxy_config(static_cast<int>(argv.size()), argv.data(), help);
  EXPECT_FALSE(config.collapse);
  EXPECT_EQ(config.swr_s, 5);
  EXPECT_EQ(config.max_upstream_rps, 2.5);
  EXPECT_EQ(config.max_waiters, 7);
  const auto defaults = proxy::parse_proxy_config(1, argv.data(), help);
  EXPECT_TRUE(defaults.collapse);
  EXPECT_EQ(defaults.swr_s, 30);
  std::vector<std::string> bad = {"tunetrack-proxy", "--swr-s", "-1"};
  std::vector<char*> bad_argv;
  for (auto& a : bad) bad_argv.push_back(a.data());
  EXPECT_THROW(proxy::parse_proxy_config(3, bad_argv.data(), help), std::invalid_argument);
  // No waiters at all would refuse every collapsed request: at least one.
  std::vector<std::string> none = {"tunetrack-proxy", "--max-waiters", "0"};
  std::vector<char*> none_argv;
  for (auto& a : none) none_argv.push_back(a.data());
  EXPECT_THROW(proxy::parse_proxy_config(3, none_argv.data(), help), std::invalid_argument);
}

}  // namespace tt
