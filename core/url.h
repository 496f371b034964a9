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

}  // namespace tt
