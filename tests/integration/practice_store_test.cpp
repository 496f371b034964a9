// Practice in the store on real SQLite files: the migration, ratings and
// their undo, refusals, the frozen queue of a day, settings and progress.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "core/collection_io.h"
#include "core/summary_text.h"
#include "shell/store.h"
#include "tests/integration/test_support.h"
#include "tests/practice_test_support.h"

namespace tt {
namespace {

using testing::kMinute;
using testing::kHour;
using testing::kDay;
using testing::kMonday9am;
using testing::expect_same_card;
using testing::FakeClock;
using testing::TempDir;

void add(Store& store, int64_t id, LearnStatus status) {
  ASSERT_TRUE(store.add_tune({id, "Tune " + std::to_string(id), "reel", ""}, status, "search"));
}

std::vector<int64_t> ids(const std::vector<QueueItem>& queue) {
  std::vector<int64_t> out;
  for (const auto& item : queue) out.push_back(item.tune_id);
  return out;
}

}  // namespace

TEST(PracticeStore, MigratesAVersionTwoFileKeepingEverything) {
  TempDir dir;
  const std::string path = dir.path("v2.db");
  {
    Database db(path);
    db.exec(kMigrations[0]);
    db.exec(kMigrations[1]);
    db.exec("PRAGMA user_version = 2");
    db.exec("INSERT INTO tune (id, name, type, tunebooks) VALUES (7, 'Old Tune', 'reel', 40)");
    db.exec("INSERT INTO collection (tune_id, learn_status, heard_count, learned_at, notes, created_at, updated_at, "
            "setting_id) VALUES (7, 'learned', 3, 5000, 'from before', 1, 2, 1203)");
    db.exec("INSERT INTO setting (key, value) VALUES ('member_id', '42')");
    db.exec("INSERT INTO sync_run (member_id, started_at, finished_at, status) VALUES (42, 1, 2, 'completed')");
  }
  Store store(path, FakeClock{});
  EXPECT_EQ(store.schema_version(), Store::kSchemaVersion);
  EXPECT_EQ(Store::kSchemaVersion, 5);
  const auto entry = store.entry(7);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->notes, "from before");
  EXPECT_EQ(entry->status, LearnStatus::Learned);
  EXPECT_EQ(entry->heard_count, 3);
  EXPECT_EQ(entry->learned_at_ms, std::optional<int64_t>(5000));
  EXPECT_EQ(entry->setting_id, std::optional<int64_t>(1203));
  EXPECT_EQ(entry->tunebooks, 40);
  EXPECT_EQ(store.setting("member_id"), "42");
  EXPECT_EQ(store.sync_runs().size(), 1u);
  EXPECT_TRUE(store.practice_cards().empty());
  EXPECT_TRUE(store.practice_log_since(0).empty());
  EXPECT_EQ(store.integrity_check(), "ok");
  // And practice works on the migrated file.
  store.rate(7, Rating::Good, {}, kMonday9am);
  EXPECT_TRUE(store.practice_card(7));
}

TEST(PracticeStore, RateAndUndoRoundTripExactly) {
  TempDir dir;
  const std::string path = dir.path("p.db");
  CardMemory first_after;
  {
    Store store(path, FakeClock{});
    add(store, 1, LearnStatus::Learning);
    EXPECT_FALSE(store.practice_card(1));
    const RatingOutcome first = store.rate(1, Rating::Good, {}, kMonday9am);
    EXPECT_GT(first.entry.id, 0);
    EXPECT_EQ(first.entry.tune_id, 1);
    EXPECT_EQ(first.entry.at_ms, kMonday9am);
    EXPECT_EQ(first.entry.before.state, CardState::New);
    EXPECT_EQ(first.entry.after.state, CardState::Learning);
    EXPECT_FALSE(first.suggests_promotion);
    first_after = first.entry.after;
    expect_same_card(*store.practice_card(1), first_after);
    expect_same_card(first.entry.after, review({}, new_card(kMonday9am), Rating::Good, kMonday9am));
  }
  Store store(path, FakeClock{});  // reopened: the card and log read back bit for bit
  expect_same_card(*store.practice_card(1), first_after);
  const RatingOutcome second = store.rate(1, Rating::Good, {}, first_after.due_ms);
  expect_same_card(second.entry.before, first_after);
  EXPECT_EQ(second.entry.after.state, CardState::Review);
  const auto log = store.practice_log_since(0);
  ASSERT_EQ(log.size(), 2u);
  expect_same_card(log[0].after, first_after);
  expect_same_card(log[1].after, second.entry.after);
  EXPECT_EQ(log[1].rating, Rating::Good);

  const auto undone = store.undo_last_rating();
  ASSERT_TRUE(undone);
  EXPECT_EQ(undone->id, second.entry.id);
  expect_same_card(undone->after, second.entry.after);
  expect_same_card(*store.practice_card(1), first_after);
  ASSERT_TRUE(store.undo_last_rating());
  EXPECT_FALSE(store.practice_card(1)) << "before the first rating there was no card";
  EXPECT_TRUE(store.practice_log_since(0).empty());
  EXPECT_FALSE(store.undo_last_rating()) << "nothing left to undo";
  EXPECT_EQ(store.entry(1)->status, LearnStatus::Learning);
}

TEST(PracticeStore, RatingATuneNotCollectedIsRefusedAndWritesNothing) {
  TempDir dir;
  Store store(dir.path("p.db"), FakeClock{});
  try {
    store.rate(5, Rating::Good, {}, kMonday9am);
    FAIL() << "rated a tune never collected";
  } catch (const StoreError& e) {
    EXPECT_STREQ(e.what(), "Tune #5 is not in your collection");
  }
  add(store, 6, LearnStatus::Learning);
  store.rate(6, Rating::Good, {}, kMonday9am);
  ASSERT_TRUE(store.remove_tune(6));  // removed meanwhile (another tab, the CLI)
  try {
    store.rate(6, Rating::Easy, {}, kMonday9am + kMinute);
    FAIL() << "rated a removed tune";
  } catch (const StoreError& e) {
    EXPECT_STREQ(e.what(), "Tune #6 is not in your collection");
  }
  EXPECT_TRUE(store.practice_cards().empty());
  EXPECT_EQ(store.practice_log_since(0).size(), 1u) << "only the rating from before the removal";
  // Unusable input is refused before anything is written.
  add(store, 7, LearnStatus::Learning);
  FsrsParameters bad;
  bad.request_retention = 0.5;
  EXPECT_THROW(store.rate(7, Rating::Good, bad, kMonday9am), StoreError);
  EXPECT_THROW(store.rate(7, Rating::Good, {}, kFsrsMaxTimeMs + 1), StoreError);
  EXPECT_THROW(store.rate(7, static_cast<Rating>(9), {}, kMonday9am), StoreError);
  EXPECT_FALSE(store.practice_card(7));
  EXPECT_EQ(store.practice_log_since(0).size(), 1u);
}

TEST(PracticeStore, ALearnedTuneRatedAgainStaysLearnedAndLapses) {
  TempDir dir;
  Store store(dir.path("p.db"), FakeClock{});
  add(store, 1, LearnStatus::Learned);
  const auto learned_at = store.entry(1)->learned_at_ms;
  const CardMemory graduated = store.rate(1, Rating::Easy, {}, kMonday9am).entry.after;
  ASSERT_EQ(graduated.state, CardState::Review);
  const RatingOutcome lapse = store.rate(1, Rating::Again, {}, graduated.due_ms);
  EXPECT_EQ(lapse.entry.after.state, CardState::Relearning);
  EXPECT_EQ(lapse.entry.after.lapses, 1);
  EXPECT_FALSE(lapse.suggests_promotion);
  EXPECT_EQ(store.entry(1)->status, LearnStatus::Learned);
  EXPECT_EQ(store.entry(1)->learned_at_ms, learned_at);
}

TEST(PracticeStore, PromotionIsSuggestedForALearningTuneWithALongInterval) {
  TempDir dir;
  Store store(dir.path("p.db"), FakeClock{});
  add(store, 1, LearnStatus::Learning);
  add(store, 2, LearnStatus::Learned);
  int64_t at = kMonday9am;
  bool suggested = false;
  for (int i = 0; i < 6 && !suggested; ++i) {
    const RatingOutcome r = store.rate(1, Rating::Easy, {}, at);
    suggested = r.suggests_promotion;
    EXPECT_EQ(suggested, r.entry.after.scheduled_days >= kPromoteAfterDays);
    at = r.entry.after.due_ms;
  }
  EXPECT_TRUE(suggested);
  EXPECT_EQ(store.entry(1)->status, LearnStatus::Learning) << "asked, never done silently";
  at = kMonday9am;
  for (int i = 0; i < 6; ++i) {
    const RatingOutcome r = store.rate(2, Rating::Easy, {}, at);
    EXPECT_FALSE(r.suggests_promotion) << "already learned";
    at = r.entry.after.due_ms;
  }
}

TEST(PracticeStore, TheQueueIsFrozenForTheDay) {
  TempDir dir;
  const std::string path = dir.path("p.db");
  std::vector<QueueItem> monday;
  {
    Store store(path, FakeClock{});
    for (int64_t id = 1; id <= 5; ++id) add(store, id, LearnStatus::Learning);
    EXPECT_FALSE(store.saved_practice_queue("2025-01-06"));
    monday = store.todays_practice_queue(kMonday9am, 0, store.practice_limits());
    EXPECT_EQ(ids(monday), (std::vector<int64_t>{1, 2, 3})) << "3 new a day, oldest added first";
    EXPECT_EQ(ids(*store.saved_practice_queue("2025-01-06")), ids(monday));
    store.rate(1, Rating::Good, {}, kMonday9am + kMinute);
    add(store, 6, LearnStatus::Learning);
    // Later the same day: the same queue, not a rebuilt one (that would skip tune 1, done).
    EXPECT_EQ(ids(store.todays_practice_queue(kMonday9am + 10 * kHour, 0, store.practice_limits())), ids(monday));
  }
  Store store(path, FakeClock{});  // a reload mid-queue
  const auto again = store.todays_practice_queue(kMonday9am + 12 * kHour, 0, store.practice_limits());
  ASSERT_EQ(again.size(), monday.size());
  for (size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].tune_id, monday[i].tune_id);
    EXPECT_EQ(again[i].reason, monday[i].reason);
    EXPECT_EQ(again[i].due_ms, monday[i].due_ms);
  }
  // A tune removed meanwhile leaves the day's queue.
  store.remove_tune(3);
  EXPECT_EQ(ids(store.todays_practice_queue(kMonday9am + 13 * kHour, 0, store.practice_limits())),
            (std::vector<int64_t>{1, 2}));
  // The next day it is built afresh: tune 1 (due), then new ones.
  const auto tuesday = store.todays_practice_queue(kMonday9am + kDay, 0, store.practice_limits());
  ASSERT_FALSE(tuesday.empty());
  EXPECT_EQ(tuesday[0].tune_id, 1);
  EXPECT_EQ(tuesday[0].reason, QueueReason::Due);
  EXPECT_EQ(ids(tuesday), (std::vector<int64_t>{1, 2, 4, 5}));
  EXPECT_FALSE(store.saved_practice_queue("2025-01-06")) << "one day is kept at a time";
  EXPECT_TRUE(store.saved_practice_queue("2025-01-07"));
}

TEST(PracticeStore, ADayWithNothingToPlayIsMadeAgainWhenTunesArrive) {
  TempDir dir;
  Store store(dir.path("p.db"), FakeClock{});
  add(store, 1, LearnStatus::WantToLearn);
  EXPECT_TRUE(store.todays_practice_queue(kMonday9am, 0, {}).empty());
  const auto saved = store.saved_practice_queue("2025-01-06");
  ASSERT_TRUE(saved);
  EXPECT_TRUE(saved->empty());
  // Made again, still empty (the Practice tab read once more): nothing to
  // write, so no change record either.
  const size_t records = store.change_log().size();
  EXPECT_TRUE(store.todays_practice_queue(kMonday9am + kMinute, 0, {}).empty());
  EXPECT_EQ(store.change_log().size(), records);
  // The page made today's queue empty at load; then a tune is started (or a
  // sync or an import brings some): today's queue is made again.
  store.set_status(1, LearnStatus::Learning);
  EXPECT_EQ(ids(store.todays_practice_queue(kMonday9am + kHour, 0, {})), std::vector<int64_t>{1});
  add(store, 2, LearnStatus::Learning);
  EXPECT_EQ(ids(store.todays_practice_queue(kMonday9am + 2 * kHour, 0, {})), std::vector<int64_t>{1})
      << "a queue that holds something is kept for the day";
}

TEST(PracticeStore, TheDayFollowsTheOffset) {
  TempDir dir;
  Store store(dir.path("p.db"), FakeClock{});
  add(store, 1, LearnStatus::Learning);
  const int64_t late_sunday_in_new_york = kMonday9am - 5 * kHour;  // 2025-01-06 04:00 UTC, 23:00 Sunday local
  store.todays_practice_queue(late_sunday_in_new_york, -5 * 60, {});
  EXPECT_TRUE(store.saved_practice_queue("2025-01-05"));
  store.rate(1, Rating::Good, {}, late_sunday_in_new_york);
  const int64_t monday_start_ny = kMonday9am - 4 * kHour;  // 05:00 UTC
  EXPECT_EQ(store.ratings_between(monday_start_ny - kDay, monday_start_ny), 1);
  EXPECT_EQ(store.new_started_between(monday_start_ny - kDay, monday_start_ny), 1);
  EXPECT_EQ(store.ratings_between(monday_start_ny, monday_start_ny + kDay), 0);
  const auto per_day = store.reviews_per_day(0, -5 * 60);
  EXPECT_EQ(per_day, (std::map<std::string, int>{{"2025-01-05", 1}}));
  EXPECT_EQ(store.reviews_per_day(0, 0), (std::map<std::string, int>{{"2025-01-06", 1}}));
}

TEST(PracticeStore, ClockGoingBackwardsLosesNothing) {
  TempDir dir;
  Store store(dir.path("p.db"), FakeClock{});
  add(store, 1, LearnStatus::Learned);
  const CardMemory first = store.rate(1, Rating::Easy, {}, kMonday9am).entry.after;
  // The device's clock is set back two days, then the tune is rated.
  const int64_t earlier = kMonday9am - 2 * kDay;
  const RatingOutcome back = store.rate(1, Rating::Good, {}, earlier);
  EXPECT_EQ(back.entry.after.elapsed_days, 0);
  EXPECT_GE(back.entry.after.scheduled_days, 0);
  EXPECT_GE(back.entry.after.due_ms, earlier);
  EXPECT_EQ(back.entry.after.reps, 2);
  const auto log = store.practice_log_since(earlier);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].at_ms, earlier) << "oldest first by time";
  // Undo takes back the rating given last, not the one with the latest time.
  const auto undone = store.undo_last_rating();
  ASSERT_TRUE(undone);
  EXPECT_EQ(undone->at_ms, earlier);
  expect_same_card(*store.practice_card(1), first);
}

TEST(PracticeStore, AReAddedTuneStartsFresh) {
  TempDir dir;
  Store store(dir.path("p.db"), FakeClock{});
  add(store, 1, LearnStatus::Learning);
  store.rate(1, Rating::Good, {}, kMonday9am);
  store.rate(1, Rating::Again, {}, kMonday9am + 10 * kMinute);
  ASSERT_TRUE(store.remove_tune(1));
  EXPECT_FALSE(store.practice_card(1));
  add(store, 1, LearnStatus::Learning);
  EXPECT_FALSE(store.practice_card(1)) << "a re-added tune has no card";
  // Undo of a rating from before the removal: the row goes, nothing comes back.
  const auto undone = store.undo_last_rating();
  ASSERT_TRUE(undone);
  EXPECT_EQ(undone->rating, Rating::Again);
  EXPECT_FALSE(store.practice_card(1));
  EXPECT_EQ(store.practice_log_since(0).size(), 1u);
  // It is new in the queue (the Again before the removal is no lapse of it).
  const auto queue = store.todays_practice_queue(kMonday9am + kHour, 0, {});
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].reason, QueueReason::New);
  // And rating it starts from a new card; the old history is not exported.
  EXPECT_EQ(store.rate(1, Rating::Good, {}, kMonday9am + 2 * kHour).entry.before.state, CardState::New);
  EXPECT_EQ(store.practice_data().log.size(), 1u);
}

TEST(PracticeStore, LimitsAndRetentionAreCheckedAndKept) {
  TempDir dir;
  const std::string path = dir.path("p.db");
  {
    Store store(path, FakeClock{});
    EXPECT_EQ(store.practice_limits().per_day, 10);
    EXPECT_EQ(store.practice_limits().new_per_day, 3);
    EXPECT_EQ(store.practice_parameters().request_retention, 0.9);
    store.set_practice_limits({20, 5});
    store.set_practice_retention(0.85);
    const auto refused = [&](const PracticeLimits& limits, const std::string& message) {
      try {
        store.set_practice_limits(limits);
        ADD_FAILURE() << "accepted " << limits.per_day << "/" << limits.new_per_day;
      } catch (const StoreError& e) {
        EXPECT_EQ(e.what(), message);
      }
    };
    refused({0, 0}, "Tunes a day must be from 1 to 200, not 0");
    refused({201, 3}, "Tunes a day must be from 1 to 200, not 201");
    refused({10, 11}, "New tunes a day must be from 0 to 10 (the tunes a day), not 11");
    refused({10, -1}, "New tunes a day must be from 0 to 10 (the tunes a day), not -1");
    for (double bad : {0.69, 0.98, std::nan(""), 1e300}) EXPECT_THROW(store.set_practice_retention(bad), StoreError);
    try {
      store.set_practice_retention(0.5);
    } catch (const StoreError& e) {
      EXPECT_STREQ(e.what(), "Target retention must be from 0.7 to 0.97, not 0.5");
    }
  }
  Store store(path, FakeClock{});
  EXPECT_EQ(store.practice_limits().per_day, 20);
  EXPECT_EQ(store.practice_limits().new_per_day, 5);
  EXPECT_EQ(store.practice_parameters().request_retention, 0.85);
  store.set_practice_limits({200, 0});
  EXPECT_EQ(store.practice_limits().per_day, 200);
  // A damaged setting reads as the default, never as garbage.
  store.set_setting("practice.per_day", "lots");
  store.set_setting("practice.retention", "2");
  EXPECT_EQ(store.practice_limits().per_day, 10);
  EXPECT_EQ(store.practice_limits().new_per_day, 0);
  EXPECT_EQ(store.practice_parameters().request_retention, 0.9);
}

TEST(PracticeStore, NewLimitsShapeTheNextDaysQueue) {
  TempDir dir;
  Store store(dir.path("p.db"), FakeClock{});
  for (int64_t id = 1; id <= 6; ++id) add(store, id, LearnStatus::Learning);
  EXPECT_EQ(store.todays_practice_queue(kMonday9am, 0, store.practice_limits()).size(), 3u);
  store.rate(1, Rating::Good, {}, kMonday9am + kMinute);
  store.set_practice_limits({10, 5});
  EXPECT_EQ(ids(store.todays_practice_queue(kMonday9am + kHour, 0, store.practice_limits())),
            (std::vector<int64_t>{1, 2, 3})) << "today's stays as it was made";
  // Tomorrow: tune 1 is due (its 10-minute learning step is long past), then 5 new.
  EXPECT_EQ(ids(store.todays_practice_queue(kMonday9am + kDay, 0, store.practice_limits())),
            (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));
}

TEST(PracticeStore, ProgressCounts) {
  TempDir dir;
  FakeClock clock;
  clock.now = kMonday9am;  // 2025-01
  Store store(dir.path("p.db"), std::ref(clock));
  add(store, 1, LearnStatus::Learned);
  add(store, 2, LearnStatus::Learned);
  clock.now = kMonday9am + 40 * kDay;  // 2025-02
  add(store, 3, LearnStatus::Learning);
  store.set_status(3, LearnStatus::Learned);
  add(store, 4, LearnStatus::Learning);
  EXPECT_EQ(learned_per_month(learned_dates(store.list_collection())), (std::map<std::string, int>{{"2025-01", 2}, {"2025-02", 1}}));
  store.set_status(2, LearnStatus::Learning);  // no longer learned: not counted
  EXPECT_EQ(learned_per_month(learned_dates(store.list_collection())), (std::map<std::string, int>{{"2025-01", 1}, {"2025-02", 1}}));

  store.rate(4, Rating::Good, {}, kMonday9am);
  store.rate(4, Rating::Good, {}, kMonday9am + 10 * kMinute);
  store.rate(1, Rating::Good, {}, kMonday9am + 14 * kHour + 30 * kMinute);  // 00:30 on Tuesday in Berlin
  EXPECT_EQ(store.reviews_per_day(kMonday9am - 90 * kDay, 0), (std::map<std::string, int>{{"2025-01-06", 3}}));
  EXPECT_EQ(store.reviews_per_day(kMonday9am - 90 * kDay, 60),
            (std::map<std::string, int>{{"2025-01-06", 2}, {"2025-01-07", 1}}));
  EXPECT_EQ(store.reviews_per_day(kMonday9am + kHour, 0), (std::map<std::string, int>{{"2025-01-06", 1}}));
}

TEST(PracticeStore, ExportAndImportCarryPractice) {
  TempDir dir;
  Store from(dir.path("from.db"), FakeClock{});
  add(from, 1, LearnStatus::Learning);
  add(from, 2, LearnStatus::Learned);
  add(from, 3, LearnStatus::Learning);
  from.rate(1, Rating::Good, {}, kMonday9am + 123);  // milliseconds an export does not keep
  from.rate(1, Rating::Good, {}, kMonday9am + 10 * kMinute);
  from.rate(2, Rating::Easy, {}, kMonday9am);
  const std::string text = export_json(from.list_collection(), from.practice_data());
  const ImportParse parsed = parse_import_json(text);
  ASSERT_TRUE(parsed.fatal.empty()) << parsed.fatal;

  // Into a collection that has tune 2 with its own practice, and not tune 1.
  Store to(dir.path("to.db"), FakeClock{});
  add(to, 2, LearnStatus::Learned);
  const CardMemory mine = to.rate(2, Rating::Hard, {}, kMonday9am + kDay).entry.after;
  ImportSummary summary = to.import_entries(parsed.entries, parsed.practice);
  EXPECT_EQ(summary.added, 2);
  EXPECT_EQ(summary.practice_cards_added, 1) << "tune 1's; tune 2 keeps its own card";
  EXPECT_EQ(summary.practice_ratings_added, 3);
  EXPECT_EQ(import_headline(summary, parsed.errors.size()),
            "2 added, 1 already there, 0 kept as they were (different data), 0 invalid; "
            "practice: 1 tune schedule and 3 ratings added");
  expect_same_card(*to.practice_card(2), mine);
  const CardMemory card = *to.practice_card(1);
  const CardMemory original = *from.practice_card(1);
  EXPECT_EQ(card.stability, original.stability);
  EXPECT_EQ(card.due_ms, original.due_ms / 1000 * 1000);
  EXPECT_FALSE(to.practice_card(3));
  EXPECT_EQ(to.practice_log_since(0).size(), 4u);

  // Again: nothing doubles. And into the file it came from (milliseconds and all).
  summary = to.import_entries(parsed.entries, parsed.practice);
  EXPECT_EQ(summary.practice_cards_added, 0);
  EXPECT_EQ(summary.practice_ratings_added, 0);
  EXPECT_EQ(import_headline(summary, 0), "0 added, 3 already there, 0 kept as they were (different data), 0 invalid");
  summary = from.import_entries(parsed.entries, parsed.practice);
  EXPECT_EQ(summary.practice_ratings_added, 0);
  EXPECT_EQ(from.practice_log_since(0).size(), 3u);

  // Imported history is never undone: undo takes back tune 2's own rating, then nothing.
  EXPECT_EQ(to.undo_last_rating()->tune_id, 2);
  EXPECT_FALSE(to.undo_last_rating());
  EXPECT_TRUE(to.practice_card(1));
}

TEST(PracticeStore, ImportTakesPracticeOnlyForTunesInTheCollection) {
  TempDir dir;
  Store store(dir.path("p.db"), FakeClock{});
  const std::string text = R"({"format":"tunetrack-collection","version":1,"tunes":[{"tune_id":1,"name":"A"},
    {"tune_id":2,"name":""}],"practice":{"schema":1,"cards":[
    {"tune_id":1,"state":"review","stability":3,"difficulty":5,"reps":1,"lapses":0,"learning_step":0,
     "due":"2025-01-09T09:00:00Z","last_review":"2025-01-06T09:00:00Z","scheduled_days":3,"elapsed_days":0},
    {"tune_id":2,"state":"review","stability":3,"difficulty":5,"reps":1,"lapses":0,"learning_step":0,
     "due":"2025-01-09T09:00:00Z","last_review":null,"scheduled_days":3,"elapsed_days":0}],"log":[]}})";
  const ImportParse parsed = parse_import_json(text);
  ASSERT_TRUE(parsed.fatal.empty());
  EXPECT_EQ(parsed.errors.size(), 1u) << "tune 2 has no name";
  const ImportSummary summary = store.import_entries(parsed.entries, parsed.practice);
  EXPECT_EQ(summary.practice_cards_added, 1);
  EXPECT_TRUE(store.practice_card(1));
  EXPECT_FALSE(store.practice_card(2));
  // A newer practice schema: refused whole, nothing at all imported.
  Store other(dir.path("other.db"), FakeClock{});
  const ImportParse newer = parse_import_json(R"({"format":"tunetrack-collection","version":1,
    "tunes":[{"tune_id":1,"name":"A"}],"practice":{"schema":2}})");
  EXPECT_FALSE(newer.fatal.empty());
  EXPECT_TRUE(newer.entries.empty());
}

}  // namespace tt
