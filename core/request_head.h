#pragma once
// Limits on an HTTP/1.1 request head, decided on the raw bytes before any
// library parses them: the request line, the number and size of header lines,
// and no body on GET/HEAD/OPTIONS (this API never takes one, and a body on a
// GET is a classic request-smuggling vector). The proxy's connection layer
// reads the head and asks this; the answer is the JSON refusal to send.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tt {

struct RequestHeadLimits {
  size_t max_request_line = 2048;  // 414 beyond
  size_t max_header_line = 4096;   // 431 beyond
  size_t max_headers = 64;         // 431 beyond
  size_t max_head_bytes = 16384;   // 431 beyond (request line + headers)
};

struct HeadRefusal {
  int status;        // 400, 414 or 431
  std::string code;  // "bad_request", "uri_too_long", "headers_too_large"
  std::string message;
};

// Where the head ends (just after the blank line) in what has arrived so far,
// or npos when it has not ended yet.
size_t find_head_end(std::string_view received);

// Checks what has arrived so far, complete or not: a head is refused as soon
// as it breaks a limit, so a client cannot make the proxy buffer more than the
// limits allow.
std::optional<HeadRefusal> check_request_head(std::string_view head, const RequestHeadLimits& limits = {});

}  // namespace tt
