#include "core/client_address.h"

#include "core/parse_number.h"

namespace tt {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<IpAddress> parse_ipv4(std::string_view text) {
  IpAddress ip{};
  ip[10] = ip[11] = 0xff;
  for (int i = 0; i < 4; ++i) {
    const size_t dot = text.find('.');
    if ((i < 3) != (dot != std::string_view::npos)) return std::nullopt;
    const std::string_view part = text.substr(0, dot);
    if (part.size() > 1 && part.front() == '0') return std::nullopt;  // no octal-looking parts
    const auto n = parse_int(part, 0, 255);
    if (!n) return std::nullopt;
    ip[static_cast<size_t>(12 + i)] = static_cast<uint8_t>(n.value);
    text = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  }
  return ip;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Groups of up to 4 hex digits separated by ':', with at most one "::".
std::optional<IpAddress> parse_ipv6(std::string_view text) {
  std::vector<uint16_t> head, tail;
  const size_t gap = text.find("::");
  const auto groups = [](std::string_view part, std::vector<uint16_t>& out) {
    if (part.empty()) return true;
    size_t start = 0;
    while (true) {
      const size_t colon = part.find(':', start);
      const std::string_view g = part.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
      if (g.empty() || g.size() > 4) return false;
      uint16_t v = 0;
      for (char c : g) {
        const int d = hex_digit(c);
        if (d < 0) return false;
        v = static_cast<uint16_t>(v * 16 + d);
      }
      out.push_back(v);
      if (colon == std::string_view::npos) return true;
      start = colon + 1;
    }
  };
  if (gap == std::string_view::npos) {
    if (!groups(text, head) || head.size() != 8) return std::nullopt;
  } else {
    if (text.find("::", gap + 1) != std::string_view::npos) return std::nullopt;
    if (!groups(text.substr(0, gap), head) || !groups(text.substr(gap + 2), tail)) return std::nullopt;
    if (head.size() + tail.size() > 7) return std::nullopt;
  }
  IpAddress ip{};
  for (size_t i = 0; i < head.size(); ++i) {
    ip[2 * i] = static_cast<uint8_t>(head[i] >> 8);
    ip[2 * i + 1] = static_cast<uint8_t>(head[i]);
  }
  for (size_t i = 0; i < tail.size(); ++i) {
    const size_t at = 16 - 2 * (tail.size() - i);
    ip[at] = static_cast<uint8_t>(tail[i] >> 8);
    ip[at + 1] = static_cast<uint8_t>(tail[i]);
  }
  return ip;
}

}  // namespace

std::optional<IpAddress> parse_ip(std::string_view text) {
  if (text.empty() || text.size() > 45) return std::nullopt;
  return text.find(':') == std::string_view::npos ? parse_ipv4(text) : parse_ipv6(text);
}

bool Cidr::contains(const IpAddress& ip) const {
  for (int bit = 0; bit < prefix_bits; ++bit) {
    const uint8_t mask = static_cast<uint8_t>(0x80 >> (bit % 8));
    if ((ip[static_cast<size_t>(bit / 8)] & mask) != (base[static_cast<size_t>(bit / 8)] & mask)) return false;
  }
  return true;
}

std::optional<Cidr> parse_cidr(std::string_view text) {
  const size_t slash = text.find('/');
  const auto ip = parse_ip(text.substr(0, slash));
  if (!ip) return std::nullopt;
  const bool v4 = text.substr(0, slash).find(':') == std::string_view::npos;
  Cidr cidr{*ip, 128};
  if (slash != std::string_view::npos) {
    const auto bits = parse_int(text.substr(slash + 1), 0, v4 ? 32 : 128);
    if (!bits) return std::nullopt;
    cidr.prefix_bits = static_cast<int>(bits.value) + (v4 ? 96 : 0);
  }
  return cidr;
}

bool is_trusted(std::string_view address, const std::vector<Cidr>& trusted) {
  const auto ip = parse_ip(address);
  if (!ip) return false;
  for (const Cidr& c : trusted) {
    if (c.contains(*ip)) return true;
  }
  return false;
}

std::string client_address(std::string_view peer, std::string_view forwarded_for, const std::vector<Cidr>& trusted) {
  if (!is_trusted(peer, trusted)) return std::string(peer);
  // From the right: each trusted hop vouches for the address to its left.
  std::string client(peer);
  while (!forwarded_for.empty()) {
    const size_t comma = forwarded_for.rfind(',');
    const std::string_view hop = trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    if (hop.empty()) continue;
    if (!parse_ip(hop)) break;  // junk written by the client: the last trusted hop is all we know
    client = std::string(hop);
    if (!is_trusted(hop, trusted)) break;
  }
  return client;
}

}  // namespace tt
