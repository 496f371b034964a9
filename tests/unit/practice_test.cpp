// Practice's rules (core/practice.h), one test each, with a fake clock: the
// musician's day, today's queue, promotion, and what to learn next.
#include <gtest/gtest.h>

#include "core/practice.h"
#include "tests/practice_test_support.h"

namespace tt {
namespace {

using testing::kMinute;
using testing::kHour;
using testing::kDay;
using testing::kMonday9am;

constexpr int64_t kMondayMidnight = kMonday9am - 9 * kHour;

CollectionEntry tune(int64_t id, LearnStatus status, int64_t created_at_ms = 1'000) {
  CollectionEntry e;
  e.tune_id = id;
  e.name = "Tune " + std::to_string(id);
  e.status = status;
  e.created_at_ms = created_at_ms;
  return e;
}

// A Review card last practised five days before it is due.
CardMemory card_due(int64_t due_ms, CardState state = CardState::Review) {
  CardMemory c;
  c.state = state;
  c.stability = 5;
  c.difficulty = 5;
  c.reps = 3;
  c.due_ms = due_ms;
  c.last_review_ms = due_ms - 5 * kDay;
  c.scheduled_days = 5;
  return c;
}

PracticeLogEntry rated(int64_t tune_id, Rating rating, int64_t at_ms) {
  PracticeLogEntry row;
  row.tune_id = tune_id;
  row.rating = rating;
  row.at_ms = at_ms;
  return row;
}

std::vector<int64_t> ids(const std::vector<QueueItem>& queue) {
  std::vector<int64_t> out;
  for (const auto& item : queue) out.push_back(item.tune_id);
  return out;
}

std::vector<QueueItem> build(const std::vector<CollectionEntry>& entries, const std::map<int64_t, CardMemory>& cards,
                             const std::vector<PracticeLogEntry>& log = {}, PracticeLimits limits = {},
                             int rated_today = 0, int new_today = 0, int64_t now = kMonday9am, int offset = 0) {
  return build_practice_queue(entries, cards, log, now, offset, limits, rated_today, new_today);
}

}  // namespace

TEST(PracticeDay, IsTheLocalDateForTheOffset) {
  EXPECT_EQ(practice_day(kMonday9am, 0), "2025-01-06");
  EXPECT_EQ(practice_day(kMonday9am, 14 * 60), "2025-01-06");      // 23:00 in Kiribati
  EXPECT_EQ(practice_day(kMonday9am, 15 * 60), "2025-01-07");      // exactly local midnight: the new day
  EXPECT_EQ(practice_day(kMonday9am, -10 * 60), "2025-01-05");     // 23:00 in Hawaii
  EXPECT_EQ(practice_day(kMonday9am, -9 * 60), "2025-01-06");      // 00:00 in Alaska
  EXPECT_EQ(practice_day(kMonday9am, 5 * 60 + 30), "2025-01-06");  // India, half an hour off
  EXPECT_EQ(practice_day(-1, 0), "1969-12-31");                    // before 1970, floor not truncation
}

TEST(PracticeDay, NegativeOffsetAcrossTheBoundary) {
  const int new_york = -5 * 60;
  const int64_t local_midnight = kMondayMidnight + 5 * kHour;  // 2025-01-06 05:00 UTC
  EXPECT_EQ(practice_day(local_midnight - 1, new_york), "2025-01-05");
  EXPECT_EQ(practice_day(local_midnight, new_york), "2025-01-06");
  EXPECT_EQ(practice_day_end_ms(local_midnight - 1, new_york), local_midnight);
  EXPECT_EQ(practice_day_start_ms(local_midnight - 1, new_york), local_midnight - kDay);
  EXPECT_EQ(practice_day_end_ms(local_midnight, new_york), local_midnight + kDay);
  EXPECT_EQ(practice_day_start_ms(local_midnight, new_york), local_midnight);
}

TEST(PracticeDay, DaysUntilADueTimeCountCalendarDaysNotHours) {
  const int berlin = 60;
  const int64_t late_evening = kMondayMidnight + 21 * kHour;  // 22:00 in Berlin
  EXPECT_EQ(practice_days_until(late_evening + 10 * 60 * 1000, late_evening, berlin), 0);  // an Again: today
  EXPECT_EQ(practice_days_until(late_evening + 3 * kHour, late_evening, berlin), 1);       // 01:00: tomorrow
  EXPECT_EQ(practice_days_until(late_evening + 30 * kHour, late_evening, berlin), 2);      // 30 hours on: 2 days
  EXPECT_EQ(practice_days_until(late_evening - kDay, late_evening, berlin), 0);            // overdue: today
  const int new_york = -5 * 60;  // the same moment is 16:00 there: 30 hours on is 22:00 tomorrow
  EXPECT_EQ(practice_days_until(late_evening + 30 * kHour, late_evening, new_york), 1);
  EXPECT_EQ(practice_days_until(late_evening + 3 * kHour, late_evening, new_york), 0);     // 19:00 the same day
}

TEST(PracticeDay, PositiveOffsetEndsTheDayEarlierInUtc) {
  const int berlin = 60;
  EXPECT_EQ(practice_day_end_ms(kMonday9am, berlin), kMondayMidnight + kDay - kHour);
  EXPECT_EQ(practice_day(kMondayMidnight + kDay - kHour, berlin), "2025-01-07");
  EXPECT_EQ(practice_day_end_ms(kMonday9am, 0), kMondayMidnight + kDay);
}

TEST(PracticeDay, OutlandishInputIsBoundedNotOverflowed) {
  EXPECT_EQ(practice_day(kMonday9am, 100000), practice_day(kMonday9am, kMaxUtcOffsetMinutes));
  EXPECT_EQ(practice_day(kMonday9am, -100000), practice_day(kMonday9am, -kMaxUtcOffsetMinutes));
  EXPECT_EQ(practice_day(INT64_MAX, kMaxUtcOffsetMinutes), practice_day(kFsrsMaxTimeMs, kMaxUtcOffsetMinutes));
  EXPECT_EQ(practice_day_end_ms(INT64_MIN, -kMaxUtcOffsetMinutes),
            practice_day_end_ms(-kFsrsMaxTimeMs, -kMaxUtcOffsetMinutes));
}

TEST(PracticeQueue, DueThenLapsedThenNew) {
  const std::vector<CollectionEntry> entries = {
      tune(1, LearnStatus::Learning, 300), tune(2, LearnStatus::Learned), tune(3, LearnStatus::Learning),
      tune(4, LearnStatus::Learning, 100), tune(5, LearnStatus::Learned), tune(6, LearnStatus::Learned),
      tune(7, LearnStatus::Learning, 200)};
  const std::map<int64_t, CardMemory> cards = {
      {2, card_due(kMonday9am + 2 * kHour)},   // due later today
      {3, card_due(kMonday9am - 3 * kDay)},    // three days overdue: first
      {5, card_due(kMonday9am + 4 * kDay)},    // lapsed yesterday, due in 4 days
      {6, card_due(kMonday9am + 2 * kDay, CardState::Relearning)},  // relearning, not due today
  };
  const std::vector<PracticeLogEntry> log = {rated(5, Rating::Again, kMonday9am - kDay),
                                             rated(5, Rating::Good, kMonday9am - kDay + 10 * kMinute)};
  const auto queue = build(entries, cards, log, {10, 3});
  EXPECT_EQ(ids(queue), (std::vector<int64_t>{3, 2, 5, 6, 4, 7, 1}));
  ASSERT_EQ(queue.size(), 7u);
  EXPECT_EQ(queue[0].reason, QueueReason::Due);
  EXPECT_EQ(queue[0].due_ms, kMonday9am - 3 * kDay);
  EXPECT_EQ(queue[2].reason, QueueReason::Lapsed);
  EXPECT_EQ(queue[3].reason, QueueReason::Lapsed);
  EXPECT_EQ(queue[4].reason, QueueReason::New);
  EXPECT_EQ(queue[4].due_ms, 0);
  EXPECT_EQ(to_string(QueueReason::Due), "due");
  EXPECT_EQ(to_string(QueueReason::Lapsed), "lapsed");
  EXPECT_EQ(to_string(QueueReason::New), "new");
}

TEST(PracticeQueue, LapsedMostRecentFirstAndOnlyWithinAWeek) {
  const std::vector<CollectionEntry> entries = {tune(1, LearnStatus::Learned), tune(2, LearnStatus::Learned),
                                                tune(3, LearnStatus::Learned)};
  const std::map<int64_t, CardMemory> cards = {
      {1, card_due(kMonday9am + 9 * kDay)}, {2, card_due(kMonday9am + 9 * kDay)}, {3, card_due(kMonday9am + 9 * kDay)}};
  const std::vector<PracticeLogEntry> log = {rated(1, Rating::Again, kMonday9am - 5 * kDay),
                                             rated(2, Rating::Again, kMonday9am - 2 * kDay),
                                             rated(3, Rating::Again, kMonday9am - 7 * kDay - 1),  // too long ago
                                             rated(3, Rating::Hard, kMonday9am - kDay)};
  EXPECT_EQ(ids(build(entries, cards, log)), (std::vector<int64_t>{2, 1}));
}

TEST(PracticeQueue, DueMeansBeforeTheLocalDayEnds) {
  const std::vector<CollectionEntry> entries = {tune(1, LearnStatus::Learned), tune(2, LearnStatus::Learned)};
  const int64_t end = kMondayMidnight + kDay;  // UTC
  const std::map<int64_t, CardMemory> cards = {{1, card_due(end - 1)}, {2, card_due(end)}};
  EXPECT_EQ(ids(build(entries, cards)), (std::vector<int64_t>{1}));
  // In New York the Monday ends five hours later: both are due.
  EXPECT_EQ(ids(build(entries, cards, {}, {}, 0, 0, kMonday9am, -5 * 60)), (std::vector<int64_t>{1, 2}));
  // In Berlin it ends an hour earlier: neither.
  EXPECT_TRUE(build(entries, cards, {}, {}, 0, 0, kMonday9am, 60).empty());
}

TEST(PracticeQueue, WantToLearnNeverEntersItEvenWithACard) {
  const std::vector<CollectionEntry> entries = {tune(1, LearnStatus::WantToLearn), tune(2, LearnStatus::WantToLearn),
                                                tune(3, LearnStatus::Learned)};
  const std::map<int64_t, CardMemory> cards = {{1, card_due(kMonday9am - kDay)}};
  const std::vector<PracticeLogEntry> log = {rated(1, Rating::Again, kMonday9am - kHour)};
  // Tune 3 is learned but never practised: not new (only "learning" tunes start), not due.
  EXPECT_TRUE(build(entries, cards, log).empty());
}

TEST(PracticeQueue, ACardStillNewCountsAsNeverPractised) {
  const std::vector<CollectionEntry> entries = {tune(1, LearnStatus::Learning)};
  const std::map<int64_t, CardMemory> cards = {{1, new_card(kMonday9am - kDay)}};
  const auto queue = build(entries, cards);
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].reason, QueueReason::New);
  EXPECT_TRUE(never_practised(nullptr));
  EXPECT_TRUE(never_practised(&cards.at(1)));
  const CardMemory reviewed = card_due(kMonday9am);
  EXPECT_FALSE(never_practised(&reviewed));
}

TEST(PracticeQueue, PerDayLimitCountsEveryKind) {
  std::vector<CollectionEntry> entries;
  std::map<int64_t, CardMemory> cards;
  for (int64_t id = 1; id <= 12; ++id) {
    entries.push_back(tune(id, LearnStatus::Learned));
    cards[id] = card_due(kMonday9am - id * kHour);
  }
  entries.push_back(tune(100, LearnStatus::Learning));
  const auto queue = build(entries, cards);
  ASSERT_EQ(queue.size(), 10u);  // the default: 10 a day
  EXPECT_EQ(queue.front().tune_id, 12);  // most overdue first
  EXPECT_EQ(queue.back().tune_id, 3);
  EXPECT_EQ(build(entries, cards, {}, {4, 2}).size(), 4u);
}

TEST(PracticeQueue, NewPerDayLimit) {
  std::vector<CollectionEntry> entries;
  for (int64_t id = 1; id <= 6; ++id) entries.push_back(tune(id, LearnStatus::Learning, 1000 - id));
  EXPECT_EQ(ids(build(entries, {})), (std::vector<int64_t>{6, 5, 4}));  // 3 a day, oldest added first
  EXPECT_EQ(build(entries, {}, {}, {10, 5}).size(), 5u);
  EXPECT_TRUE(build(entries, {}, {}, {10, 0}).empty());
}

TEST(PracticeQueue, AlreadyRatedAndStartedTodayAreSubtracted) {
  std::vector<CollectionEntry> entries;
  std::map<int64_t, CardMemory> cards;
  for (int64_t id = 1; id <= 8; ++id) {
    entries.push_back(tune(id, LearnStatus::Learned));
    cards[id] = card_due(kMonday9am - id * kMinute);
  }
  for (int64_t id = 11; id <= 16; ++id) entries.push_back(tune(id, LearnStatus::Learning, id));
  EXPECT_EQ(build(entries, cards, {}, {10, 3}, 4, 0).size(), 6u);  // 10 - 4 rated
  const auto queue = build(entries, cards, {}, {12, 3}, 0, 2);      // 3 - 2 started: one new
  EXPECT_EQ(queue.size(), 9u);
  EXPECT_EQ(queue.back().tune_id, 11);
  EXPECT_TRUE(build(entries, cards, {}, {10, 3}, 10, 0).empty());
  EXPECT_TRUE(build(entries, cards, {}, {10, 3}, 25, 0).empty());  // more than the limit: nothing, not negative
  EXPECT_EQ(build(entries, cards, {}, {10, 3}, 0, 7).size(), 8u);  // more started than allowed: no new
}

TEST(PracticeQueue, LimitsOutOfRangeAreBounded) {
  std::vector<CollectionEntry> entries;
  for (int64_t id = 1; id <= 300; ++id) entries.push_back(tune(id, LearnStatus::Learning, id));
  EXPECT_EQ(build(entries, {}, {}, {1000, 1000}).size(), static_cast<size_t>(kMaxPracticePerDay));
  EXPECT_EQ(build(entries, {}, {}, {2, 50}).size(), 2u);  // new_per_day at most per_day
  EXPECT_TRUE(build(entries, {}, {}, {-5, 3}).empty());
  EXPECT_TRUE(build(entries, {}, {}, {10, -1}).empty());
  EXPECT_EQ(build(entries, {}, {}, {10, 3}, -4, -4).size(), 3u);  // negative counts count as 0
}

TEST(PracticeQueue, ClockSetBackwards) {
  // The last review is "tomorrow" (the device clock was wrong then, or is now).
  const std::vector<CollectionEntry> entries = {tune(1, LearnStatus::Learned), tune(2, LearnStatus::Learned)};
  CardMemory ahead = card_due(kMonday9am + 3 * kDay);
  ahead.last_review_ms = kMonday9am + kDay;
  const std::map<int64_t, CardMemory> cards = {{1, ahead}, {2, card_due(kMonday9am + 3 * kDay)}};
  // An Again given "tomorrow" still counts as a lapse this week.
  const auto queue = build(entries, cards, {rated(1, Rating::Again, kMonday9am + kDay)});
  ASSERT_EQ(ids(queue), std::vector<int64_t>{1});
  EXPECT_EQ(queue[0].reason, QueueReason::Lapsed);

  // Rating now, earlier than the last review: no negative interval, the rating counts.
  const CardMemory after = review({}, ahead, Rating::Good, kMonday9am);
  EXPECT_EQ(after.elapsed_days, 0);
  EXPECT_GE(after.scheduled_days, 0);
  EXPECT_GE(after.due_ms, kMonday9am);
  EXPECT_EQ(after.reps, ahead.reps + 1);
  EXPECT_EQ(after.last_review_ms, kMonday9am);
}

TEST(PracticePromotion, OnlyLearningRatedGoodOrEasyWithALongInterval) {
  CardMemory long_way = card_due(kMonday9am + 30 * kDay);
  long_way.scheduled_days = kPromoteAfterDays;
  CardMemory short_way = long_way;
  short_way.scheduled_days = kPromoteAfterDays - 1;
  EXPECT_TRUE(suggests_promotion(LearnStatus::Learning, Rating::Good, long_way));
  EXPECT_TRUE(suggests_promotion(LearnStatus::Learning, Rating::Easy, long_way));
  EXPECT_FALSE(suggests_promotion(LearnStatus::Learning, Rating::Hard, long_way));
  EXPECT_FALSE(suggests_promotion(LearnStatus::Learning, Rating::Again, long_way));
  EXPECT_FALSE(suggests_promotion(LearnStatus::Learning, Rating::Good, short_way));
  EXPECT_FALSE(suggests_promotion(LearnStatus::Learned, Rating::Good, long_way));
  EXPECT_FALSE(suggests_promotion(LearnStatus::WantToLearn, Rating::Easy, long_way));
}

TEST(PracticePromotion, ALearnedTuneRatedAgainLapsesIntoRelearning) {
  CardMemory c = review({}, new_card(kMonday9am), Rating::Easy, kMonday9am);
  ASSERT_EQ(c.state, CardState::Review);
  c = review({}, c, Rating::Again, c.due_ms);
  EXPECT_EQ(c.state, CardState::Relearning);
  EXPECT_EQ(c.lapses, 1);
  EXPECT_FALSE(suggests_promotion(LearnStatus::Learned, Rating::Again, c));
}

TEST(NextToLearn, HeardThenTunebooksThenOldestThenId) {
  std::vector<CollectionEntry> entries;
  const auto add = [&](int64_t id, LearnStatus status, int heard, int tunebooks, int64_t created) {
    CollectionEntry e = tune(id, status, created);
    e.heard_count = heard;
    e.tunebooks = tunebooks;
    entries.push_back(e);
  };
  add(1, LearnStatus::WantToLearn, 1, 900, 10);
  add(2, LearnStatus::WantToLearn, 3, 10, 50);
  add(3, LearnStatus::WantToLearn, 3, 500, 90);
  add(4, LearnStatus::Learning, 9, 999, 1);  // not waiting
  add(5, LearnStatus::Learned, 9, 999, 1);   // not waiting
  add(6, LearnStatus::WantToLearn, 1, 900, 5);
  add(8, LearnStatus::WantToLearn, 0, 0, 5);
  add(7, LearnStatus::WantToLearn, 0, 0, 5);
  EXPECT_EQ(next_to_learn(entries, 10), (std::vector<int64_t>{3, 2, 6, 1, 7, 8}));
  EXPECT_EQ(next_to_learn(entries, 2), (std::vector<int64_t>{3, 2}));
  EXPECT_TRUE(next_to_learn(entries, 0).empty());
  EXPECT_TRUE(next_to_learn({}, 5).empty());
}

TEST(Progress, TunesLearnedAreCountedByTheMonthTheyWereLearnedIn) {
  std::vector<CollectionEntry> entries(5);
  for (size_t i = 0; i < entries.size(); ++i) entries[i].tune_id = static_cast<int64_t>(i) + 1;
  entries[0].status = entries[1].status = entries[2].status = LearnStatus::Learned;
  entries[0].learned_at_ms = 1706745600000;  // 2024-02-01T00:00:00Z
  entries[1].learned_at_ms = 1709251199999;  // 2024-02-29, the last millisecond
  entries[2].learned_at_ms = 1709251200000;  // 2024-03-01
  entries[3].status = LearnStatus::Learning;  // learned once, no longer: not counted
  entries[3].learned_at_ms = 1709251200000;
  entries[4].status = LearnStatus::Learned;  // no date known: not counted
  EXPECT_EQ(learned_per_month(learned_dates(entries)), (std::map<std::string, int>{{"2024-02", 2}, {"2024-03", 1}}));
  EXPECT_TRUE(learned_per_month({}).empty());
}

TEST(PracticeQueue, AStartedTuneJoinsTodaysQueueWhileTheLimitsLeaveRoom) {
  const PracticeLimits limits{3, 2};
  EXPECT_TRUE(joins_todays_queue({}, limits, 5));
  EXPECT_TRUE(joins_todays_queue({{1, QueueReason::Due, 10}}, limits, 5));
  EXPECT_FALSE(joins_todays_queue({{5, QueueReason::New, 0}}, limits, 5)) << "already there";
  EXPECT_FALSE(joins_todays_queue({{1, QueueReason::New, 0}, {2, QueueReason::New, 0}}, limits, 5)) << "2 new a day";
  EXPECT_FALSE(joins_todays_queue({{1, QueueReason::Due, 1}, {2, QueueReason::Due, 2}, {3, QueueReason::Lapsed, 3}},
                                  limits, 5))
      << "3 a day";
}

}  // namespace tt
