#include "core/proxy_choice.h"

#include "core/url.h"

namespace tt {
namespace {

std::string without_trailing_slashes(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
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
  // The one strict parser: the host shown in the question is the one requests
  // would go to, and a path with anything needing escaping is refused rather
  // than passed on.
  const auto parsed = parse_url(proxy_param);
  if (!parsed || proxy_param.size() > 2000) {
    choice.note = "This site's own proxy is used: the link's proxy address is " +
                  (parsed ? std::string("longer than 2000 characters") : parsed.error) + ".";
    return choice;
  }
  const std::string host = parsed->authority();
  const std::string origin = parsed->origin();
  // The path is kept (a proxy behind a sub-path); the query is not ours to pass on.
  const std::string url = without_trailing_slashes(origin + parsed->path());
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
