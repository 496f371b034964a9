#pragma once
// A native HTTP request of any method (WebDAV's PROPFIND, MKCOL, MOVE, ...),
// with extra headers, a body and basic authentication; like http_get, it
// never throws: every outcome comes back as an HttpOutcome for core to judge.
#include <string>
#include <utility>
#include <vector>

#include "core/http_outcome.h"
#include "shell/http_client.h"

namespace tt {

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type;  // of the body; empty with none
  std::string user, password;  // basic authentication when `user` is not empty
};

HttpOutcome http_request(const HttpRequest& request, const HttpClientOptions& options = {});

}  // namespace tt
