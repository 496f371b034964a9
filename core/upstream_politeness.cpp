#include "core/upstream_politeness.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace tt {

std::optional<int64_t> upstream_pause_ms(const HttpOutcome& outcome) {
  if (outcome.status == 429) {
    return std::min(kMaxUpstreamPauseMs, outcome.retry_after_ms.value_or(kDefaultTooManyPauseMs));
  }
  if (outcome.status == 503 && outcome.retry_after_ms && *outcome.retry_after_ms > 0) {
    return std::min(kMaxUpstreamPauseMs, *outcome.retry_after_ms);
  }
  return std::nullopt;
}

UpstreamPoliteness::UpstreamPoliteness(int max_in_flight, double per_second, double burst)
    : max_in_flight_(std::max(1, max_in_flight)),
      per_second_(per_second),
      burst_(std::max(1.0, burst)),
      tokens_(burst_) {}

void UpstreamPoliteness::refill(int64_t now_ms) {
  if (refilled_at_ms_ >= 0 && now_ms > refilled_at_ms_) {
    tokens_ = std::min(burst_, tokens_ + static_cast<double>(now_ms - refilled_at_ms_) * per_second_ / 1000.0);
  }
  // The clock is monotonic, but never let a caller's older reading move it back.
  refilled_at_ms_ = std::max(refilled_at_ms_, now_ms);
}

UpstreamPoliteness::Admission UpstreamPoliteness::try_start(int64_t now_ms) {
  if (const int64_t left = paused_for_ms(now_ms); left > 0) return {Admission::Kind::Paused, left};
  // A full house frees a slot only when a call finishes: the caller waits to
  // be woken, with a short bound in case it is not.
  if (in_flight_ >= max_in_flight_) return {Admission::Kind::Wait, 50};
  if (per_second_ > 0) {
    refill(now_ms);
    if (tokens_ < 1.0) {
      const auto ms = static_cast<int64_t>(std::ceil((1.0 - tokens_) * 1000.0 / per_second_));
      return {Admission::Kind::Wait, std::max<int64_t>(1, ms)};
    }
    tokens_ -= 1.0;
  }
  ++in_flight_;
  return {Admission::Kind::Start, 0};
}

void UpstreamPoliteness::finish() {
  if (in_flight_ <= 0) throw std::logic_error("UpstreamPoliteness::finish without a started call");
  --in_flight_;
}

void UpstreamPoliteness::pause(int64_t now_ms, int64_t pause_ms) {
  const int64_t until = now_ms + std::clamp<int64_t>(pause_ms, 0, kMaxUpstreamPauseMs);
  paused_until_ms_ = std::max(paused_until_ms_, until);
}

int64_t UpstreamPoliteness::paused_for_ms(int64_t now_ms) const {
  return paused_until_ms_ < 0 ? 0 : std::max<int64_t>(0, paused_until_ms_ - now_ms);
}

}  // namespace tt
