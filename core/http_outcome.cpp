#include "core/http_outcome.h"

#include <algorithm>

#include "core/http_cache.h"

namespace tt {

std::optional<int64_t> parse_retry_after_ms(std::string_view value) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty() || value.size() > 9) return std::nullopt;
  int64_t seconds = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  return seconds * 1000;
}

std::optional<int64_t> parse_retry_after_ms(std::string_view value, int64_t now_epoch_s) {
  std::optional<int64_t> ms = parse_retry_after_ms(value);
  if (!ms) {
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    const auto date = parse_http_date(value);
    if (!date) return std::nullopt;
    ms = std::max<int64_t>(0, *date - now_epoch_s) * 1000;
  }
  return std::min(*ms, kMaxRetryAfterMs);
}

FailureClass classify(const HttpOutcome& outcome) {
  if (outcome.body_too_large || outcome.invalid_url) return FailureClass::Permanent;
  if (outcome.offline) return FailureClass::Offline;
  if (outcome.timed_out || !outcome.transport_error.empty() || outcome.status == 0) {
    return FailureClass::Transient;
  }
  const int s = outcome.status;
  if (s >= 200 && s < 300) return FailureClass::None;
  if (s == 429 || s == 502 || s == 503 || s == 504) return FailureClass::Transient;
  if (s == 404 || s == 410) return FailureClass::NotFound;
  return FailureClass::Permanent;
}

std::string describe_failure(const HttpOutcome& outcome) {
  if (outcome.body_too_large) return "response too large";
  if (outcome.offline) return "offline (" + outcome.transport_error + ")";
  if (outcome.invalid_url) return outcome.transport_error;
  if (outcome.timed_out) return "timed out";
  if (!outcome.transport_error.empty()) return "connection failed (" + outcome.transport_error + ")";
  if (outcome.status == 0) return "no answer";
  if (outcome.status == 429) return "HTTP 429 (too many requests)";
  return "HTTP " + std::to_string(outcome.status);
}

}  // namespace tt
