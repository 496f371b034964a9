#pragma once
// The proxy's allowlist as a pure function: a raw request target in, either
// the upstream target to call or a refusal out. Works on the raw target (as
// the client sent it, before any decoding) so encoding tricks cannot smuggle
// another path past it.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tt {

enum class ProxyRouteKind { TunebookPage, Member, Tune, Search, SetsPage };
inline constexpr ProxyRouteKind kRouteKinds[] = {ProxyRouteKind::TunebookPage, ProxyRouteKind::Member,
                                                  ProxyRouteKind::Tune, ProxyRouteKind::Search,
                                                  ProxyRouteKind::SetsPage};
// "tunebooks", "members", "tunes", "search", "sets": for health reports and logs.
const char* route_class_name(ProxyRouteKind kind);

struct ProxyRoute {
  ProxyRouteKind kind;
  std::string upstream_target;  // "/members/5/tunebook?format=json&page=2&perpage=50"
  std::string subject;          // "Member #5", "Tune #9", "Search": used in error messages
};

struct ProxyRefusal {
  int status;           // 400 or 404
  std::string code;     // "bad_request", "not_allowed"
  std::string message;
};

struct RouteDecision {
  std::optional<ProxyRoute> route;
  std::optional<ProxyRefusal> refusal;
};

inline constexpr int kMaxPerPage = 50;

// `raw_target` is path plus optional "?query", exactly as received.
RouteDecision route_api_request(std::string_view raw_target);

// Maps a raw request target for a static file to a safe relative path
// ("index.html" for "/"), or nullopt when it tries to leave the web root or
// uses anything but plain characters.
std::optional<std::string> safe_static_path(std::string_view raw_target);

}  // namespace tt
