#pragma once
// Splits an absolute http(s) URL into what an HTTP client needs.
#include <optional>
#include <string>
#include <string_view>

namespace tt {

struct ParsedUrl {
  std::string scheme;  // "http" or "https"
  std::string host;
  int port = 0;        // explicit or the scheme's default
  std::string target;  // path and query, at least "/"
  std::string origin() const;  // scheme://host[:port], default ports omitted
};

std::optional<ParsedUrl> parse_url(std::string_view url);

// Percent-encodes a query value (RFC 3986 unreserved characters pass).
std::string url_encode(std::string_view value);

// Percent-decodes a query component ('+' is a space); nullopt when malformed
// or when it decodes to a NUL or other control character.
std::optional<std::string> decode_query_component(std::string_view text);

}  // namespace tt
