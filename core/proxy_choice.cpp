#include "core/proxy_choice.h"

#include <cctype>

#include "core/url.h"

namespace tt {
namespace {

std::string without_trailing_slashes(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

// Host names as a browser writes them in an origin: letters, digits, '-' and
// '.', lower case; or an IPv6 literal. Anything else is refused, so the name
// shown to the musician is exactly the one requests would go to.
bool plain_host(const std::string& host) {
  if (host.empty() || host.size() > 253) return false;
  const bool ipv6 = host.find(':') != std::string::npos;
  for (const char c : host) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || (ipv6 && c == ':');
    if (!ok) return false;
  }
  return true;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string_view to_string(ProxyConsent consent) {
  switch (consent) {
    case ProxyConsent::Own: return "own";
    case ProxyConsent::Accepted: return "accepted";
    case ProxyConsent::Refused: return "refused";
    case ProxyConsent::Asking: return "asking";
  }
  return "own";
}

ProxyChoice choose_proxy(const std::string& page_origin, const std::string& proxy_param,
                         const std::map<std::string, std::string>& remembered) {
  ProxyChoice choice;
  choice.url = without_trailing_slashes(page_origin);
  if (proxy_param.empty()) return choice;
  auto parsed = parse_url(proxy_param);
  if (parsed) parsed->host = lower(parsed->host);
  if (!parsed || !plain_host(parsed->host) || proxy_param.size() > 2000) {
    choice.note = "The link's proxy address is not an http:// or https:// address, so this site's own proxy is used.";
    return choice;
  }
  const bool ipv6 = parsed->host.find(':') != std::string::npos;
  const bool default_port = (parsed->scheme == "http" && parsed->port == 80) ||
                            (parsed->scheme == "https" && parsed->port == 443);
  const std::string host = (ipv6 ? "[" + parsed->host + "]" : parsed->host) +
                           (default_port ? "" : ":" + std::to_string(parsed->port));
  const std::string origin = parsed->scheme + "://" + host;
  // The path is kept (a proxy behind a sub-path); the query is not ours to pass on.
  const std::string path = parsed->target.substr(0, parsed->target.find('?'));
  const std::string url = without_trailing_slashes(origin + path);
  if (origin == page_origin) {
    choice.url = url;
    return choice;
  }
  choice.other_origin = origin;
  choice.other_url = url;
  choice.other_host = host;
  const auto it = remembered.find(origin);
  if (it != remembered.end() && it->second == "allow") {
    choice.consent = ProxyConsent::Accepted;
    choice.url = url;
  } else if (it != remembered.end() && it->second == "deny") {
    choice.consent = ProxyConsent::Refused;
    choice.note = "This link asked for the proxy at " + host + "; you chose this site's own proxy, so nothing is sent there.";
  } else {
    choice.consent = ProxyConsent::Asking;
  }
  return choice;
}

ProxyChoice answer_proxy_question(ProxyChoice choice, const std::string& page_origin, bool use_other) {
  if (choice.consent != ProxyConsent::Asking) return choice;
  if (use_other) {
    choice.consent = ProxyConsent::Accepted;
    choice.url = choice.other_url;
  } else {
    choice.consent = ProxyConsent::Refused;
    choice.url = without_trailing_slashes(page_origin);
    choice.note = "Using this site's own proxy: nothing is sent to " + choice.other_host + ".";
  }
  return choice;
}

}  // namespace tt
