// No exception text ever reaches a client: the proxy's guard turns anything a
// handler throws into a plain 500 JSON answer.
#include <gtest/gtest.h>
#include <httplib.h>

#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "proxy/error_guard.h"
#include "tests/integration/test_support.h"

namespace tt {

TEST(ErrorGuard, AThrowingHandlerIsA500JsonWithoutTheExceptionText) {
  httplib::Server server;
  std::vector<std::string> logged;
  proxy::install_error_guard(server, [&](const std::string& line) { logged.push_back(line); });
  server.Get("/boom", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Half-Done", "1");
    throw std::runtime_error("secret detail \x80");
  });
  server.Get("/int", [](const httplib::Request&, httplib::Response&) { throw 42; });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  for (const char* target : {"/boom", "/int"}) {
    const testing::RawResponse r = testing::raw_get(port, target);
    EXPECT_EQ(r.status, 500) << target;
    EXPECT_EQ(r.header("EXCEPTION_WHAT"), "") << target;
    EXPECT_EQ(r.header("X-Half-Done"), "") << target;
    EXPECT_EQ(r.head.find("secret"), std::string::npos);
    EXPECT_EQ(r.body.find("secret"), std::string::npos);
    const auto doc = nlohmann::json::parse(r.body);
    EXPECT_EQ(doc["error"], "internal");
    EXPECT_TRUE(doc["message"].is_string());
  }
  server.stop();
  thread.join();
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_NE(logged[0].find("secret detail \\x80"), std::string::npos) << logged[0];  // escaped, server side only
}

}  // namespace tt
