// --trust-forwarded-for: behind a TLS terminator or load balancer, each user
// is their own client for the rate limiter, the caps and the access log.
#include <gtest/gtest.h>

#include "proxy/proxy_server.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

class ForwardedTest : public ::testing::Test {
 protected:
  void SetUp() override { fake_.start(); }
  void start_proxy(std::vector<std::string> trusted) {
    proxy::ProxyConfig config;
    config.port = 0;
    config.upstream = fake_.base_url();
    config.access_log = dir_.path("access.log");
    config.rate = 0.01;  // two requests per client, then 429
    config.burst = 2;
    config.trust_forwarded_for = std::move(trusted);
    proxy_ = std::make_unique<proxy::ProxyServer>(config);
    port_ = proxy_->start();
  }
  int get_as(const std::string& forwarded_for) {
    return testing::raw_get(port_, "/api/thesession/tunes/1", "X-Forwarded-For: " + forwarded_for).status;
  }
  testing::TempDir dir_;
  fake::FakeThesession fake_;
  std::unique_ptr<proxy::ProxyServer> proxy_;
  int port_ = 0;
};

}  // namespace

TEST_F(ForwardedTest, IgnoredByDefault) {
  start_proxy({});
  EXPECT_EQ(get_as("203.0.113.1"), 200);
  EXPECT_EQ(get_as("203.0.113.2"), 200);
  EXPECT_EQ(get_as("203.0.113.3"), 429);  // one client: the peer
}

TEST_F(ForwardedTest, IgnoredFromAnUntrustedPeer) {
  start_proxy({"10.0.0.0/8"});
  EXPECT_EQ(get_as("203.0.113.1"), 200);
  EXPECT_EQ(get_as("203.0.113.2"), 200);
  EXPECT_EQ(get_as("203.0.113.3"), 429);
}

TEST_F(ForwardedTest, FromATrustedPeerEachClientIsItself) {
  start_proxy({"127.0.0.0/8"});
  EXPECT_EQ(get_as("203.0.113.5"), 200);
  EXPECT_EQ(get_as("203.0.113.5"), 200);
  EXPECT_EQ(get_as("203.0.113.5"), 429);
  EXPECT_EQ(get_as("9.9.9.9, 203.0.113.5"), 429);  // a forged left part changes nothing
  EXPECT_EQ(get_as("203.0.113.6"), 200);           // another user is not limited
  proxy_->stop();
  const std::string log = testing::read_file(dir_.path("access.log"));
  EXPECT_NE(log.find("203.0.113.6 GET /api/thesession/tunes/1 200"), std::string::npos) << log;
  EXPECT_EQ(log.find("127.0.0.1 GET"), std::string::npos) << log;
}

}  // namespace tt
