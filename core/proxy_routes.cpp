#include "core/proxy_routes.h"

#include "core/json_text.h"
#include "core/parse_number.h"
#include "core/thesession_api.h"
#include "core/tune_type.h"
#include "core/url.h"

namespace tt {
namespace {

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

bool is_id(std::string_view s) { return parse_thesession_id(s).has_value(); }

bool is_small_number(std::string_view s, int max) { return parse_int(s, 1, max).ok; }

ProxyRefusal bad(std::string message) { return {400, "bad_request", std::move(message)}; }
ProxyRefusal not_allowed() {
  return {404, "not_allowed", "This proxy only forwards tunetrack's thesession.org API calls"};
}

}  // namespace

const char* route_class_name(ProxyRouteKind kind) {
  switch (kind) {
    case ProxyRouteKind::TunebookPage: return "tunebooks";
    case ProxyRouteKind::Member: return "members";
    case ProxyRouteKind::Tune: return "tunes";
    case ProxyRouteKind::Search: return "search";
    case ProxyRouteKind::SetsPage: return "sets";
  }
  return "tunes";
}

RouteDecision route_api_request(std::string_view raw_target) {
  RouteDecision decision;
  const size_t q = raw_target.find('?');
  const std::string_view path = raw_target.substr(0, q);
  const std::string_view query = q == std::string_view::npos ? std::string_view() : raw_target.substr(q + 1);

  // The path must be plain: no percent-encoding, dot segments, empty
  // segments, backslashes or control characters. Legitimate calls never
  // need any of them.
  for (char c : path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/';
    if (!plain) { decision.refusal = not_allowed(); return decision; }
  }
  const auto seg = split(path, '/');
  // seg[0] is the empty string before the leading '/'.
  if (seg.size() < 5 || !seg[0].empty() || seg[1] != "api" || seg[2] != "thesession") {
    decision.refusal = not_allowed();
    return decision;
  }

  // Query: only documented parameters, each once, validated and re-encoded.
  std::vector<std::pair<std::string, std::string>> params;
  if (!query.empty()) {
    for (std::string_view pair : split(query, '&')) {
      if (pair.empty()) continue;
      const size_t eq = pair.find('=');
      const auto key = decode_query_component(pair.substr(0, eq));
      const auto value = decode_query_component(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
      // Text that is not UTF-8 could never be a tune name, and would break
      // the JSON of any message that mentions it.
      if (!key || !value || !is_valid_utf8(*key) || !is_valid_utf8(*value)) {
        decision.refusal = bad("Malformed query string");
        return decision;
      }
      for (const auto& [k, v] : params) {
        if (k == *key) { decision.refusal = bad("Parameter " + quote_excerpt(*key) + " given twice"); return decision; }
      }
      params.emplace_back(*key, *value);
    }
  }
  const auto allow_only = [&](std::initializer_list<std::string_view> allowed) -> std::optional<ProxyRefusal> {
    for (const auto& [k, v] : params) {
      bool ok = false;
      for (auto a : allowed) ok = ok || k == a;
      if (!ok) return bad("Parameter " + quote_excerpt(k) + " is not allowed here");
      if ((k == "page" && !is_small_number(v, 10000)) || (k == "perpage" && !is_small_number(v, kMaxPerPage))) {
        return bad("Parameter " + quote_excerpt(k) + " must be a number from 1 to " + (k == "page" ? "10000" : "50"));
      }
      if (k == "q" && v.size() > 200) return bad("Search text is too long (200 characters at most)");
      if (k == "type" && !v.empty()) {
        const std::string type = normalise_tune_type(v);
        bool known = false;
        for (const auto& t : known_tune_types()) known = known || t == type;
        if (!known) return bad("Unknown tune type " + quote_excerpt(v));
      }
    }
    return std::nullopt;
  };
  const auto param = [&](std::string_view key) -> std::optional<std::string> {
    for (const auto& [k, v] : params) if (k == key) return v;
    return std::nullopt;
  };
  const auto paging = [&] {
    std::string out;
    if (auto p = param("page")) out += "&page=" + *p;
    if (auto p = param("perpage")) out += "&perpage=" + *p;
    return out;
  };

  ProxyRoute route;
  if (seg[3] == "members" && is_id(seg[4]) && seg.size() == 6 && (seg[5] == "tunebook" || seg[5] == "sets")) {
    // A member's sets page exactly like their tunebook page: same paging, same checks.
    if (auto r = allow_only({"page", "perpage"})) { decision.refusal = r; return decision; }
    route = {seg[5] == "sets" ? ProxyRouteKind::SetsPage : ProxyRouteKind::TunebookPage,
             "/members/" + std::string(seg[4]) + "/" + std::string(seg[5]) + "?format=json" + paging(),
             "Member #" + std::string(seg[4])};
  } else if (seg[3] == "members" && is_id(seg[4]) && seg.size() == 5) {
    if (auto r = allow_only({})) { decision.refusal = r; return decision; }
    route = {ProxyRouteKind::Member, "/members/" + std::string(seg[4]) + "?format=json",
             "Member #" + std::string(seg[4])};
  } else if (seg[3] == "tunes" && seg[4] == "search" && seg.size() == 5) {
    if (auto r = allow_only({"q", "type", "page", "perpage"})) { decision.refusal = r; return decision; }
    std::string target = "/tunes/search?format=json";
    if (auto v = param("q")) target += "&q=" + url_encode(*v);
    if (auto v = param("type"); v && !v->empty()) target += "&type=" + url_encode(normalise_tune_type(*v));
    route = {ProxyRouteKind::Search, target + paging(), "Search"};
  } else if (seg[3] == "tunes" && is_id(seg[4]) && seg.size() == 5) {
    if (auto r = allow_only({})) { decision.refusal = r; return decision; }
    route = {ProxyRouteKind::Tune, "/tunes/" + std::string(seg[4]) + "?format=json", "Tune #" + std::string(seg[4])};
  } else {
    decision.refusal = not_allowed();
    return decision;
  }
  decision.route = std::move(route);
  return decision;
}

std::optional<std::string> safe_static_path(std::string_view raw_target) {
  std::string_view path = raw_target.substr(0, raw_target.find('?'));
  if (path.empty() || path.front() != '/') return std::nullopt;
  path.remove_prefix(1);
  if (path.empty()) return "index.html";
  // File names we ship: letters, digits, '-', '_', '.', and '/' between them.
  for (char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.' || c == '/';
    if (!ok) return std::nullopt;
  }
  for (std::string_view segment : split(path, '/')) {
    if (segment.empty() || segment.front() == '.') return std::nullopt;  // "//", "..", ".hidden"
  }
  return std::string(path);
}

}  // namespace tt
