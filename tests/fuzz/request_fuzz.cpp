// What a client sends the proxy: the request target (API allowlist and static
// paths) and the request head limits. Every refusal must make valid JSON.
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/proxy_policy.h"
#include "core/proxy_routes.h"
#include "core/request_head.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const tt::RouteDecision d = tt::route_api_request(text);
  FUZZ_CHECK(d.route.has_value() != d.refusal.has_value());
  if (d.refusal) {
    const tt::ProxyReply reply = tt::error_reply(d.refusal->status, d.refusal->code, d.refusal->message);
    FUZZ_CHECK(nlohmann::json::accept(reply.body));
  } else {
    // Whatever passes goes to thesession.org: plain characters only.
    for (const char c : d.route->upstream_target) FUZZ_CHECK(c > 0x20 && c < 0x7f);
  }
  if (const auto path = tt::safe_static_path(text)) {
    // Never a way out of the web root: no empty, "." or ".." segment, no absolute path
    // ("uuu..x" is a plain file name).
    FUZZ_CHECK(!path->empty() && path->front() != '/');
    size_t start = 0;
    while (start <= path->size()) {
      const size_t slash = path->find('/', start);
      const std::string segment = path->substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      FUZZ_CHECK(!segment.empty() && segment.front() != '.');
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
  }
  if (const auto refusal = tt::check_request_head(text)) {
    FUZZ_CHECK(nlohmann::json::accept(tt::error_reply(refusal->status, refusal->code, refusal->message).body));
  }
  return 0;
}
