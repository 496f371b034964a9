// The six findings of the independent fuzzing round (issue "Addresses and
// numbers parsed strictly"), one test each, plus the strict URL grammar they
// led to. Each of the six failed before the fix.
#include <gtest/gtest.h>

#include <climits>
#include <cstdlib>
#include <string>

#include "core/music_key.h"
#include "core/parse_number.h"
#include "core/proxy_choice.h"
#include "core/url.h"

namespace tt {
namespace {

const std::string kOwn = "http://127.0.0.1:8080";

// 1. origin() kept an IPv6 host without its brackets: "http://::1" reads back
//    as host "::" and port 1.
TEST(StrictInput, Finding1_OriginOfAnIpv6HostKeepsItsBracketsAndRoundTrips) {
  for (const char* url : {"http://[::1]/x", "https://[2001:db8::7]:8443/", "http://[::ffff:127.0.0.1]:81"}) {
    const auto parsed = parse_url(url);
    ASSERT_TRUE(parsed) << url << ": " << parsed.error;
    const auto again = parse_url(parsed->origin());
    ASSERT_TRUE(again) << parsed->origin();
    EXPECT_EQ(again->host, parsed->host) << url;
    EXPECT_EQ(again->port, parsed->port) << url;
    EXPECT_EQ(again->origin(), parsed->origin()) << url;
  }
  EXPECT_EQ(parse_url("http://[::1]/x")->origin(), "http://[::1]");
  EXPECT_EQ(parse_url("http://[::1]:8080/x")->origin(), "http://[::1]:8080");
}

// 2. A ?proxy= host with a ':' was taken for IPv6, so the question named
//    "[jtype9:0]:9", a host that is not the one in the link.
TEST(StrictInput, Finding2_AProxyLinkWhoseHostIsMalformedIsRefusedSayingWhy) {
  for (const char* bad : {"http://jtype9:0:09", "http://127.0.0.1:8080g:8443/", "http://a:b:c/"}) {
    const ProxyChoice c = choose_proxy(kOwn, bad, {});
    EXPECT_EQ(c.consent, ProxyConsent::Own) << bad;
    EXPECT_EQ(c.url, kOwn) << bad;
    EXPECT_TRUE(c.other_host.empty()) << bad << " named " << c.other_host;
    EXPECT_NE(c.note.find("not an http(s) address"), std::string::npos) << c.note;
    EXPECT_NE(c.note.find("port"), std::string::npos) << c.note;
  }
  // A real IPv6 proxy is asked about under the origin it will be used with.
  const ProxyChoice v6 = choose_proxy(kOwn, "http://[::1]:9000/tt/", {});
  EXPECT_EQ(v6.consent, ProxyConsent::Asking);
  EXPECT_EQ(v6.other_origin, "http://[::1]:9000");
  EXPECT_EQ(v6.other_host, "[::1]:9000");
  EXPECT_EQ(v6.other_url, "http://[::1]:9000/tt");
}

// 3. The link's path went unchanged into the address the page uses.
TEST(StrictInput, Finding3_AProxyLinksPathWithRawCharactersIsRefused) {
  for (const std::string& bad : {std::string("http://p.example/a b"), std::string("http://p.example/a\x01"),
                                std::string("http://p.example/a\0b", 20), std::string("http://p.example/\"<>"),
                                std::string("http://p.example/a\\b"), std::string("http://p.example/\xc3\xa9"),
                                std::string("http://p.example/%zz")}) {
    const ProxyChoice c = choose_proxy(kOwn, bad, {});
    EXPECT_EQ(c.consent, ProxyConsent::Own) << bad;
    EXPECT_EQ(c.url, kOwn) << bad;
    EXPECT_TRUE(c.other_url.empty()) << bad;
  }
  // Percent-encoded, the same path is fine and kept as written.
  EXPECT_EQ(choose_proxy(kOwn, "http://p.example/a%20b/", {}).other_url, "http://p.example/a%20b");
}

// 4. parse_url took any byte in the host and the path (also in a redirect's Location).
TEST(StrictInput, Finding4_ParseUrlRefusesBytesOutsideTheGrammar) {
  for (const std::string& bad :
       {std::string("http://\x0c"), std::string("http://h/a b"), std::string("http://h\x7f/"),
        std::string("http://h..x/"), std::string("http://-h/"), std::string("http://h-/"), std::string("http://1.2.3/"),
        std::string("http://256.1.1.1/"), std::string("http://01.1.1.1/"), std::string("http://[::1/"),
        std::string("http://[1::2::3]/"), std::string("http://[fe80::1%25eth0]/"), std::string("http://[::1]x/"),
        std::string("http://h:/"), std::string("http://h:0/"), std::string("http://h:65536/"), std::string("http://h/#frag"),
        std::string("http://h%41/"), std::string("http://h/%4"), std::string("http://user@h/"), std::string("http:///x"),
        std::string("http://") + std::string(64, 'a') + ".org/", std::string("https://h/<script>")}) {
    const auto parsed = parse_url(bad);
    EXPECT_FALSE(parsed) << bad;
    EXPECT_NE(parsed.error.find("not an http(s) address"), std::string::npos) << bad;
  }
  for (const char* good : {"http://h/", "HTTP://Example.ORG:8080/a/b?q=1&x=%2F", "http://127.0.0.1:1/x?a?b",
                           "https://[2001:db8:0:0:0:0:2:1]/", "http://[::]/", "http://a-b.c0/~x/(y)!$*,;=:@",
                           "http://h?x=1"}) {
    const auto parsed = parse_url(good);
    EXPECT_TRUE(parsed) << good << ": " << parsed.error;
  }
  const auto mixed = parse_url("HTTP://Example.ORG:8080?q=1");
  EXPECT_EQ(mixed->scheme, "http");
  EXPECT_EQ(mixed->host, "example.org");
  EXPECT_EQ(mixed->target, "/?q=1");
  EXPECT_EQ(mixed->origin(), "http://example.org:8080");
}

TEST(StrictInput, Ipv6HostsAreKeptInTheFormBrowsersPrintInAnOrigin) {
  EXPECT_EQ(parse_url("http://[0:0::1]/")->origin(), "http://[::1]");
  EXPECT_EQ(parse_url("http://[2001:DB8:0:0:0:0:2:1]:81/")->origin(), "http://[2001:db8::2:1]:81");
  EXPECT_EQ(parse_url("http://[2001:db8:0:1:0:0:0:1]/")->host, "2001:db8:0:1::1");  // the longer run
  EXPECT_EQ(parse_url("http://[1:0:1:1:1:1:1:1]/")->host, "1:0:1:1:1:1:1:1");     // one zero group stays
  EXPECT_EQ(parse_url("http://[::ffff:1.2.3.4]/")->host, "::ffff:102:304");
  EXPECT_EQ(parse_url("http://[::]/")->host, "::");
  // So a link naming the page's own origin another way is the page's own.
  EXPECT_EQ(choose_proxy("http://[::1]:8080", "http://[0::1]:8080/", {}).consent, ProxyConsent::Own);
}

TEST(StrictInput, NamesThatResolversReadAsNumbersMustBeDottedIpv4) {
  for (const char* bad : {"http://0x7f.1/", "http://0x7f000001/", "http://example.123/", "http://2130706433/"}) {
    EXPECT_FALSE(parse_url(bad)) << bad;
  }
  for (const char* good : {"http://tt_proxy:8080/", "http://x1.example/", "http://0xcafe.example/", "http://123.example/"}) {
    EXPECT_TRUE(parse_url(good)) << good;
  }
}

TEST(StrictInput, ErrorsShowEnoughOfTheAddressToSeeItsPort) {
  const auto bad = parse_url("http://proxy.example.org:80800/");
  EXPECT_NE(bad.error.find(":80800"), std::string::npos) << bad.error;
}

// 5. parse_decimal summed digits times 0.1, 0.01, ...: inexact, and a value
//    equal to an inclusive bound was refused.
TEST(StrictInput, Finding5_DecimalsAreTheNearestDoubleAndBoundsAreInclusive) {
  EXPECT_EQ(parse_decimal("0.3", 0, 1).value, 0.3);
  EXPECT_TRUE(parse_decimal("0.3", 0, 0.3));
  EXPECT_TRUE(parse_decimal("0.3", 0.3, 1));
  EXPECT_EQ(parse_decimal(".12", 0, 1).value, 0.12);
  EXPECT_EQ(parse_decimal("3.", 0, 10).value, 3.0);
  EXPECT_EQ(parse_decimal("123456789012345678901234", 0, 1e30).value, 123456789012345678901234.0);
  for (const char* text : {"1.1", "2.675", "0.1", "9007199254740993", "0.000000000000000000001", "7.000000000000001"}) {
    EXPECT_EQ(parse_decimal(text, 0, 1e30).value, std::strtod(text, nullptr)) << text;
  }
  EXPECT_FALSE(parse_decimal("0.30000000000000004", 0, 0.3));
  for (const char* bad : {".", "", "1..2", "1e3", "-1", " 1", "1,5", "0x1p3", "inf", "nan"}) {
    EXPECT_FALSE(parse_decimal(bad, -10, 1e30)) << bad;
  }
}

// 6. transpose_key added semitones to 11 before reducing: INT_MAX overflowed.
TEST(StrictInput, Finding6_TransposingByAnyNumberOfSemitonesReducesFirst) {
  const MusicKey d{'D', 0, Mode::Major};
  EXPECT_EQ(key_for_people(transpose_key(d, INT_MAX)), key_for_people(transpose_key(d, INT_MAX % 12)));
  EXPECT_EQ(key_for_people(transpose_key(d, INT_MIN)), key_for_people(transpose_key(d, INT_MIN % 12)));
  const MusicKey b{'B', 0, Mode::Minor};  // letter 11: the largest start
  EXPECT_EQ(key_for_people(transpose_key(b, INT_MAX - 1)), key_for_people(transpose_key(b, (INT_MAX - 1) % 12)));
  EXPECT_EQ(key_for_people(transpose_key(b, 12 * 1000 + 2)), "C# minor");
}

}  // namespace
}  // namespace tt
