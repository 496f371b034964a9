#pragma once
// Who the client is, when the proxy sits behind a TLS terminator or load
// balancer: the peer's address, unless the peer is inside a range the operator
// trusts (--trust-forwarded-for), in which case the rightmost address of
// X-Forwarded-For that is not itself trusted. Never trusted by default, since
// any client can send the header. Pure: addresses are text in, text out.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tt {

// An IPv4 or IPv6 address as 16 bytes (IPv4 as ::ffff:a.b.c.d).
using IpAddress = std::array<uint8_t, 16>;
std::optional<IpAddress> parse_ip(std::string_view text);

struct Cidr {
  IpAddress base{};
  int prefix_bits = 0;  // of the 128
  bool contains(const IpAddress& ip) const;
};
// "10.0.0.0/8", "127.0.0.1" (a single address), "fd00::/8".
std::optional<Cidr> parse_cidr(std::string_view text);

bool is_trusted(std::string_view address, const std::vector<Cidr>& trusted);

// `forwarded_for` is the X-Forwarded-For value (several headers joined with
// ","). With no trusted ranges, or a peer outside them, the answer is `peer`.
std::string client_address(std::string_view peer, std::string_view forwarded_for, const std::vector<Cidr>& trusted);

}  // namespace tt
