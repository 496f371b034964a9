#include "shell/http_client.h"

#include "shell/http_request.h"

namespace tt {

HttpOutcome http_get(const std::string& url, const HttpClientOptions& options) {
  HttpRequest request;
  request.url = url;
  request.headers = {{"Accept", "application/json"}};
  return http_request(request, options);
}

}  // namespace tt
