#pragma once
// How politely the proxy calls thesession.org, as one pure state machine: a
// cap on calls in flight, a token bucket on calls started per second, and a
// pause that upstream itself asks for (429, or 503 with Retry-After). The
// proxy keeps exactly one, shared by every route and by background
// refreshes, so no path around it can multiply the volunteers' load.
//
// Fed the monotonic time by the caller; it never reads a clock, sleeps or
// blocks. A call that may not start yet is told how long to wait (the caller
// queues it rather than refusing it); only a pause is a refusal, since
// upstream said when to come back. Misuse (finishing a call never started) is
// loud: std::logic_error.
#include <cstdint>
#include <optional>

#include "core/http_outcome.h"

namespace tt {

// Retry-After values beyond this are read as this: upstream may slow us down,
// but a typo or a hostile answer must not silence the proxy for days.
inline constexpr int64_t kMaxUpstreamPauseMs = kMaxRetryAfterMs;
// A 429 without Retry-After still means "slow down": pause this long.
inline constexpr int64_t kDefaultTooManyPauseMs = 10 * 1000;

// How long upstream asked every call to pause after `outcome` (nullopt: it
// did not). 429 always pauses; 503 only with Retry-After, since a bare 503 is
// a failure the circuit breakers already count.
std::optional<int64_t> upstream_pause_ms(const HttpOutcome& outcome);

class UpstreamPoliteness {
 public:
  // `max_in_flight` >= 1; `per_second` <= 0 turns the rate cap off; `burst`
  // is how many calls may start at once after a quiet spell (>= 1).
  UpstreamPoliteness(int max_in_flight, double per_second, double burst);

  struct Admission {
    enum class Kind { Start, Wait, Paused } kind;
    // Wait: retry after at most this long (a freed slot may come sooner);
    // Paused: how long the pause still lasts.
    int64_t ms = 0;
  };
  // Start: a slot and a token were taken, and finish() must follow.
  Admission try_start(int64_t now_ms);
  void finish();
  // Pauses every call until `now_ms + pause_ms` (capped); a later pause
  // extends it, an earlier one never shortens it.
  void pause(int64_t now_ms, int64_t pause_ms);
  int64_t paused_for_ms(int64_t now_ms) const;
  int in_flight() const { return in_flight_; }

 private:
  void refill(int64_t now_ms);

  int max_in_flight_;
  double per_second_, burst_;
  double tokens_;
  int64_t refilled_at_ms_ = -1;
  int in_flight_ = 0;
  int64_t paused_until_ms_ = -1;
};

}  // namespace tt
