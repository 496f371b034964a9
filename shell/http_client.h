#pragma once
// Native HTTP GET (cpp-httplib) that never throws: every outcome, including
// refused connections and timeouts, comes back as an HttpOutcome for core to
// judge.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/http_outcome.h"

namespace tt {

struct HttpClientOptions {
  int connect_timeout_ms = 5000;
  int read_timeout_ms = 20000;
  size_t max_body_bytes = 32u << 20;  // a tunebook page is a few KB; refuse runaway bodies
  std::string user_agent = "tunetrack/0.1 (personal tune collection tool)";
};

HttpOutcome http_get(const std::string& url, const HttpClientOptions& options = {});

// Any method (WebDAV's PROPFIND, MKCOL, MOVE, ...), with extra headers (each
// "Name: value" pair) and a body. Basic authentication is sent when `user`
// is not empty.
struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type;  // of the body; empty with none
  std::string user, password;
};
HttpOutcome http_request(const HttpRequest& request, const HttpClientOptions& options = {});

}  // namespace tt
