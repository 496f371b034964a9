#include "shell/http_request.h"

#include <httplib.h>

#include <chrono>
#include <memory>

#include "core/url.h"

namespace tt {
namespace {

// The transport's failure in words a person can act on (httplib's own names,
// "Connection" or "SSLConnection", say little to a person).
std::string describe(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection: return "could not connect";
    case httplib::Error::BindIPAddress: return "could not bind the local address";
    case httplib::Error::Read: return "connection lost or read timed out";
    case httplib::Error::Write: return "connection lost while sending";
    case httplib::Error::ExceedRedirectCount: return "too many redirects";
    case httplib::Error::Canceled: return "cancelled";
    case httplib::Error::SSLConnection: return "TLS connection failed";
    case httplib::Error::SSLLoadingCerts: return "could not load the system's CA certificates";
    case httplib::Error::SSLServerVerification: return "the server's TLS certificate is not trusted";
    case httplib::Error::UnsupportedMultipartBoundaryChars: return "bad request";
    case httplib::Error::Compression: return "could not decompress the answer";
    default: return httplib::to_string(error);
  }
}

// Built from the parsed parts, not from an origin string: httplib 0.11's
// "scheme://host:port" reader only knows IPv6 literals of digits and ':'.
std::unique_ptr<httplib::ClientImpl> client_for(const ParsedUrl& url, const HttpClientOptions& options) {
  std::unique_ptr<httplib::ClientImpl> client;
  if (url.scheme == "https") {
    auto tls = std::make_unique<httplib::SSLClient>(url.host, url.port);
    tls->enable_server_certificate_verification(true);
    client = std::move(tls);
  } else {
    client = std::make_unique<httplib::ClientImpl>(url.host, url.port);
  }
  client->set_connection_timeout(options.connect_timeout_ms / 1000, (options.connect_timeout_ms % 1000) * 1000);
  client->set_read_timeout(options.read_timeout_ms / 1000, (options.read_timeout_ms % 1000) * 1000);
  client->set_follow_location(false);
  client->set_keep_alive(false);
  client->set_tcp_nodelay(true);
  return client;
}

}  // namespace

HttpOutcome http_request(const HttpRequest& request, const HttpClientOptions& options) {
  HttpOutcome outcome;
  const auto parsed = parse_url(request.url);
  if (!parsed) {
    // Not worth retrying: the same text would be refused again.
    outcome.invalid_url = true;
    outcome.transport_error = parsed.error;
    return outcome;
  }
  auto client = client_for(*parsed, options);
  if (!request.user.empty()) client->set_basic_auth(request.user, request.password);

  std::string body;
  bool too_big = false;
  httplib::Request req;
  req.method = request.method;
  req.path = parsed->target;
  // Host as a URL writes it (brackets round IPv6; httplib would leave them out).
  req.headers = {{"Host", parsed->authority()}, {"User-Agent", options.user_agent}};
  for (const auto& [name, value] : request.headers) req.headers.emplace(name, value);
  if (!request.content_type.empty() || !request.body.empty()) {
    req.body = request.body;
    req.headers.emplace("Content-Type", request.content_type.empty() ? "application/octet-stream" : request.content_type);
  }
  req.content_receiver = [&](const char* data, size_t length, uint64_t, uint64_t) {
    if (body.size() + length > options.max_body_bytes) {
      too_big = true;
      return false;
    }
    body.append(data, length);
    return true;
  };
  auto result = client->send(req);
  if (!result) {
    if (too_big) {
      outcome.body_too_large = true;
    } else if (result.error() == httplib::Error::ConnectionTimeout) {
      outcome.timed_out = true;
    } else {
      outcome.transport_error = describe(result.error());
    }
    return outcome;
  }
  outcome.status = result->status;
  outcome.body = std::move(body);
  outcome.location = result->get_header_value("Location");
  if (result->has_header("Retry-After")) {
    // Seconds or an HTTP date, measured from now.
    const int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch()).count();
    outcome.retry_after_ms = parse_retry_after_ms(result->get_header_value("Retry-After"), now_s);
  }
  return outcome;
}

}  // namespace tt
