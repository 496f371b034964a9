#pragma once
// One strict parser for every absolute http(s) address that comes from
// outside: the CLI's --upstream and --proxy, the proxy's --upstream and an
// upstream redirect's Location, and the page's ?proxy= link. Strict because
// what a person is shown (a consent question naming a host, an error naming
// an upstream) must be exactly what requests will go to:
//   scheme    "http" or "https" (any case; kept lower case)
//   host      a DNS name (letters, digits, '-', labels of 1-63 characters,
//             253 at most; kept lower case), a dotted IPv4 address, or an
//             IPv6 literal in brackets; nothing else (no user info, no
//             percent-encoding, no zone id)
//   port      1-65535 when written (":" alone is refused)
//   target    path and query of RFC 3986 characters only; every '%' starts
//             two hex digits; no fragment
// origin() re-parses to the same scheme, host and port.
#include <optional>
#include <string>
#include <string_view>

#include "core/parse_number.h"

namespace tt {

struct ParsedUrl {
  std::string scheme;  // "http" or "https"
  std::string host;    // lower case; an IPv6 address without its brackets
  int port = 0;        // explicit or the scheme's default
  std::string target;  // path and query, at least "/"

  bool host_is_ipv6() const;
  std::string authority() const;  // host[:port] as written in a URL: brackets round IPv6, default port omitted
  std::string origin() const;     // scheme://authority
  std::string path() const;       // target without its query
};

// The address, or an error that says what is wrong with it (quoting at most a
// short excerpt).
Parsed<ParsedUrl> parse_url(std::string_view url);

// Percent-encodes a query value (RFC 3986 unreserved characters pass).
std::string url_encode(std::string_view value);

// Percent-decodes a query component ('+' is a space); nullopt when malformed
// or when it decodes to a NUL or other control character.
std::optional<std::string> decode_query_component(std::string_view text);

}  // namespace tt
