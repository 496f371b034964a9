// tunetrack-proxy's cache never asks thesession.org twice for one answer:
// a request that read the cache just before another's answer landed uses
// that answer, a failing refresh is not retried on every stale hit, the
// stale-while-revalidate grace holds whatever --stale-s is, and a shutdown
// does not wait for refreshes queued behind the politeness gate.
// CachedUpstream is driven directly where a race has to be staged.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "proxy/cached_upstream.h"
#include "tests/integration/proxy_fixture.h"

namespace tt {
namespace {

using testing::RawResponse;
using Clock = std::chrono::steady_clock;

int64_t ms_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

ProxyRoute route_for(const std::string& target) { return *route_api_request(target).route; }

// Holds the first request that reads the cache after arm() until release(),
// so another request can be sent through meanwhile.
class CacheReadGate {
 public:
  void install(proxy::CachedUpstream& api) {
    api.set_after_cache_read_for_test([this] {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!armed_ || held_) return;
      held_ = true;
      changed_.notify_all();
      changed_.wait(lock, [&] { return released_; });
    });
  }
  void arm() {
    std::lock_guard<std::mutex> lock(mutex_);
    armed_ = true;
  }
  void wait_until_held() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return held_; });
  }
  void release() {
    std::lock_guard<std::mutex> lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool armed_ = false, held_ = false, released_ = false;
};

class CachedUpstreamTest : public ProxyTest {
 protected:
  proxy::ProxyConfig config_for_fake() {
    proxy::ProxyConfig config;
    config.upstream = fake_.base_url();
    config.retry_delay_ms = 10;
    return config;
  }
  static int64_t deadline() { return proxy::steady_now_ms() + 20000; }
};

}  // namespace

TEST_F(CachedUpstreamTest, ARequestThatMissedJustBeforeTheLeaderLandedUsesItsAnswer) {
  const proxy::ProxyConfig config = config_for_fake();
  proxy::CachedUpstream api(config);
  CacheReadGate gate;
  gate.install(api);
  gate.arm();
  const ProxyRoute route = route_for("/api/thesession/tunes/21");
  proxy::ApiAnswer late;
  std::thread late_request([&] { late = api.get(route, deadline()); });
  gate.wait_until_held();  // it saw no copy and has not joined a flight yet
  const proxy::ApiAnswer leader = api.get(route, deadline());  // leads, stores, lands
  ASSERT_TRUE(leader.ok);
  gate.release();
  late_request.join();
  EXPECT_TRUE(late.ok);
  EXPECT_STREQ(late.cache, "hit");
  EXPECT_EQ(late.body, leader.body);
  EXPECT_EQ(fake_.request_count("/tunes/21"), 1);
}

TEST_F(CachedUpstreamTest, AStaleHitAfterAnotherRefreshLandedDoesNotRefreshAgain) {
  proxy::ProxyConfig config = config_for_fake();
  config.tune_ttl_s = 2;  // fresh 2 s, then 2 s of grace
  proxy::CachedUpstream api(config);
  CacheReadGate gate;
  gate.install(api);
  const ProxyRoute route = route_for("/api/thesession/tunes/22");
  ASSERT_TRUE(api.get(route, deadline()).ok);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  gate.arm();
  proxy::ApiAnswer late;
  std::thread late_hit([&] { late = api.get(route, deadline()); });
  gate.wait_until_held();  // it read the stale copy
  EXPECT_STREQ(api.get(route, deadline()).cache, "stale");  // starts the one refresh
  const auto start = Clock::now();
  while (std::string(api.get(route, deadline()).cache) != "hit" && ms_since(start) < 5000) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(fake_.request_count("/tunes/22"), 2);
  gate.release();  // its refresh finds the new copy
  late_hit.join();
  EXPECT_STREQ(late.cache, "stale");
  api.stop();  // every refresh has finished
  EXPECT_EQ(fake_.request_count("/tunes/22"), 2);
}

TEST_F(ProxyTest, AFailingRefreshIsNotRetriedOnEveryStaleHit) {
  proxy::ProxyConfig config;
  config.tune_ttl_s = 2;
  start_proxy(config);
  const std::string path = "/api/thesession/tunes/23";
  ASSERT_EQ(get(path).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // within the 2 s grace
  fake_.add_fault({"/tunes/23", 0, "status", 503, 0, -1, 0, -1});
  for (int i = 0; i < 20; ++i) {
    const RawResponse r = get(path);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("X-Cache"), "stale");
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  // The first stale hit's refresh failed; the others, within its backoff, ask nothing.
  EXPECT_EQ(fake_.request_count("/tunes/23"), 2);
}

TEST_F(ProxyTest, StaleWhileRevalidateHoldsWithStaleIfErrorOff) {
  proxy::ProxyConfig config;
  config.tune_ttl_s = 2;
  config.stale_s = 0;  // no stale-if-error; the grace (2 s here) stays
  start_proxy(config);
  const std::string path = "/api/thesession/tunes/24";
  RawResponse r = get(path);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Cache-Control"), "public, max-age=2, stale-while-revalidate=2");  // only what is honoured
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  r = get(path);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("X-Cache"), "stale");
  EXPECT_EQ(r.header("Cache-Control").find("stale-if-error"), std::string::npos) << r.header("Cache-Control");
}

TEST_F(CachedUpstreamTest, StopDoesNotWaitForARefreshQueuedForUpstream) {
  proxy::ProxyConfig config = config_for_fake();
  config.tune_ttl_s = 2;
  config.max_upstream = 1;  // one call in the air; the refresh queues behind it
  proxy::CachedUpstream api(config);
  const ProxyRoute stale_route = route_for("/api/thesession/tunes/25");
  ASSERT_TRUE(api.get(stale_route, deadline()).ok);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  fake_.add_fault({"/tunes/", 0, "delay", 0, 4000, -1, 0, -1});
  std::thread slow([&] { api.get(route_for("/api/thesession/tunes/26"), deadline()); });
  const auto asked = Clock::now();
  while (fake_.request_count("/tunes/26") < 1 && ms_since(asked) < 5000) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(fake_.request_count("/tunes/26"), 1);  // the only slot is taken
  EXPECT_STREQ(api.get(stale_route, deadline()).cache, "stale");  // its refresh queues
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto stopping = Clock::now();
  api.stop();
  // Before: the slot's 4 s, then the refresh's own 4 s call.
  EXPECT_LT(ms_since(stopping), 3000);
  slow.join();
  EXPECT_EQ(fake_.request_count("/tunes/25"), 1);  // the queued refresh never called
}

}  // namespace tt
