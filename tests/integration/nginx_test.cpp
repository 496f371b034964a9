// deploy/nginx.conf as deployed: Debian's nginx in front of two proxy
// instances and the fake, on loopback, with a certificate made at test time.
// Clients are played from other 127.x addresses.
#include <gtest/gtest.h>

#include <string>

#include "tests/integration/nginx_fixture.h"

namespace tt {
namespace {

using testing::raw_http_from;
using testing::RawResponse;

int count_lines_with(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST_F(NginxTest, TheSecondClientIsServedFromTheSharedCacheWithoutReachingAnInstance) {
  start();
  RawResponse first = get("127.0.0.2", "/api/thesession/tunes/42");
  ASSERT_EQ(first.status, 200) << first.head;
  EXPECT_EQ(first.header("X-Cache-Status"), "MISS");
  RawResponse second = get("127.0.0.3", "/api/thesession/tunes/42");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.header("X-Cache-Status"), "HIT");
  EXPECT_EQ(second.body, first.body);
  const std::string written = logs_once_written("GET /api/thesession/tunes/42 ");
  EXPECT_EQ(count_lines_with(written, "GET /api/thesession/tunes/42 "), 1) << written;  // one instance, once
  EXPECT_EQ(fake_.request_count("/tunes/42"), 1);

  // The same over TLS, as a browser would come.
  httplib::SSLClient tls("127.0.0.1", tls_port_);
  tls.enable_server_certificate_verification(false);
  const auto res = tls.Get("/api/thesession/tunes/42");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("X-Cache-Status"), "HIT");
  EXPECT_EQ(count_lines_with(logs(), "GET /api/thesession/tunes/42 "), 1);
}

TEST_F(NginxTest, StoppingOneInstanceLosesNoRequest) {
  start();
  int ok = 0;
  for (int i = 1; i <= 20; ++i) {
    if (i == 6) a_->stop();
    const RawResponse r = get("127.0.0.2", "/api/thesession/tunes/" + std::to_string(100 + i));  // never cached
    ok += r.status == 200;
    EXPECT_EQ(r.status, 200) << "request " << i << ": " << r.head;
  }
  // nginx's own account of a request it could not pass on (seen once in CI:
  // every request from the stop on got 502 from nginx, b.log only 3 lines).
  EXPECT_EQ(ok, 20) << testing::read_file(dir_.path("tunetrack-error.log"));
  EXPECT_GT(count_lines_with(testing::read_file(dir_.path("b.log")), " 200 "), 10);
}

TEST_F(NginxTest, TheClientAddressReachesTheRateLimiter) {
  start(/*rate=*/0.01);  // two requests per client per instance, then 429
  int first_limited = 0;
  for (int i = 1; i <= 10 && !first_limited; ++i) {
    if (get("127.0.0.2", "/api/thesession/tunes/" + std::to_string(200 + i)).status == 429) first_limited = i;
  }
  EXPECT_GE(first_limited, 3);  // two instances, two each
  EXPECT_LE(first_limited, 5);
  // Another client behind the same nginx is not limited; a forged header changes nothing.
  EXPECT_EQ(get("127.0.0.3", "/api/thesession/tunes/300").status, 200);
  const RawResponse forged = raw_http_from("127.0.0.2", plain_port_,
                                           "GET /api/thesession/tunes/301 HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9\r\nConnection: close");
  EXPECT_EQ(forged.status, 429);
  EXPECT_NE(logs_once_written("127.0.0.2 GET /api/thesession/tunes/201").find("127.0.0.2 GET /api/thesession/tunes/201"),
            std::string::npos)
      << logs();
  EXPECT_EQ(logs().find("127.0.0.1 GET /api"), std::string::npos) << logs();
}

}  // namespace
}  // namespace tt
