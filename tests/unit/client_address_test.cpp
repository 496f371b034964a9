#include <gtest/gtest.h>

#include "core/client_address.h"

namespace tt {
namespace {
std::vector<Cidr> ranges(std::initializer_list<const char*> texts) {
  std::vector<Cidr> out;
  for (const char* t : texts) out.push_back(*parse_cidr(t));
  return out;
}
}  // namespace

TEST(ClientAddress, ParsesAddressesAndRanges) {
  EXPECT_TRUE(parse_ip("127.0.0.1"));
  EXPECT_TRUE(parse_ip("::1"));
  EXPECT_TRUE(parse_ip("2001:db8::8:800:200c:417a"));
  EXPECT_TRUE(parse_ip("fe80::"));
  for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "::1::", "1:2:3:4:5:6:7:8:9",
                          "12345::", "g::1", "1.2.3.4 ", "unknown"}) {
    EXPECT_FALSE(parse_ip(bad)) << bad;
  }
  EXPECT_TRUE(parse_cidr("10.0.0.0/8"));
  EXPECT_TRUE(parse_cidr("fd00::/8"));
  EXPECT_FALSE(parse_cidr("10.0.0.0/33"));
  EXPECT_FALSE(parse_cidr("10.0.0.0/"));
  const auto lan = ranges({"10.0.0.0/8", "fd00::/8", "192.0.2.7"});
  EXPECT_TRUE(is_trusted("10.200.3.4", lan));
  EXPECT_FALSE(is_trusted("11.0.0.1", lan));
  EXPECT_TRUE(is_trusted("fd12::1", lan));
  EXPECT_TRUE(is_trusted("192.0.2.7", lan));
  EXPECT_FALSE(is_trusted("192.0.2.8", lan));
  EXPECT_FALSE(is_trusted("::ffff:10.0.0.1x", lan));
}

TEST(ClientAddress, RightmostUntrustedHopFromATrustedPeerOnly) {
  const auto front = ranges({"10.0.0.0/8"});
  EXPECT_EQ(client_address("10.0.0.2", "203.0.113.5", front), "203.0.113.5");
  // What the client wrote itself (the left part) is never believed.
  EXPECT_EQ(client_address("10.0.0.2", "1.1.1.1, 203.0.113.5", front), "203.0.113.5");
  // Hops through several trusted proxies.
  EXPECT_EQ(client_address("10.0.0.2", "1.1.1.1, 203.0.113.5, 10.0.0.9", front), "203.0.113.5");
  // An untrusted peer's header is ignored; so is everything without trust.
  EXPECT_EQ(client_address("198.51.100.1", "203.0.113.5", front), "198.51.100.1");
  EXPECT_EQ(client_address("10.0.0.2", "203.0.113.5", {}), "10.0.0.2");
  // Junk or nothing: the last trusted hop is all that is known.
  EXPECT_EQ(client_address("10.0.0.2", "", front), "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.2", "evil, 10.0.0.3", front), "10.0.0.3");
  EXPECT_EQ(client_address("10.0.0.2", "10.0.0.4", front), "10.0.0.4");  // all trusted: the leftmost
}

}  // namespace tt
