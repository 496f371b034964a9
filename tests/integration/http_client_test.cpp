// The native HTTP client reaches every address the strict parser accepts: an
// IPv6 literal with hex digits (httplib's own "scheme://host" reader does not
// know those) with the Host header written as a URL writes it, and an address
// the parser refuses fails at once as a permanent failure, never retried.
#include <gtest/gtest.h>

#include <httplib.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include "core/http_outcome.h"
#include "shell/http_client.h"

namespace tt {
namespace {

class Ipv6Server {
 public:
  Ipv6Server() {
    server_.Get("/x", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex_);
      host_seen_ = req.get_header_value("Host");
      res.set_content("{\"ok\":true}", "application/json");
    });
    port_ = server_.bind_to_any_port("::1");
    if (port_ > 0) thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~Ipv6Server() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }
  std::string host_seen() {
    std::lock_guard<std::mutex> lock(mutex_);
    return host_seen_;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
  std::mutex mutex_;
  std::string host_seen_;
};

TEST(HttpClient, ReachesAnIpv6LiteralWrittenInAnyFormAndSendsABracketedHost) {
  Ipv6Server server;
  if (server.port() <= 0) GTEST_SKIP() << "no IPv6 loopback on this machine";
  for (int i = 0; i < 100; ++i) {
    const HttpOutcome o = http_get("http://[0:0:0:0:0:0:0:1]:" + std::to_string(server.port()) + "/x", {});
    if (o.ok()) {
      EXPECT_EQ(o.body, "{\"ok\":true}");
      EXPECT_EQ(server.host_seen(), "[::1]:" + std::to_string(server.port()));
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // listen thread starting
  }
  FAIL() << "the IPv6 server was never reached";
}

TEST(HttpClient, AnAddressTheParserRefusesIsAPermanentFailureSayingWhy) {
  const HttpOutcome o = http_get("http://127.0.0.1:8080/a b", {});
  EXPECT_TRUE(o.invalid_url);
  EXPECT_EQ(classify(o), FailureClass::Permanent);
  EXPECT_NE(describe_failure(o).find("percent-encoded"), std::string::npos) << describe_failure(o);
}

}  // namespace
}  // namespace tt
