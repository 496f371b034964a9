// The user actions (shell/actions/): each does its one change and names the
// slices it changed, which is all the page reads again and saves; what
// changes nothing says so, and the page then neither reloads nor saves.
#include <gtest/gtest.h>

#include <algorithm>

#include "shell/actions/practice_actions.h"
#include "shell/actions/set_actions.h"
#include "shell/actions/settings_actions.h"
#include "shell/actions/tune_actions.h"
#include "tests/integration/test_support.h"
#include "tests/practice_test_support.h"

namespace tt {
namespace {

using testing::kMonday9am;
using actions::Changed;
using testing::FakeClock;
using testing::TempDir;

class ActionsTest : public ::testing::Test {
 protected:
  ActionsTest() : store(dir.path("t.db"), FakeClock{}) {
    actions::add_tune(store, {7, "The Kesh", "jig", ""}, LearnStatus::Learning, "search");
    actions::add_tune(store, {8, "The Butterfly", "slip jig", ""}, LearnStatus::WantToLearn, "search");
  }
  int64_t records() { return static_cast<int64_t>(store.change_log().size()); }

  TempDir dir;
  Store store;
};

TEST_F(ActionsTest, ATuneChangeNamesThatTuneAlone) {
  for (const Changed& changed : {actions::heard(store, 7, false).changed, actions::set_notes(store, 7, "slow").changed,
                                 actions::choose_setting(store, 7, 100).changed}) {
    EXPECT_EQ(changed.entry, 7);
    EXPECT_FALSE(changed.collection || changed.sets || changed.practice);
    EXPECT_TRUE(changed.musician_change);
  }
  EXPECT_EQ(store.entry(7)->heard_count, 1);
  EXPECT_EQ(store.entry(7)->notes, "slow");
  // A status also decides what to learn next and the learned chart; the
  // day's queue keeps the tunes it has, so practice is not read whole.
  const auto learned = actions::set_status(store, 8, LearnStatus::Learned, kMonday9am, 0);
  EXPECT_TRUE(learned.value);
  EXPECT_EQ(learned.changed.entry, 8);
  EXPECT_TRUE(learned.changed.learn_status);
  EXPECT_FALSE(learned.changed.practice);
}

TEST_F(ActionsTest, ATuneNotCollectedChangesNothingAndWritesNoRecord) {
  const int64_t before = records();
  for (const auto& done : {actions::set_status(store, 99, LearnStatus::Learned, kMonday9am, 0), actions::heard(store, 99, false),
                           actions::set_notes(store, 99, "x"), actions::remove_tune(store, 99),
                           actions::keep_tune_details(store, {99, "Not mine", "reel", "", 1, {}, {}})}) {
    EXPECT_FALSE(done.value);
    EXPECT_FALSE(done.changed.any());
  }
  EXPECT_FALSE(actions::add_tune(store, {7, "The Kesh", "jig", ""}, LearnStatus::Learned, "search").changed.any());
  EXPECT_EQ(records(), before);
  EXPECT_FALSE(store.tune_details(99));  // details of a tune only looked at are not kept
}

TEST_F(ActionsTest, AddingOrRemovingATuneChangesTheListItsSetsAndPractice) {
  const int64_t set = actions::create_set(store, "Kesh set").value;
  actions::add_set_entry(store, set, 7);
  const auto removed = actions::remove_tune(store, 7);
  EXPECT_TRUE(removed.value);
  EXPECT_TRUE(removed.changed.collection && removed.changed.sets && removed.changed.practice);
  EXPECT_FALSE(store.get_set(set)->entries[0].in_collection);  // the set keeps it, not collected
  const auto added = actions::add_tune(store, {7, "The Kesh", "jig", ""}, LearnStatus::Learning, "search");
  EXPECT_TRUE(added.changed.collection && added.changed.sets && added.changed.practice);
  EXPECT_TRUE(store.get_set(set)->entries[0].in_collection);
}

TEST_F(ActionsTest, RatingsChangePracticeAndAnUndoWithNothingToTakeBackChangesNothing) {
  EXPECT_FALSE(actions::undo_last_rating(store).changed.any());
  const auto rated = actions::rate(store, 7, Rating::Good, store.practice_parameters(), kMonday9am);
  EXPECT_EQ(rated.value.entry.tune_id, 7);
  // A rating names only ratings (the day's counts and the rated cards to read
  // again), not the whole of practice.
  EXPECT_TRUE(rated.changed.ratings);
  EXPECT_FALSE(rated.changed.practice || rated.changed.collection || rated.changed.entry);
  EXPECT_THROW(actions::rate(store, 99, Rating::Good, store.practice_parameters(), kMonday9am), StoreError);
  const auto undone = actions::undo_last_rating(store);
  ASSERT_TRUE(undone.value);
  EXPECT_TRUE(undone.changed.practice);  // the rating taken back may be another day's
  EXPECT_FALSE(store.practice_card(7));
}

TEST_F(ActionsTest, ASetOfTunesNotCollectedIsRatedWithoutAnyChange) {
  const int64_t set = actions::create_set(store, "Set").value;
  actions::add_set_entry(store, set, 8);
  actions::remove_tune(store, 8);
  const auto rated = actions::rate_set(store, set, Rating::Good, store.practice_parameters(), kMonday9am);
  EXPECT_TRUE(rated.value.tunes.empty());
  EXPECT_FALSE(rated.changed.any());
}

TEST_F(ActionsTest, ATuneMadeLearningBeforeTheDaysQueueIsMadeHasPracticeReadWhole) {
  // No queue kept for the day: the page reads practice whole, and the queue
  // it makes then takes the tune.
  const auto learning = actions::set_status(store, 8, LearnStatus::Learning, kMonday9am, 0);
  EXPECT_TRUE(learning.changed.practice);
  EXPECT_TRUE(learning.changed.learn_status);
  const auto today = actions::todays_queue(store, kMonday9am, 0, store.practice_limits());
  const bool queued = std::any_of(today.value.begin(), today.value.end(),
                                  [](const QueueItem& item) { return item.tune_id == 8; });
  EXPECT_TRUE(queued);
  // Once it is made, leaving "learning" keeps the queue as it is.
  const auto learned = actions::set_status(store, 8, LearnStatus::Learned, kMonday9am, 0);
  EXPECT_FALSE(learned.changed.practice);
  EXPECT_TRUE(learned.changed.learn_status);
}

TEST_F(ActionsTest, StartingToLearnJoinsTheDaysQueueOnceItIsMadeAndIsNotTheMusiciansChange) {
  // Before the day's queue is made there is nothing to join: it is built with the tune.
  EXPECT_FALSE(actions::start_learning(store, 8, kMonday9am, 0).value);
  const auto today = actions::todays_queue(store, kMonday9am, 0, store.practice_limits());
  ASSERT_FALSE(today.value.empty());
  EXPECT_TRUE(today.changed.any());  // built now: to be saved
  EXPECT_FALSE(today.changed.musician_change);
  EXPECT_FALSE(actions::todays_queue(store, kMonday9am, 0, store.practice_limits()).changed.any());  // kept

  // Made "learning" (the page and the CLI alike): it joins the day's queue as
  // well, in the same transaction and the same one record.
  const int64_t before = records();
  const auto learning = actions::set_status(store, 8, LearnStatus::Learning, kMonday9am, 0);
  EXPECT_TRUE(learning.value);
  ASSERT_EQ(records(), before + 1);
  const ChangeRecord record = store.change_log().back();
  EXPECT_EQ(record.action, "set_status");
  const std::string written = record.changes.dump();
  EXPECT_NE(written.find("learning"), std::string::npos) << written;
  EXPECT_NE(written.find("practice_queue"), std::string::npos) << written;
  EXPECT_TRUE(learning.changed.practice);
  EXPECT_TRUE(learning.changed.musician_change);  // the status is the musician's change
  const auto queue = *store.saved_practice_queue(practice_day(kMonday9am, 0));
  EXPECT_EQ(queue.back().tune_id, 8);
  EXPECT_FALSE(actions::start_learning(store, 8, kMonday9am, 0).value);  // once
  // Joining alone is the day's queue, the page's own: not the musician's change.
  actions::add_tune(store, {9, "The Silver Spear", "reel", ""}, LearnStatus::WantToLearn, "search");
  store.set_status(9, LearnStatus::Learning);  // the store alone: nothing joined yet
  const auto joined = actions::start_learning(store, 9, kMonday9am, 0);
  EXPECT_TRUE(joined.value);
  EXPECT_TRUE(joined.changed.practice);
  EXPECT_FALSE(joined.changed.musician_change);
}

TEST_F(ActionsTest, SetChangesNameTheSetsAndRefusalsChangeNothing) {
  const auto created = actions::create_set(store, "For Friday");
  EXPECT_NE(created.value, 0);
  EXPECT_TRUE(created.changed.sets);
  EXPECT_TRUE(actions::add_set_entry(store, created.value, 7).changed.sets);
  EXPECT_TRUE(actions::rename_set(store, created.value, "For Saturday").changed.sets);
  EXPECT_FALSE(actions::remove_set_entry(store, created.value, 5).changed.any());  // no such position
  EXPECT_THROW(actions::rename_set(store, created.value, ""), StoreError);
  const auto queued = actions::queue_set_for_day(store, created.value, true, kMonday9am, 0);
  EXPECT_TRUE(queued.changed.practice && queued.changed.sets);
  const auto deleted = actions::delete_set(store, created.value);
  EXPECT_TRUE(deleted.changed.sets && deleted.changed.practice);  // it was in the day's practice
  EXPECT_FALSE(actions::delete_set(store, created.value).changed.any());
}

TEST_F(ActionsTest, TheSyncFormIsKeptInOneRecordAndThisDevicesBookkeepingIsNotTheMusiciansChange) {
  const int64_t before = records();
  EXPECT_TRUE(actions::remember_sync_form(store, 4242, LearnStatus::Learning).changed.settings);
  EXPECT_EQ(records(), before + 1);
  EXPECT_EQ(store.setting("member_id"), "4242");
  EXPECT_EQ(store.setting("default_status"), "learning");
  actions::remember_sync_form(store, 17, std::nullopt);  // the CLI: --status is for one run
  EXPECT_EQ(store.setting("member_id"), "17");
  EXPECT_EQ(store.setting("default_status"), "learning");

  EXPECT_TRUE(actions::change_setting(store, "player.tempo_percent", "80").changed.musician_change);
  const auto kept = actions::change_setting(store, "keep.last_export_ms", "1000").changed;
  EXPECT_TRUE(kept.settings);
  EXPECT_FALSE(kept.musician_change);
}

TEST(ActionsChanged, TwoChangesTogetherReadWhatEitherNeeds) {
  Changed a;
  a.entry = 7;
  Changed b;
  b.entry = 8;
  b.practice = true;
  Changed both = a;
  both |= b;
  EXPECT_TRUE(both.collection);  // two tunes: the list again
  EXPECT_TRUE(both.practice);
  Changed same = a;
  same |= a;
  EXPECT_FALSE(same.collection);
  EXPECT_EQ(same.entry, 7);
  // The day's queue alone is not the musician's change; with a rating it is.
  Changed queue;
  queue.settings = true;
  queue.musician_change = false;
  Changed rating;
  rating.practice = true;
  Changed together = queue;
  together |= rating;
  EXPECT_TRUE(together.musician_change);
  Changed nothing;
  nothing |= queue;
  EXPECT_FALSE(nothing.musician_change);
}

}  // namespace
}  // namespace tt
