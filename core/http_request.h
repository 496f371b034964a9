#pragma once
// An HTTP request of any method (WebDAV's PROPFIND, MKCOL, MOVE, ...), as
// plain data: the native client (shell/http_request.h) and the page's fetch()
// transport (web/interop) send the same thing.
#include <string>
#include <utility>
#include <vector>

namespace tt {

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type;    // of the body; empty with none
  std::string user, password;  // basic authentication when `user` is not empty
};

}  // namespace tt
