// FSRS's parameters checked, and its states and ratings as words: what
// settings, the store and exports read and write (the scheduling itself is
// core/fsrs.cpp).
#include <cmath>
#include <initializer_list>
#include <string>

#include "core/fsrs.h"
#include "core/time_format.h"

namespace tt {
Parsed<FsrsParameters> validate_fsrs_parameters(const FsrsParameters& p) {
  Parsed<FsrsParameters> out;
  const auto fail = [&out](std::string message) {
    out.error = std::move(message);
    return out;
  };
  if (!(p.request_retention >= kFsrsMinRetention && p.request_retention <= kFsrsMaxRetention)) {
    return fail("the desired retention must be between 0.7 and 0.97 (70 % to 97 %)");
  }
  for (size_t i = 0; i < p.w.size(); ++i) {
    if (!std::isfinite(p.w[i])) return fail("weight w" + std::to_string(i) + " is not a finite number");
  }
  if (p.maximum_interval_days < 1 || p.maximum_interval_days > kFsrsMaxIntervalDays) {
    return fail("the maximum interval must be between 1 and 36500 days");
  }
  for (const auto* steps : {&p.learning_steps_ms, &p.relearning_steps_ms}) {
    const char* which = steps == &p.learning_steps_ms ? "learning" : "relearning";
    if (steps->size() > kFsrsMaxSteps) {
      return fail(std::string("at most 16 ") + which + " steps are allowed");
    }
    for (int64_t ms : *steps) {
      if (ms < kFsrsStepUnitMs || ms > int64_t{p.maximum_interval_days} * kDayMs || ms % kFsrsStepUnitMs != 0) {
        return fail(std::string("each ") + which +
                    " step must be a whole number of minutes, from 1 minute up to the maximum interval");
      }
    }
  }
  out.ok = true;
  out.value = p;
  return out;
}

std::string_view to_string(CardState state) {
  switch (state) {
    case CardState::New: return "new";
    case CardState::Learning: return "learning";
    case CardState::Review: return "review";
    case CardState::Relearning: return "relearning";
  }
  return "new";
}

std::string_view to_string(Rating rating) {
  switch (rating) {
    case Rating::Again: return "again";
    case Rating::Hard: return "hard";
    case Rating::Good: return "good";
    case Rating::Easy: return "easy";
  }
  return "again";
}

namespace {
template <typename E>
std::optional<E> parse_enum(std::string_view text, std::initializer_list<E> all) {
  std::string lower;
  for (char c : text) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  for (E e : all) {
    if (lower == to_string(e)) return e;
  }
  return std::nullopt;
}
}  // namespace

std::optional<CardState> parse_card_state(std::string_view text) {
  return parse_enum(text, {CardState::New, CardState::Learning, CardState::Review, CardState::Relearning});
}

std::optional<Rating> parse_rating(std::string_view text) {
  return parse_enum(text, {Rating::Again, Rating::Hard, Rating::Good, Rating::Easy});
}

}  // namespace tt
