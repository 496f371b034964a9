#pragma once
// Which proxy the page talks to. A link can carry ?proxy=ADDRESS; followed
// silently, a link could point someone's page at a stranger's server. So an
// address on another origin than the page's own is used only once the
// musician agreed (asked once per origin, the answer remembered); until then,
// and after a refusal, the page's own origin serves as its proxy and nothing
// is sent to the other address. Pure: the browser supplies the page's
// origin, the parameter and the remembered answers.
#include <map>
#include <string>

namespace tt {

enum class ProxyConsent {
  Own,       // no other address: the page's own origin (or the link named it)
  Accepted,  // another origin, agreed to
  Refused,   // another origin, refused: the page's own is used
  Asking,    // another origin, not answered yet: the page's own is used meanwhile
};

struct ProxyChoice {
  std::string url;           // where API calls go now: no trailing '/'
  ProxyConsent consent = ProxyConsent::Own;
  std::string other_origin;  // the link's proxy origin (key of the remembered answer), "" when none
  std::string other_url;     // the link's proxy address, used once accepted
  std::string other_host;    // host[:port], to name it to the musician
  std::string note;          // what the page should say, "" when nothing
};

// page_origin: "http://127.0.0.1:8080" (location.origin); proxy_param: the
// raw ?proxy= value ("" without one); remembered: origin -> "allow" | "deny".
ProxyChoice choose_proxy(const std::string& page_origin, const std::string& proxy_param,
                         const std::map<std::string, std::string>& remembered);

// The choice once the musician answered the question.
ProxyChoice answer_proxy_question(ProxyChoice choice, const std::string& page_origin, bool use_other);

std::string_view to_string(ProxyConsent consent);

}  // namespace tt
