#pragma once
// Native HTTP GET of JSON (thesession.org's API), a call of http_request
// (shell/http_request.h); like it, it never throws: every outcome, including
// refused connections and timeouts, comes back as an HttpOutcome for core to
// judge.
#include <cstddef>
#include <string>

#include "core/http_outcome.h"

namespace tt {

struct HttpClientOptions {
  int connect_timeout_ms = 5000;
  int read_timeout_ms = 20000;
  size_t max_body_bytes = 32u << 20;  // a tunebook page is a few KB; refuse runaway bodies
  std::string user_agent = "tunetrack/0.1 (personal tune collection tool)";
};

HttpOutcome http_get(const std::string& url, const HttpClientOptions& options = {});

}  // namespace tt
