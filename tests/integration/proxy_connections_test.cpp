// tunetrack-proxy's connection handling (proxy/guarded_server.h): backlog,
// idle and slow connections, per-address caps, request head limits. Other
// clients are played from other 127.x addresses. No timing is asserted:
// waits only bound how long a test may take.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "proxy/proxy_server.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/integration/test_support.h"
#include "tests/loopback_socket.h"

namespace tt {
namespace {

using nlohmann::json;

// A client socket from `local_ip` (any 127.x address works on loopback).
class Client {
 public:
  Client(const char* local_ip, int port)
      : fd_(testing::connect_loopback_from(local_ip, port)), connected_(fd_ >= 0) {}
  ~Client() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool connected() const { return connected_; }
  void send(const std::string& data) { ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL); }
  // Reads one whole answer (head and Content-Length body), waiting at most
  // `ms`. Bytes past it (a pipelined answer that came in the same read) are
  // kept for the next call.
  std::string read_answer(int ms = 10000) {
    std::string data = std::move(pending_);
    pending_.clear();
    while (true) {
      const size_t head_end = data.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        const size_t cl = data.find("Content-Length: ");
        const size_t body = cl == std::string::npos || cl > head_end ? 0 : std::stoul(data.substr(cl + 16));
        const size_t end = head_end + 4 + body;
        if (data.size() >= end) {
          pending_ = data.substr(end);
          data.resize(end);
          return data;
        }
      }
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, ms) <= 0) return data;
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) return data;
      data.append(buffer, static_cast<size_t>(n));
    }
  }
  // True when the server closes the connection within `ms`.
  bool closed_within(int ms) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, ms) <= 0) return false;
    char buffer[4096];
    return ::recv(fd_, buffer, sizeof buffer, 0) <= 0;
  }

 private:
  int fd_;
  bool connected_ = false;
  std::string pending_;  // read past the last answer
};

int status_of(const std::string& answer) { return answer.size() > 12 ? std::atoi(answer.c_str() + 9) : 0; }
json body_of(const std::string& answer) {
  return json::parse(answer.substr(answer.find("\r\n\r\n") + 4), nullptr, false);
}
const std::string kHealth = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

class ProxyConnectionsTest : public ::testing::Test {
 protected:
  void SetUp() override { fake_.start(); }
  int start_proxy(proxy::ProxyConfig config = {}) {
    config.port = 0;
    config.upstream = fake_.base_url();
    config.access_log = "off";
    config.rate = 0;
    proxy_ = std::make_unique<proxy::ProxyServer>(config);
    return port_ = proxy_->start();
  }
  fake::FakeThesession fake_;
  std::unique_ptr<proxy::ProxyServer> proxy_;
  int port_ = 0;
};

}  // namespace

TEST_F(ProxyConnectionsTest, ListenBacklogIsLargeEnoughForBursts) {
  start_proxy();
  const auto ss = testing::run_command("ss -ltnH 'sport = :" + std::to_string(port_) + "'");
  if (ss.exit_code != 0) GTEST_SKIP() << "ss is not available";
  // "LISTEN 0 1024 127.0.0.1:PORT ...": the third column is the backlog.
  std::istringstream in(ss.out);
  std::string state, recv_q, backlog;
  in >> state >> recv_q >> backlog;
  EXPECT_GE(std::stoi(backlog), 1024) << ss.out;
}

TEST_F(ProxyConnectionsTest, CapsConcurrentConnectionsPerClientAddress) {
  proxy::ProxyConfig config;
  config.max_connections_per_client = 4;
  config.keep_alive_s = 30;  // the four stay open while the test runs
  start_proxy(config);
  std::vector<std::unique_ptr<Client>> held;
  for (int i = 0; i < 4; ++i) {
    held.push_back(std::make_unique<Client>("127.0.0.2", port_));
    held.back()->send(kHealth);  // answered and kept alive: surely counted
    ASSERT_EQ(status_of(held.back()->read_answer()), 200);
  }
  Client fifth("127.0.0.2", port_);
  fifth.send(kHealth);
  const std::string refused = fifth.read_answer();
  EXPECT_EQ(status_of(refused), 429) << refused;
  EXPECT_EQ(body_of(refused)["error"], "too_many_connections");
  EXPECT_TRUE(fifth.closed_within(5000));

  Client other("127.0.0.3", port_);  // another address is not affected
  other.send(kHealth);
  EXPECT_EQ(status_of(other.read_answer()), 200);

  held.pop_back();  // one closes: the address may open one more
  int status = 0;
  for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
    Client again("127.0.0.2", port_);
    again.send(kHealth);
    status = status_of(again.read_answer());
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(status, 200);
}

TEST_F(ProxyConnectionsTest, DefaultCapLetsABurstOf64FromOneAddressThrough) {
  start_proxy();
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < 64; ++i) clients.push_back(std::make_unique<Client>("127.0.0.1", port_));
  for (auto& c : clients) c->send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  int ok = 0;
  for (auto& c : clients) ok += status_of(c->read_answer()) == 200;
  EXPECT_EQ(ok, 64);
}

TEST_F(ProxyConnectionsTest, IdleConnectionsAreClosedAndNeverStallOthers) {
  proxy::ProxyConfig config;
  config.keep_alive_s = 1;
  start_proxy(config);
  std::vector<std::unique_ptr<Client>> idle;
  for (int i = 0; i < 100; ++i) idle.push_back(std::make_unique<Client>("127.0.0.2", port_));
  Client other("127.0.0.3", port_);
  other.send(kHealth);
  EXPECT_EQ(status_of(other.read_answer()), 200);
  // The kept-alive connection is closed after its idle time, as are the idle ones.
  EXPECT_TRUE(other.closed_within(10000));
  for (auto& c : idle) EXPECT_TRUE(c->closed_within(10000));
}

TEST_F(ProxyConnectionsTest, ASlowHeadGetsA408AtItsDeadline) {
  proxy::ProxyConfig config;
  config.header_timeout_s = 1;
  start_proxy(config);
  Client slow("127.0.0.2", port_);
  const std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 'a') + "\r\n\r\n";
  std::string answer;
  for (size_t i = 0; i < head.size() && answer.empty(); ++i) {  // at most 200 x 50 ms
    slow.send(head.substr(i, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (i % 10 == 9) answer = slow.read_answer(1);
  }
  if (answer.empty()) answer = slow.read_answer();
  EXPECT_EQ(status_of(answer), 408) << answer;
  EXPECT_EQ(body_of(answer)["error"], "request_timeout");
}

TEST_F(ProxyConnectionsTest, RequestHeadLimitsAnswerJson) {
  start_proxy();
  const auto ask = [&](const std::string& request) {
    Client c("127.0.0.2", port_);
    c.send(request);
    return c.read_answer();
  };
  std::string r = ask("GET /api/thesession/tunes/1?q=" + std::string(3000, 'x') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(r), 414);
  EXPECT_EQ(body_of(r)["error"], "uri_too_long");
  std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 100; ++i) many += "X-H" + std::to_string(i) + ": 1\r\n";
  r = ask(many + "\r\n");
  EXPECT_EQ(status_of(r), 431);
  EXPECT_EQ(body_of(r)["error"], "headers_too_large");
  r = ask("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(5000, 'b') + "\r\n\r\n");
  EXPECT_EQ(status_of(r), 431);
  r = ask("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_EQ(status_of(r), 400);
  EXPECT_EQ(body_of(r)["error"], "bad_request");
  r = ask("GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  EXPECT_EQ(status_of(r), 400);
  r = ask("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status_of(r), 200);
  EXPECT_EQ(fake_.request_count(), 0);
}

TEST_F(ProxyConnectionsTest, PipelinedRequestsAreAnsweredInOrder) {
  start_proxy();
  Client c("127.0.0.2", port_);
  c.send(kHealth + "GET /api/thesession/tunes/3 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_answer()), 200);
  const std::string second = c.read_answer();
  EXPECT_EQ(status_of(second), 200);
  EXPECT_EQ(body_of(second)["id"], 3);
}

}  // namespace tt
