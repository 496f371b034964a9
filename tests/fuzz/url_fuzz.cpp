// Every absolute address from outside (the CLI's and the proxy's --upstream,
// an upstream redirect's Location, the page's ?proxy= link) goes through
// parse_url. What it accepts must be plain and must say the same thing when
// printed and read again; what the page would ask about must be exactly what
// it would then use.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/proxy_choice.h"
#include "core/url.h"
#include "tests/fuzz/fuzz_check.h"

namespace {
bool plain(const std::string& text) {
  for (const char c : text) {
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '#') return false;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto parsed = tt::parse_url(input);
  if (parsed) {
    FUZZ_CHECK(parsed->scheme == "http" || parsed->scheme == "https");
    FUZZ_CHECK(parsed->port >= 1 && parsed->port <= 65535);
    FUZZ_CHECK(!parsed->host.empty() && plain(parsed->host));
    FUZZ_CHECK(!parsed->target.empty() && parsed->target.front() == '/' && plain(parsed->target));
    // origin() re-parses to the same origin, host and port.
    const auto again = tt::parse_url(parsed->origin());
    FUZZ_CHECK(again);
    FUZZ_CHECK(again->host == parsed->host && again->port == parsed->port && again->scheme == parsed->scheme);
    FUZZ_CHECK(again->origin() == parsed->origin() && again->target == "/");
    // And the whole address, printed back, reads the same.
    const auto whole = tt::parse_url(parsed->origin() + parsed->target);
    FUZZ_CHECK(whole && whole->origin() == parsed->origin() && whole->target == parsed->target);
  } else {
    FUZZ_CHECK(!parsed.error.empty());
  }

  // The ?proxy= link: the origin in the question is the origin then used.
  const std::string own = "http://127.0.0.1:8080";
  const tt::ProxyChoice choice = tt::choose_proxy(own, input, {});
  if (choice.consent == tt::ProxyConsent::Asking) {
    FUZZ_CHECK(parsed);
    FUZZ_CHECK(choice.url == own);
    FUZZ_CHECK(choice.other_origin == parsed->origin());
    FUZZ_CHECK(choice.other_origin == parsed->scheme + "://" + choice.other_host);
    FUZZ_CHECK(choice.other_url.rfind(choice.other_origin, 0) == 0 && plain(choice.other_url));
    const auto used = tt::parse_url(choice.other_url);
    FUZZ_CHECK(used && used->origin() == choice.other_origin);
    const tt::ProxyChoice yes = tt::answer_proxy_question(choice, own, true);
    FUZZ_CHECK(yes.url == choice.other_url);
  } else {
    FUZZ_CHECK(choice.url.rfind(own, 0) == 0 || (parsed && parsed->origin() == own));
  }
  return 0;
}
