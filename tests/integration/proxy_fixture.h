#pragma once
// The fixture of the proxy's in-process integration tests: tunetrack-proxy
// against fake-thesession on loopback. The fake counts requests, so every
// refusal can be checked to never reach upstream.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "proxy/proxy_server.h"
#include "tests/fake_thesession/fake_server.h"
#include "tests/fake_thesession/synthetic_data.h"
#include "tests/integration/test_support.h"

namespace tt {

class ProxyTest : public ::testing::Test {
 protected:
  void SetUp() override { fake_.start(); }

  // Rate limiting is off unless a test is about it.
  int start_proxy(proxy::ProxyConfig config = {}, bool rate_limited = false) {
    config.port = 0;
    config.upstream = fake_.base_url();
    config.access_log = "off";
    config.retry_delay_ms = 10;
    if (!rate_limited) config.rate = 0;
    if (config.web_dir.empty()) config.web_dir = web_.path("");
    proxy_ = std::make_unique<proxy::ProxyServer>(config);
    return port_ = proxy_->start();
  }

  testing::RawResponse get(const std::string& target, const std::string& headers = "") { return testing::raw_get(port_, target, headers); }

  testing::TempDir web_;
  fake::FakeThesession fake_;
  std::unique_ptr<proxy::ProxyServer> proxy_;
  int port_ = 0;
};

inline std::string member(int tunes) { return std::to_string(fake::kFirstMember + tunes); }

}  // namespace tt
