// The rules of a rating, of undoing one, of the day's kept queue and of
// importing practice (core/practice_rating.h): what the store writes is
// decided here, so these are the behaviours a musician relies on.
#include <gtest/gtest.h>

#include "core/practice_rating.h"
#include "tests/practice_test_support.h"

namespace tt {
namespace {

using testing::kDay;
using testing::kMonday9am;
using testing::expect_same_card;

PracticeLogEntry logged(int64_t tune_id, int64_t at_ms, Rating rating) {
  PracticeLogEntry row;
  row.tune_id = tune_id;
  row.at_ms = at_ms;
  row.rating = rating;
  return row;
}

TEST(PracticeRating, AFirstRatingStartsFromANewCardAndSchedulesIt) {
  const RatedCard rated = rate_card(LearnStatus::Learning, std::nullopt, Rating::Good, {}, kMonday9am);
  EXPECT_EQ(rated.before.state, CardState::New);
  EXPECT_EQ(rated.before.reps, 0);
  EXPECT_EQ(rated.after.reps, 1);
  EXPECT_GT(rated.after.due_ms, kMonday9am);
  EXPECT_FALSE(rated.suggests_promotion);  // due in days, not three weeks
}

TEST(PracticeRating, ALaterRatingReviewsTheCardAsItIs) {
  const RatedCard first = rate_card(LearnStatus::Learning, std::nullopt, Rating::Good, {}, kMonday9am);
  const RatedCard second = rate_card(LearnStatus::Learning, first.after, Rating::Again, {}, first.after.due_ms);
  EXPECT_EQ(second.before.reps, first.after.reps);
  EXPECT_EQ(second.before.due_ms, first.after.due_ms);
  EXPECT_EQ(second.after.reps, first.after.reps + 1);
  expect_same_card(second.after, review({}, first.after, Rating::Again, first.after.due_ms));
}

TEST(PracticeRating, AWellKnownLearningTuneRatedEasyIsOfferedLearnedButALearnedOneIsNot) {
  CardMemory solid;
  solid.state = CardState::Review;
  solid.stability = 60;
  solid.difficulty = 3;
  solid.reps = 6;
  solid.last_review_ms = kMonday9am - 40 * kDay;
  solid.due_ms = kMonday9am;
  solid.scheduled_days = 40;
  EXPECT_TRUE(rate_card(LearnStatus::Learning, solid, Rating::Easy, {}, kMonday9am).suggests_promotion);
  EXPECT_FALSE(rate_card(LearnStatus::Learned, solid, Rating::Easy, {}, kMonday9am).suggests_promotion);
  EXPECT_FALSE(rate_card(LearnStatus::Learning, solid, Rating::Again, {}, kMonday9am).suggests_promotion);
}

TEST(PracticeRating, UnusableInputsAreRefusedInWordsAPersonCanActOn) {
  EXPECT_EQ(rating_refusal(Rating::Good, {}, kMonday9am), "");
  EXPECT_NE(rating_refusal(Rating::Good, {}, kFsrsMaxTimeMs + 1).find("check the device's clock"), std::string::npos);
  EXPECT_NE(rating_refusal(static_cast<Rating>(7), {}, kMonday9am).find("again, hard, good or easy"),
            std::string::npos);
  FsrsParameters broken;
  broken.request_retention = 2.0;
  EXPECT_NE(rating_refusal(Rating::Good, broken, kMonday9am).find("practice settings cannot be used"),
            std::string::npos);
}

TEST(PracticeRating, UndoingTheRatingThatStartedATuneLeavesItWithoutACard) {
  const RatedCard first = rate_card(LearnStatus::Learning, std::nullopt, Rating::Good, {}, kMonday9am);
  PracticeLogEntry row = logged(1, kMonday9am, Rating::Good);
  row.before = first.before;
  row.after = first.after;
  EXPECT_FALSE(card_before_rating(row).has_value());

  const RatedCard second = rate_card(LearnStatus::Learning, first.after, Rating::Hard, {}, first.after.due_ms);
  row.before = second.before;
  row.after = second.after;
  ASSERT_TRUE(card_before_rating(row).has_value());
  expect_same_card(*card_before_rating(row), first.after);
}

TEST(PracticeRating, AnImportedNewCardThatWasRatedIsRestoredNotForgotten) {
  PracticeLogEntry row = logged(1, kMonday9am, Rating::Good);
  row.before.state = CardState::New;
  row.before.reps = 2;  // a New card with history (imported): not "never rated"
  EXPECT_TRUE(card_before_rating(row).has_value());
}

TEST(PracticeRating, TheDaysQueueIsKeptOnceItHoldsSomethingWithoutTunesRemovedSince) {
  const std::vector<QueueItem> saved{{1, QueueReason::Due, 5}, {2, QueueReason::New, 0}, {3, QueueReason::Lapsed, 9}};
  const auto kept = kept_queue(saved, {1, 3});
  ASSERT_TRUE(kept.has_value());
  ASSERT_EQ(kept->size(), 2u);
  EXPECT_EQ((*kept)[0].tune_id, 1);
  EXPECT_EQ((*kept)[1].tune_id, 3);
  EXPECT_EQ((*kept)[1].reason, QueueReason::Lapsed);
  // None kept for the day, or one kept empty (made before tunes came in): made again.
  EXPECT_FALSE(kept_queue(std::nullopt, {1}).has_value());
  EXPECT_FALSE(kept_queue(std::vector<QueueItem>{}, {1}).has_value());
  // Every tune in it removed since: an empty day, not a new queue.
  const auto emptied = kept_queue(saved, {});
  ASSERT_TRUE(emptied.has_value());
  EXPECT_TRUE(emptied->empty());
}

TEST(PracticeRating, AnImportAddsCardsOnlyWhereThereAreNoneAndOnlyForCollectedTunes) {
  PracticeData incoming;
  incoming.cards[1].reps = 4;  // collected, no card here: taken
  incoming.cards[2].reps = 4;  // collected, has a card here: left
  incoming.cards[3].reps = 4;  // not collected: left
  const PracticeImportPlan plan = plan_practice_import(incoming, {1, 2}, {2}, {});
  ASSERT_EQ(plan.cards.size(), 1u);
  EXPECT_EQ(plan.cards[0].first, 1);
  EXPECT_EQ(plan.cards[0].second.reps, 4);
}

TEST(PracticeRating, AnImportedRatingAlreadyLoggedInTheSameSecondIsNotAddedTwice) {
  PracticeData incoming;
  incoming.log = {logged(1, 1'000'000'000, Rating::Good),    // here already, to the millisecond
                  logged(1, 2'000'000'999, Rating::Hard),    // here at .000 of the same second: same rating
                  logged(1, 2'000'000'500, Rating::Easy),    // same second, another rating: new
                  logged(1, 3'000'000'000, Rating::Good),    // new
                  logged(1, 3'000'000'400, Rating::Good),    // the same row twice in the export: once
                  logged(9, 4'000'000'000, Rating::Good),    // tune not collected: left
                  logged(1, -1'500, Rating::Good)};          // before 1970: its second is -2, not -1
  const std::vector<LoggedRating> here{{1, 1'000'000'000, Rating::Good}, {1, 2'000'000'000, Rating::Hard},
                                       {1, -1'000, Rating::Good}};
  const PracticeImportPlan plan = plan_practice_import(incoming, {1}, {}, here);
  ASSERT_EQ(plan.log.size(), 3u);
  EXPECT_EQ(plan.log[0].at_ms, 2'000'000'500);
  EXPECT_EQ(plan.log[1].at_ms, 3'000'000'000);
  EXPECT_EQ(plan.log[2].at_ms, -1'500);
}

}  // namespace
}  // namespace tt
