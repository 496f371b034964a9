#pragma once
// Practice scheduling: FSRS-6, exactly as the reference implementation ts-fsrs
// 5.4.2 computes it (tests/fsrs cross-checks every rule against it).
//
// A tune's memory is a CardMemory: stability (days until recall drops to
// 90 %), difficulty (1..10), and where it stands (New, Learning, Review,
// Relearning). `review` takes the card as it was, a rating and the time of
// the review, and returns the card after it: its new memory and when it is
// next due. It is pure: no clock, no I/O, no hidden state. Time is epoch
// milliseconds passed in; randomness (fuzz) comes from a PRNG seeded by the
// review itself, so the same inputs always give the same card.
//
// Rules worth knowing, all as ts-fsrs does them:
// - Days between reviews are counted in UTC calendar days, not 24-hour
//   periods: a review at 23:50 UTC and another at 00:10 UTC are 1 day apart;
//   two reviews on the same UTC date are 0 days apart (short-term stability).
// - A new card steps through learning_steps_ms (default 1 min, 10 min); a
//   lapsed review card through relearning_steps_ms (default 10 min). Good
//   moves one step on; Hard stays on the step, due after the mean of the
//   first two steps (1.5 × the step if there is one); Again goes back to the
//   first step; Easy graduates at once. After the last step the card
//   graduates to Review with an interval of whole days. A step of a day or
//   more also makes the card a Review card, due then. Without relearning
//   steps, Again on a Review card stays in Review, due in whole days.
// - With enable_short_term = false there are no steps: every rating schedules
//   whole days and the card is a Review card from its first rating.
// - Review intervals are ordered: Hard <= Good - 1, Easy >= Good + 1 (and
//   without short-term, Again < Hard too).
// - Fuzz spreads intervals of 3 days or more over a small range (about
//   ±15 % for short intervals down to ±5 % for long ones), never past the
//   maximum interval, and (when the interval exceeds the days elapsed since
//   the last review) not below those days + 1.
// - Out-of-range weights are clipped to ts-fsrs's bounds (with more than one
//   relearning step, w17 and w18 get a tighter ceiling, as in ts-fsrs).
//
// Where we differ from ts-fsrs, on purpose:
// - The clock went backwards (now_ms earlier than the last review): ts-fsrs
//   throws when the review falls on an earlier UTC date. We count 0 elapsed
//   days (same-day rules apply), schedule from now_ms, and never produce a
//   negative interval or elapsed time. Within the same UTC date ts-fsrs also
//   counts 0, so the two agree wherever ts-fsrs answers at all.
// - The maximum interval is a hard cap. ts-fsrs caps each interval, then
//   orders them (Good >= Hard + 1, Easy >= Good + 1), so when Hard reaches
//   the cap it schedules Good 1 day and Easy 2 days past it (3 without
//   short-term). We cap after ordering: at the cap Hard, Good and Easy are
//   all due after maximum_interval_days. Memory (stability, difficulty) is
//   the same; only those due dates differ.
// - A stored card whose memory is unusable never lets NaN or infinity escape:
//   non-finite stability or difficulty means the memory starts afresh from
//   this rating (as ts-fsrs does for stability = difficulty = 0); finite values
//   out of bounds are clamped (stability to [0.001, 36500], difficulty to
//   [1, 10]); negative reps, lapses or learning_step count as 0; a state
//   outside the four counts as New.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/parse_number.h"

namespace tt {

// ts-fsrs 5.4.2's default FSRS-6 weights w0..w20 (w20 is the forgetting
// curve's decay).
inline constexpr std::array<double, 21> kFsrsDefaultWeights = {
    0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

// What we accept (validate_fsrs_parameters rejects anything else; nothing is
// silently clamped except the weights, see above).
inline constexpr double kFsrsMinRetention = 0.7;    // request_retention, inclusive
inline constexpr double kFsrsMaxRetention = 0.97;   // inclusive
inline constexpr int kFsrsMaxIntervalDays = 36500;  // maximum_interval_days in [1, this]
inline constexpr size_t kFsrsMaxSteps = 16;         // per list of (re)learning steps
inline constexpr int64_t kFsrsStepUnitMs = 60'000;  // steps are whole minutes, at least one
// The range of a JavaScript Date: now_ms outside it is a caller's bug.
inline constexpr int64_t kFsrsMaxTimeMs = 8'640'000'000'000'000;
// Memory bounds (ts-fsrs's S_MIN, S_MAX and difficulty range).
inline constexpr double kFsrsMinStability = 0.001;
inline constexpr double kFsrsMaxStability = 36500;
inline constexpr double kFsrsMinDifficulty = 1;
inline constexpr double kFsrsMaxDifficulty = 10;

struct FsrsParameters {
  std::array<double, 21> w = kFsrsDefaultWeights;
  double request_retention = 0.9;     // the recall probability to schedule for
  int maximum_interval_days = 36500;
  bool enable_fuzz = false;
  bool enable_short_term = true;      // false: no (re)learning steps, whole days only
  std::vector<int64_t> learning_steps_ms = {60'000, 600'000};  // 1 min, 10 min
  std::vector<int64_t> relearning_steps_ms = {600'000};        // 10 min; empty: none
};

// The parameters as given if usable, else an error a person can act on:
// request_retention must lie in [0.7, 0.97] (rejected, not clamped: a
// retention outside is a settings bug, not a preference); every weight finite;
// maximum_interval_days in [1, 36500]; each step a whole number of minutes
// from 1 minute up to the maximum interval, at most 16 steps per list.
Parsed<FsrsParameters> validate_fsrs_parameters(const FsrsParameters& parameters);

enum class CardState { New = 0, Learning = 1, Review = 2, Relearning = 3 };
enum class Rating { Again = 1, Hard = 2, Good = 3, Easy = 4 };

// Stable identifiers: "new", "learning", "review", "relearning";
// "again", "hard", "good", "easy". Parsing accepts any letter case.
std::string_view to_string(CardState state);
std::string_view to_string(Rating rating);
std::optional<CardState> parse_card_state(std::string_view text);
std::optional<Rating> parse_rating(std::string_view text);

// ts-fsrs's Card, the fields that matter.
struct CardMemory {
  CardState state = CardState::New;
  double stability = 0;   // days; 0 while New
  double difficulty = 0;  // 1..10; 0 while New
  int reps = 0;           // ratings given
  int lapses = 0;         // Again on a Review card
  int learning_step = 0;  // index into the (re)learning steps
  int64_t due_ms = 0;
  std::optional<int64_t> last_review_ms;
  int64_t scheduled_days = 0;  // the interval chosen at the last review (0 for a step)
  int64_t elapsed_days = 0;    // UTC days between the last two reviews
};

// A card never reviewed, due at now_ms.
CardMemory new_card(int64_t now_ms);

// The card after rating it at now_ms. Throws std::invalid_argument for
// parameters validate_fsrs_parameters rejects, a rating outside Again..Easy
// or |now_ms| > kFsrsMaxTimeMs; never for a card's contents (see above).
CardMemory review(const FsrsParameters& parameters, const CardMemory& before, Rating rating,
                  int64_t now_ms);

// The probability of recalling the card at now_ms (0..1), as ts-fsrs's
// get_retrievability: 0 for a New card; elapsed time counted here in whole
// 24-hour periods since the last review (not UTC dates), never negative.
// A non-New card without a last review counts 0 elapsed days; one whose
// stability is not a positive finite number has no usable memory: 0.
// Throws like `review` for invalid parameters.
double retrievability(const FsrsParameters& parameters, const CardMemory& card, int64_t now_ms);

}  // namespace tt
