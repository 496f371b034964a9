#include "core/request_head.h"

#include "core/parse_number.h"

namespace tt {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

HeadRefusal too_large(std::string message) { return {431, "headers_too_large", std::move(message)}; }

}  // namespace

size_t find_head_end(std::string_view received) {
  const size_t at = received.find("\r\n\r\n");
  return at == std::string_view::npos ? std::string_view::npos : at + 4;
}

std::optional<HeadRefusal> check_request_head(std::string_view head, const RequestHeadLimits& limits) {
  const size_t line_end = head.find('\n');
  const size_t request_line = line_end == std::string_view::npos ? head.size() : line_end;
  if (request_line > limits.max_request_line) {
    return HeadRefusal{414, "uri_too_long", "The request line is too long (" + std::to_string(limits.max_request_line) +
                                                " bytes at most)"};
  }
  if (head.size() > limits.max_head_bytes) {
    return too_large("The request headers are too large (" + std::to_string(limits.max_head_bytes) + " bytes at most)");
  }
  if (line_end == std::string_view::npos) return std::nullopt;  // still arriving

  const std::string_view first = head.substr(0, request_line);
  const std::string_view method = first.substr(0, first.find(' '));
  const bool bodiless = method == "GET" || method == "HEAD" || method == "OPTIONS";
  size_t count = 0;
  size_t start = line_end + 1;
  while (start < head.size()) {
    const size_t end = head.find('\n', start);
    const std::string_view line = head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (line.size() > limits.max_header_line) {
      return too_large("A request header is too long (" + std::to_string(limits.max_header_line) + " bytes at most)");
    }
    if (end == std::string_view::npos) break;  // an unfinished line: its size is checked above
    start = end + 1;
    if (trim(line).empty()) break;  // the blank line: end of the head
    if (++count > limits.max_headers) {
      return too_large("Too many request headers (" + std::to_string(limits.max_headers) + " at most)");
    }
    if (!bodiless) continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // the library refuses malformed lines itself
    const std::string_view name = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    const bool has_body = iequals(name, "transfer-encoding") ||
                          (iequals(name, "content-length") && !(parse_int(value, 0, 0).ok));
    if (has_body) {
      return HeadRefusal{400, "bad_request", "A " + std::string(method) + " request must not carry a body"};
    }
  }
  return std::nullopt;
}

}  // namespace tt
