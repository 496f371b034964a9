// What a sets sync writes (core/sets_sync_plan.h): new sets only, a set
// brought in before or meanwhile left as it is, each tune they name added to
// the collection once unless already there, and tune rows made only where
// none is.
#include <gtest/gtest.h>

#include "core/sets_sync_plan.h"

namespace tt {
namespace {

FetchedSetEntry named(int64_t tune_id, std::string key = "Dmajor", std::optional<int64_t> setting = std::nullopt) {
  FetchedSetEntry e;
  e.tune_id = tune_id;
  e.setting_id = setting;
  e.name = "Tune " + std::to_string(tune_id);
  e.type = "reel";
  e.key = std::move(key);
  return e;
}

FetchedSet set_of(int64_t id, std::vector<FetchedSetEntry> entries) {
  FetchedSet s;
  s.id = id;
  s.name = "Set " + std::to_string(id);
  s.url = "https://thesession.org/members/1/sets/" + std::to_string(id);
  s.entries = std::move(entries);
  return s;
}

TuneSummary summary(int64_t id) { return {id, "Tune " + std::to_string(id), "reel", ""}; }

TEST(SetsSyncPlan, NewSetsAreWrittenWithTheirEntriesInPlayOrder) {
  FetchedSets fetched;
  fetched.sets = {set_of(10, {named(1, "Gmajor", 77), named(2)})};
  fetched.tunes = {summary(1), summary(2)};
  const SetsSyncPlan plan = plan_sets_sync(fetched, {1, 2}, {}, {});
  ASSERT_EQ(plan.sets_to_add.size(), 1u);
  const NewSet& set = plan.sets_to_add[0];
  EXPECT_EQ(set.thesession_id, 10);
  EXPECT_EQ(set.name, "Set 10");
  ASSERT_EQ(set.entries.size(), 2u);
  EXPECT_EQ(set.entries[0].tune_id, 1);
  EXPECT_EQ(set.entries[0].setting_id, 77);
  EXPECT_EQ(set.entries[0].key, "Gmajor");
  EXPECT_EQ(set.entries[1].tune_id, 2);
  EXPECT_FALSE(set.entries[1].setting_id.has_value());
}

TEST(SetsSyncPlan, ASetAlreadyBroughtInIsLeftAsItIsAndCounted) {
  FetchedSets fetched;
  fetched.sets = {set_of(10, {named(1)}), set_of(11, {named(2)})};
  fetched.already_there = 3;  // seen by the fetch: never handed over
  const SetsSyncPlan plan = plan_sets_sync(fetched, {1, 2}, {11}, {});  // 11 brought in meanwhile
  ASSERT_EQ(plan.sets_to_add.size(), 1u);
  EXPECT_EQ(plan.sets_to_add[0].thesession_id, 10);
  EXPECT_EQ(plan.sets_already_there, 4);
  EXPECT_EQ(plan.collection_to_add, (std::vector<int64_t>{1}));  // not 2: its set is not written
}

TEST(SetsSyncPlan, EachTuneTheSetsNameJoinsTheCollectionOnceUnlessAlreadyCollected) {
  FetchedSets fetched;
  fetched.sets = {set_of(10, {named(3), named(1), named(3)}), set_of(11, {named(1), named(2)})};
  const SetsSyncPlan plan = plan_sets_sync(fetched, {1, 2, 3}, {}, {2});
  EXPECT_EQ(plan.collection_to_add, (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(plan.collection_skipped, 1);  // tune 2, counted once
  EXPECT_EQ(plan.sets_to_add[0].entries.size(), 3u);  // a set may play a tune twice
}

TEST(SetsSyncPlan, TuneRowsAreMadeOnlyWhereNoneIsAndAFetchedPageMakesItsOwn) {
  FetchedSets fetched;
  fetched.sets = {set_of(10, {named(1), named(2), named(3)})};
  fetched.tunes = {summary(1), summary(2), summary(3)};
  TuneDetails page;
  page.id = 3;
  page.name = "Tune 3";
  fetched.checked = {page};
  const SetsSyncPlan plan = plan_sets_sync(fetched, {1}, {}, {});
  ASSERT_EQ(plan.details.size(), 1u);
  ASSERT_EQ(plan.tunes_to_create.size(), 1u);  // 2 only: 1 is known, 3 comes with its page
  EXPECT_EQ(plan.tunes_to_create[0].id, 2);
  EXPECT_EQ(plan.tunes_created, 2);  // 2 and 3
}

TEST(SetsSyncPlan, NothingFetchedWritesNothing) {
  const SetsSyncPlan plan = plan_sets_sync(FetchedSets{}, {1}, {5}, {1});
  EXPECT_TRUE(plan.sets_to_add.empty());
  EXPECT_TRUE(plan.collection_to_add.empty());
  EXPECT_TRUE(plan.tunes_to_create.empty());
  EXPECT_EQ(plan.tunes_created + plan.collection_skipped + plan.sets_already_there, 0);
}

}  // namespace
}  // namespace tt
