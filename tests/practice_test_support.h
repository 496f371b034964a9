// What the practice tests share: the moments they schedule around and the
// comparison of two cards, field by field, so a failure names the field.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>

#include "core/fsrs.h"

namespace tt::testing {

inline constexpr int64_t kMinute = 60'000;
inline constexpr int64_t kHour = 3'600'000;
inline constexpr int64_t kDay = 86'400'000;
inline constexpr int64_t kMonday9am = 1'736'154'000'000;  // 2025-01-06 09:00 UTC

// Exactly equal: FSRS is deterministic, and SQLite's REAL and the change
// log's JSON keep every bit, so a stored card must match the computed one.
inline void expect_same_card(const CardMemory& a, const CardMemory& b) {
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.stability, b.stability);
  EXPECT_EQ(a.difficulty, b.difficulty);
  EXPECT_EQ(a.reps, b.reps);
  EXPECT_EQ(a.lapses, b.lapses);
  EXPECT_EQ(a.learning_step, b.learning_step);
  EXPECT_EQ(a.due_ms, b.due_ms);
  EXPECT_EQ(a.last_review_ms, b.last_review_ms);
  EXPECT_EQ(a.scheduled_days, b.scheduled_days);
  EXPECT_EQ(a.elapsed_days, b.elapsed_days);
}

}  // namespace tt::testing
