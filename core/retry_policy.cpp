#include "core/retry_policy.h"

#include <algorithm>
#include <cmath>

namespace tt {

int64_t RetryPolicy::backoff_before(int next_attempt) const {
  const int retries_before = std::max(0, next_attempt - 2);
  const double delay = static_cast<double>(initial_delay_ms) * std::pow(multiplier, retries_before);
  return std::min<int64_t>(max_delay_ms, static_cast<int64_t>(std::llround(delay)));
}

std::optional<int64_t> RetryPolicy::next_delay(int attempts_made, const HttpOutcome& outcome) const {
  if (classify(outcome) != FailureClass::Transient) return std::nullopt;
  if (attempts_made >= attempts_allowed()) return std::nullopt;
  if (outcome.status == 429 && outcome.retry_after_ms) {
    return std::min(max_delay_ms, *outcome.retry_after_ms);
  }
  return backoff_before(attempts_made + 1);
}

}  // namespace tt
