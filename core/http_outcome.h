#pragma once
// What came back from one HTTP request, as plain data, so core can decide
// what it means without doing any I/O. Transports (native, browser) fill it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tt {

struct HttpOutcome {
  int status = 0;              // 0 when no HTTP answer arrived
  bool timed_out = false;      // no answer in time
  std::string transport_error; // connection refused/reset, DNS, TLS...; empty if none
  std::string body;
  std::optional<int64_t> retry_after_ms;  // from a Retry-After header, when present
  std::string location;        // Location header of a redirect
  bool body_too_large = false; // the answer was cut off at the client's size cap
  // The page could not reach its proxy at all (the browser is offline, or the
  // proxy did not answer a reachability check either); transport_error says
  // which. Only the browser transport sets it: native clients keep treating a
  // failed connection as transient.
  bool offline = false;
  // The address was refused by parse_url before anything was sent
  // (transport_error says why): permanent, the same text fails again.
  bool invalid_url = false;

  bool ok() const { return status >= 200 && status < 300 && transport_error.empty() && !timed_out; }
};

// Reads a Retry-After header value given in seconds ("120"). HTTP dates are
// not understood here (core reads no clock) and give nullopt, so the caller
// falls back to its own backoff.
std::optional<int64_t> parse_retry_after_ms(std::string_view header_value);

// Retry-After values beyond this are read as this: upstream may slow us down,
// but a typo or a hostile answer must not silence a client for days.
inline constexpr int64_t kMaxRetryAfterMs = 10 * 60 * 1000;

// Both forms of Retry-After (RFC 9110 10.2.3): delta-seconds, or an
// IMF-fixdate read against `now_epoch_s` (wall-clock seconds, passed in so
// core stays clock-free); a date already past is 0. Capped at
// kMaxRetryAfterMs; nullopt for anything else.
std::optional<int64_t> parse_retry_after_ms(std::string_view header_value, int64_t now_epoch_s);

enum class FailureClass {
  None,       // success
  Transient,  // worth another attempt: network, timeout, 429, 502/503/504
  NotFound,   // 404 or 410: the thing is not there; retrying will not help
  Permanent,  // anything else: fail at once
  Offline,    // no network to the proxy: retrying in seconds will not help, say so at once
};

FailureClass classify(const HttpOutcome& outcome);

// A short human description of a failed outcome: "HTTP 503", "timed out",
// "connection failed (Connection refused)".
std::string describe_failure(const HttpOutcome& outcome);

}  // namespace tt
