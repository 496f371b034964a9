#include "core/url.h"

#include <cstdint>
#include <vector>

#include "core/parse_number.h"

namespace tt {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// RFC 3986 pchar without '%' (checked apart): unreserved, sub-delims, ':' and '@'.
bool is_path_char(char c) {
  if (is_alpha(c) || is_digit(c)) return true;
  switch (c) {
    case '-': case '.': case '_': case '~':                                    // unreserved
    case '!': case '$': case '&': case '\'': case '(': case ')':              // sub-delims
    case '*': case '+': case ',': case ';': case '=':
    case ':': case '@': case '/':
      return true;
    default:
      return false;
  }
}

// Path and query: RFC 3986 characters ('?' starts the query and may recur in
// it), and every '%' followed by two hex digits.
bool valid_target(std::string_view target) {
  for (size_t i = 0; i < target.size(); ++i) {
    const char c = target[i];
    if (c == '%') {
      if (i + 2 >= target.size() || hex_value(target[i + 1]) < 0 || hex_value(target[i + 2]) < 0) return false;
      i += 2;
    } else if (c != '?' && !is_path_char(c)) {
      return false;
    }
  }
  return true;
}

// Dotted IPv4: four numbers 0-255, no leading zeros (an address never means
// what "010" would mean to one reader and not another).
bool valid_ipv4(std::string_view text) {
  int parts = 0;
  size_t start = 0;
  while (true) {
    const size_t dot = text.find('.', start);
    const std::string_view part = text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (part.empty() || part.size() > 3 || (part.size() > 1 && part.front() == '0')) return false;
    const auto n = parse_int(part, 0, 255);
    if (!n) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts == 4;
}

// An IPv6 address (RFC 4291 text forms: eight groups of 1-4 hex digits, one
// "::" standing for one or more zero groups, optionally a dotted IPv4 address
// as the last 32 bits) in the form browsers print in an origin (RFC 5952 as
// the URL standard applies it: lower case, no leading zeros, the longest run
// of two or more zero groups as "::", no dotted tail), so an origin compares
// equal to the page's location.origin. Empty when it is not an IPv6 address.
std::string canonical_ipv6(std::string_view text) {
  if (text.size() < 2 || text.size() > 45) return {};
  std::vector<uint16_t> head, tail;  // groups before and after "::"
  bool compressed = false;
  size_t i = 0;
  if (text.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
  } else if (text.front() == ':') {
    return {};
  }
  while (i < text.size()) {
    auto& groups = compressed ? tail : head;
    size_t end = text.find(':', i);
    const std::string_view group = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (group.find('.') != std::string_view::npos) {  // the dotted IPv4 tail
      if (end != std::string_view::npos || !valid_ipv4(group)) return {};
      uint32_t v4 = 0;
      size_t start = 0;
      for (int part = 0; part < 4; ++part) {
        const size_t dot = group.find('.', start);
        v4 = v4 << 8 | static_cast<uint32_t>(parse_int(group.substr(start, dot - start), 0, 255).value);
        start = dot + 1;
      }
      groups.push_back(static_cast<uint16_t>(v4 >> 16));
      groups.push_back(static_cast<uint16_t>(v4 & 0xffff));
      break;
    }
    if (group.empty() || group.size() > 4) return {};
    uint16_t value = 0;
    for (const char c : group) {
      if (hex_value(c) < 0) return {};
      value = static_cast<uint16_t>(value << 4 | hex_value(c));
    }
    groups.push_back(value);
    if (end == std::string_view::npos) break;
    if (end + 1 == text.size()) return {};  // a trailing single ':'
    if (text[end + 1] == ':') {
      if (compressed) return {};  // "::" twice
      compressed = true;
      ++end;
      if (end + 1 == text.size()) break;  // ends with "::"
    }
    i = end + 1;
  }
  const size_t written = head.size() + tail.size();
  if (compressed ? written > 7 : written != 8) return {};
  std::vector<uint16_t> all = head;
  all.resize(8 - tail.size(), 0);
  all.insert(all.end(), tail.begin(), tail.end());

  size_t best_at = 8, best_len = 1;  // a single zero group is never compressed
  for (size_t at = 0; at < 8;) {
    size_t len = 0;
    while (at + len < 8 && all[at + len] == 0) ++len;
    if (len > best_len) best_at = at, best_len = len;
    at += len ? len : 1;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t g = 0; g < 8; ++g) {
    if (g == best_at) {
      out += "::";
      g += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const int digit = all[g] >> shift & 15;
      if (digit || started || shift == 0) out += kHex[digit], started = true;
    }
  }
  return out;
}

// A DNS name: labels of letters, digits, '-' (not first or last) and '_'
// (which browsers accept, and container names use), 1-63 characters each,
// 253 in all; or a dotted IPv4 address. A name whose last label looks like
// a number (digits, or 0x and hex digits) must be a dotted IPv4 address:
// "1.2.3", "0x7f.1" or "example.123" are refused, because resolvers and
// browsers read such names as numeric addresses of their own.
bool valid_name_or_ipv4(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  size_t label = 0;
  for (size_t i = 0; i <= host.size(); ++i) {
    if (i == host.size() || host[i] == '.') {
      if (label == 0 || label > 63 || host[i - 1] == '-') return false;
      label = 0;
      continue;
    }
    const char c = host[i];
    if (!is_alpha(c) && !is_digit(c) && c != '-' && c != '_') return false;
    if (c == '-' && label == 0) return false;
    ++label;
  }
  const std::string_view last = host.substr(host.rfind('.') == std::string_view::npos ? 0 : host.rfind('.') + 1);
  bool all_digits = true, hex_number = last.size() >= 2 && last[0] == '0' && (last[1] == 'x' || last[1] == 'X');
  for (size_t i = 0; i < last.size(); ++i) {
    if (!is_digit(last[i])) all_digits = false;
    if (i >= 2 && hex_value(last[i]) < 0) hex_number = false;
  }
  return !(all_digits || hex_number) || valid_ipv4(host);
}

}  // namespace

bool ParsedUrl::host_is_ipv6() const { return host.find(':') != std::string::npos; }

std::string ParsedUrl::authority() const {
  const bool default_port = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
  return (host_is_ipv6() ? "[" + host + "]" : host) + (default_port ? "" : ":" + std::to_string(port));
}

std::string ParsedUrl::origin() const { return scheme + "://" + authority(); }

std::string ParsedUrl::path() const { return target.substr(0, target.find('?')); }

Parsed<ParsedUrl> parse_url(std::string_view url) {
  Parsed<ParsedUrl> result;
  const auto fail = [&](const std::string& why) {
    result.error = "not an http(s) address tunetrack can use: " + why + ", got " + quote_excerpt(url, 100);  // long enough to show the port
    return result;
  };
  ParsedUrl out;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return fail("expected http:// or https://");
  for (const char c : url.substr(0, scheme_end)) out.scheme.push_back(lower(c));
  if (out.scheme != "http" && out.scheme != "https") return fail("expected http:// or https://");
  std::string_view rest = url.substr(scheme_end + 3);
  const auto path_start = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, path_start);
  const std::string_view target = path_start == std::string_view::npos ? std::string_view() : rest.substr(path_start);
  if (target.find('#') != std::string_view::npos) return fail("a fragment has no place here");
  if (!valid_target(target)) return fail("the path holds a character that must be percent-encoded");
  out.target = target.empty() || target.front() == '?' ? "/" + std::string(target) : std::string(target);
  if (authority.empty()) return fail("no host");
  if (authority.find('@') != std::string_view::npos) return fail("a user name has no place here");
  out.port = out.scheme == "https" ? 443 : 80;
  std::string_view host;
  std::string canonical_host;
  if (authority.front() == '[') {  // IPv6 literal
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return fail("an IPv6 address without its closing ']'");
    canonical_host = canonical_ipv6(authority.substr(1, close - 1));
    if (canonical_host.empty()) return fail("not an IPv6 address between the brackets");
    authority.remove_prefix(close + 1);
    if (!authority.empty() && authority.front() != ':') return fail("expected ':' and a port after the ']'");
  } else {
    const auto colon = authority.find(':');
    host = authority.substr(0, colon);
    authority = colon == std::string_view::npos ? std::string_view() : authority.substr(colon);
    if (!valid_name_or_ipv4(host)) return fail("not a host name or IPv4 address (an IPv6 address needs brackets)");
  }
  if (!authority.empty()) {  // ":port"
    authority.remove_prefix(1);
    const auto port = parse_int(authority, 1, 65535);
    if (!port) return fail("the port must be a number from 1 to 65535");
    out.port = static_cast<int>(port.value);
  }
  if (!canonical_host.empty()) {
    out.host = canonical_host;
  } else {
    for (const char c : host) out.host.push_back(lower(c));
  }
  result.ok = true;
  result.value = std::move(out);
  return result;
}

std::string url_encode(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::optional<std::string> decode_query_component(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      c = ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
    out.push_back(c);
  }
  return out;
}

}  // namespace tt
