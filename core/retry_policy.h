#pragma once
// The product's retry rule: 3 attempts in all, waits of 2 s then 4 s (initial
// delay 2 s, multiplier 2), only for transient failures; 429's Retry-After
// wins over the computed wait. All of it configurable, and off per call.
#include <cstdint>
#include <optional>

#include "core/http_outcome.h"

namespace tt {

struct RetryPolicy {
  bool enabled = true;
  int max_attempts = 3;
  int64_t initial_delay_ms = 2000;
  double multiplier = 2.0;
  int64_t max_delay_ms = 60000;  // caps both the backoff and a server's Retry-After

  int attempts_allowed() const { return enabled ? (max_attempts < 1 ? 1 : max_attempts) : 1; }

  // Wait before attempt number `next_attempt` (2 for the first retry).
  int64_t backoff_before(int next_attempt) const;

  // nullopt: give up now. Otherwise how long to wait before the next attempt,
  // given that `attempts_made` attempts ended with `outcome`.
  std::optional<int64_t> next_delay(int attempts_made, const HttpOutcome& outcome) const;
};

}  // namespace tt
