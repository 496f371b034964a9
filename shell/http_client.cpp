#include "shell/http_client.h"

#include <httplib.h>

#include "core/url.h"

namespace tt {

HttpOutcome http_get(const std::string& url, const HttpClientOptions& options) {
  HttpOutcome outcome;
  const auto parsed = parse_url(url);
  if (!parsed) {
    outcome.transport_error = "invalid URL " + url;
    return outcome;
  }
  httplib::Client client(parsed->origin());
  client.set_connection_timeout(options.connect_timeout_ms / 1000, (options.connect_timeout_ms % 1000) * 1000);
  client.set_read_timeout(options.read_timeout_ms / 1000, (options.read_timeout_ms % 1000) * 1000);
  client.set_follow_location(false);
  client.set_keep_alive(false);
  client.set_tcp_nodelay(true);
  if (parsed->scheme == "https") client.enable_server_certificate_verification(true);

  std::string body;
  bool too_big = false;
  const httplib::Headers headers = {{"User-Agent", options.user_agent}, {"Accept", "application/json"}};
  auto result = client.Get(parsed->target, headers, [&](const char* data, size_t length) {
    if (body.size() + length > options.max_body_bytes) {
      too_big = true;
      return false;
    }
    body.append(data, length);
    return true;
  });
  if (!result) {
    if (too_big) {
      outcome.body_too_large = true;
      return outcome;
    }
    const auto error = result.error();
    if (error == httplib::Error::ConnectionTimeout) {
      outcome.timed_out = true;
    } else if (error == httplib::Error::Read) {
      outcome.transport_error = "connection lost or read timed out";
    } else {
      outcome.transport_error = httplib::to_string(error);
    }
    return outcome;
  }
  outcome.status = result->status;
  outcome.body = std::move(body);
  outcome.location = result->get_header_value("Location");
  if (result->has_header("Retry-After")) {
    outcome.retry_after_ms = parse_retry_after_ms(result->get_header_value("Retry-After"));
  }
  return outcome;
}

}  // namespace tt
