// Sets in the store on real SQLite files: migration 4 from a version-3 file
// with data, every set operation, what removing a tune does to its sets, a
// sets sync's write, rating a set, and export/import without duplicates.
#include <gtest/gtest.h>

#include "core/collection_io.h"
#include "shell/store.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

using testing::FakeClock;
using testing::TempDir;

void add(Store& store, int64_t id, LearnStatus status = LearnStatus::Learning) {
  ASSERT_TRUE(store.add_tune({id, "Tune " + std::to_string(id), "jig", ""}, status, "search"));
}

std::vector<int64_t> tunes_of(const TuneSet& set) {
  std::vector<int64_t> out;
  for (const auto& e : set.entries) out.push_back(e.tune_id);
  return out;
}

FetchedSet fetched_set(int64_t id, std::vector<int64_t> tunes) {
  FetchedSet s;
  s.id = id;
  s.name = "Set " + std::to_string(id);
  s.url = "https://thesession.org/members/7/sets/" + std::to_string(id);
  for (int64_t t : tunes) s.entries.push_back({t, t * 10, "Tune " + std::to_string(t), "reel", "Dmajor"});
  return s;
}

SyncResult any_result(const ApplyOutcome&) {
  SyncResult r;
  r.kind = SyncKind::Sets;
  r.status = SyncStage::Completed;
  return r;
}

class SetsStore : public ::testing::Test {
 protected:
  TempDir dir;
  Store store{dir.path("s.db"), FakeClock{}};
};

}  // namespace

TEST(SetsMigration, AVersionThreeFileWithDataGainsSetsAndKeepsEverything) {
  TempDir dir;
  const std::string path = dir.path("v3.db");
  {
    Database db(path);
    for (int i = 0; i < 3; ++i) db.exec(kMigrations[static_cast<size_t>(i)]);
    db.exec("PRAGMA user_version = 3");
    db.exec("INSERT INTO tune (id, name, type) VALUES (7, 'Old Tune', 'reel')");
    db.exec("INSERT INTO collection (tune_id, learn_status, created_at, updated_at) VALUES (7, 'learning', 1, 2)");
    db.exec("INSERT INTO sync_run (member_id, started_at, finished_at, status, tunes_fetched) VALUES (42, 1, 2, 'completed', 9)");
    db.exec("INSERT INTO practice_log (tune_id, at, rating, before, after) VALUES (7, 1000, 'good', '{}', '{}')");
  }
  Store store(path, FakeClock{});
  EXPECT_EQ(store.schema_version(), Store::kSchemaVersion);
  EXPECT_EQ(store.entry(7)->name, "Old Tune");
  const auto runs = store.sync_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].kind, "tunebook");  // older runs were all tunebook syncs
  EXPECT_EQ(runs[0].tunes_fetched, 9);
  EXPECT_EQ(store.practice_log_since(0).size(), 1u);
  EXPECT_TRUE(store.list_sets().empty());
  const int64_t set = store.create_set("New");
  EXPECT_TRUE(store.add_set_entry(set, 7));
  EXPECT_EQ(store.integrity_check(), "ok");
}

TEST_F(SetsStore, EverySetOperation) {
  for (int64_t id : {1, 2, 3}) add(store, id);
  const int64_t set = store.create_set("  Jigs in G ", "from the Tuesday session");
  const TuneSet created = *store.get_set(set);
  EXPECT_EQ(created.name, "Jigs in G");
  EXPECT_EQ(created.notes, "from the Tuesday session");
  EXPECT_FALSE(created.thesession_id);
  ASSERT_TRUE(store.add_set_entry(set, 1));
  ASSERT_TRUE(store.add_set_entry(set, 2, 20));
  ASSERT_TRUE(store.add_set_entry(set, 3));
  EXPECT_EQ(tunes_of(*store.get_set(set)), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(store.get_set(set)->entries[1].setting_id, std::optional<int64_t>(20));
  EXPECT_EQ(store.get_set(set)->entries[0].name, "Tune 1");
  EXPECT_EQ(store.get_set(set)->entries[0].type, "jig");

  ASSERT_TRUE(store.move_set_entry(set, 2, 0));
  EXPECT_EQ(tunes_of(*store.get_set(set)), (std::vector<int64_t>{3, 1, 2}));
  EXPECT_FALSE(store.move_set_entry(set, 3, 0));
  ASSERT_TRUE(store.remove_set_entry(set, 1));
  EXPECT_EQ(tunes_of(*store.get_set(set)), (std::vector<int64_t>{3, 2}));
  EXPECT_FALSE(store.remove_set_entry(set, 2));

  const int64_t before = store.get_set(set)->updated_at_ms;
  ASSERT_TRUE(store.rename_set(set, "Jigs"));
  ASSERT_TRUE(store.set_set_notes(set, "faster"));
  const TuneSet changed = *store.get_set(set);
  EXPECT_EQ(changed.name, "Jigs");
  EXPECT_EQ(changed.notes, "faster");
  EXPECT_GT(changed.updated_at_ms, before);
  EXPECT_EQ(changed.created_at_ms, created.created_at_ms);

  EXPECT_THROW(store.rename_set(set, "  "), StoreError);
  EXPECT_THROW(store.create_set(std::string(kMaxSetNameBytes + 1, 'x')), StoreError);
  EXPECT_THROW(store.add_set_entry(set, 999), StoreError);  // a tune never seen here
  EXPECT_FALSE(store.rename_set(12345, "x"));
  EXPECT_FALSE(store.add_set_entry(12345, 1));

  const int64_t other = store.create_set("Another");
  store.add_set_entry(other, 2);
  const auto sets = store.list_sets();
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0].name, "Another");  // by name
  EXPECT_EQ(sets[1].entries.size(), 2u);
  const auto with_two = store.sets_containing_tune(2);
  ASSERT_EQ(with_two.size(), 2u);
  EXPECT_EQ(with_two[0].name, "Another");
  EXPECT_EQ(with_two[1].name, "Jigs");

  ASSERT_TRUE(store.delete_set(set));
  EXPECT_FALSE(store.get_set(set));
  EXPECT_FALSE(store.delete_set(set));
  EXPECT_EQ(store.sets_containing_tune(3).size(), 0u);
  EXPECT_TRUE(store.entry(3));  // the tunes stay
}

TEST_F(SetsStore, ASetHoldsAtMostFiftyTunes) {
  add(store, 1);
  const int64_t set = store.create_set("Long");
  for (size_t i = 0; i < kMaxSetEntries; ++i) ASSERT_TRUE(store.add_set_entry(set, 1));
  EXPECT_THROW(store.add_set_entry(set, 1), StoreError);
  EXPECT_EQ(store.get_set(set)->entries.size(), kMaxSetEntries);
}

TEST_F(SetsStore, RemovingATuneKeepsItInItsSetsShownAsNotCollected) {
  for (int64_t id : {1, 2, 3}) add(store, id);
  const int64_t set = store.create_set("Kesh, Morrison's, Banshee");
  for (int64_t id : {1, 2, 3}) store.add_set_entry(set, id);
  ASSERT_EQ(store.sets_containing_tune(2).size(), 1u);  // what the page names before asking
  ASSERT_TRUE(store.remove_tune(2));
  const TuneSet after = *store.get_set(set);
  EXPECT_EQ(tunes_of(after), (std::vector<int64_t>{1, 2, 3}));  // the set is whole
  EXPECT_TRUE(after.entries[0].in_collection);
  EXPECT_FALSE(after.entries[1].in_collection);
  EXPECT_EQ(after.entries[1].name, "Tune 2");
  // Added back, it is the same entry again.
  add(store, 2);
  EXPECT_TRUE(store.get_set(set)->entries[1].in_collection);
}

TEST_F(SetsStore, ASetsSyncWritesNewSetsAndTheirTunesOnceAndNeverTouchesOnesBroughtIn) {
  add(store, 1, LearnStatus::Learned);
  FetchedSets fetched;
  fetched.sets = {fetched_set(100, {1, 2}), fetched_set(101, {2, 3}), fetched_set(102, {})};
  fetched.tunes = {{1, "Tune 1", "reel", ""}, {2, "Tune 2", "reel", ""}, {3, "Tune 3", "reel", ""}};
  TuneDetails checked;
  checked.id = 3;
  checked.name = "Tune Three";
  checked.type = "reel";
  checked.settings = {{30, "Dmajor", "ABC"}};
  fetched.checked = {checked};
  fetched.already_there = 0;
  const ApplyOutcome o = store.apply_and_record_sets_sync(fetched, LearnStatus::WantToLearn, 7, 0, any_result);
  EXPECT_EQ(o.sets_added, 3);
  EXPECT_EQ(o.tunes_created, 2);
  EXPECT_EQ(o.person_tunes_added, 2);    // 2 and 3
  EXPECT_EQ(o.person_tunes_skipped, 1);  // 1 was collected
  EXPECT_EQ(store.entry(1)->status, LearnStatus::Learned);  // untouched
  EXPECT_EQ(store.entry(2)->status, LearnStatus::WantToLearn);
  EXPECT_EQ(store.entry(2)->source, "set");
  EXPECT_EQ(store.entry(3)->name, "Tune Three");
  EXPECT_TRUE(store.tune_details(3));
  EXPECT_EQ(store.thesession_set_ids().size(), 3u);
  const auto runs = store.sync_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].kind, "sets");

  // A local edit, then the same sets again: nothing doubles, the edit stays.
  int64_t local_id = 0;
  for (const auto& s : store.list_sets()) if (s.thesession_id == 100) local_id = s.id;
  ASSERT_TRUE(store.rename_set(local_id, "My name for it"));
  ASSERT_TRUE(store.remove_set_entry(local_id, 0));
  const ApplyOutcome again = store.apply_and_record_sets_sync(fetched, LearnStatus::WantToLearn, 7, 0, any_result);
  EXPECT_EQ(again.sets_added, 0);
  EXPECT_EQ(again.sets_already_there, 3);
  EXPECT_EQ(store.list_sets().size(), 3u);
  EXPECT_EQ(store.get_set(local_id)->name, "My name for it");
  EXPECT_EQ(tunes_of(*store.get_set(local_id)), (std::vector<int64_t>{2}));
}

TEST_F(SetsStore, ASetsSyncThatFailsToFinishWritesNothing) {
  FetchedSets fetched;
  fetched.sets = {fetched_set(100, {5})};
  fetched.tunes = {{5, "Tune 5", "reel", ""}};
  EXPECT_THROW(store.apply_and_record_sets_sync(fetched, LearnStatus::WantToLearn, 7, 0,
                                                [](const ApplyOutcome&) -> SyncResult { throw StoreError("disk full"); }),
               StoreError);
  EXPECT_TRUE(store.list_sets().empty());
  EXPECT_TRUE(store.list_collection().empty());
  EXPECT_TRUE(store.sync_runs().empty());
}

TEST_F(SetsStore, RatingASetUpdatesEachTunesOwnScheduleOnceAndUndoTakesItAllBack) {
  for (int64_t id : {1, 2, 3}) add(store, id);
  ASSERT_TRUE(store.rate(3, Rating::Again, FsrsParameters{}, 1'000'000).entry.after.reps == 1);
  const CardMemory three_before = *store.practice_card(3);
  const int64_t set = store.create_set("Three jigs");
  for (int64_t id : {1, 2, 3, 1}) store.add_set_entry(set, id);
  store.remove_tune(2);
  const int64_t now = 1'700'000'000'000;
  ASSERT_TRUE(store.queue_set_for_day(set, now, 0));
  ASSERT_TRUE(store.queue_set_for_day(set, now, 0));  // once
  ASSERT_EQ(store.sets_queued_for_day(now, 0).size(), 1u);
  EXPECT_FALSE(store.sets_queued_for_day(now, 0)[0].rated);

  const SetRatingOutcome rated = store.rate_set(set, Rating::Good, FsrsParameters{}, now);
  ASSERT_EQ(rated.tunes.size(), 2u);  // 1 and 3, each once; 2 is not collected
  EXPECT_EQ(rated.not_collected, (std::vector<int64_t>{2}));
  EXPECT_EQ(rated.tunes[0].entry.tune_id, 1);
  EXPECT_EQ(rated.tunes[1].entry.tune_id, 3);
  EXPECT_EQ(store.practice_card(1)->reps, 1);
  EXPECT_EQ(store.practice_card(3)->reps, three_before.reps + 1);  // its own schedule, moved on
  EXPECT_FALSE(store.practice_card(2));
  EXPECT_EQ(store.ratings_between(now, now + 1), 2);
  EXPECT_TRUE(store.sets_queued_for_day(now, 0)[0].rated);

  const auto undone = store.undo_last_rating();
  ASSERT_TRUE(undone);
  EXPECT_FALSE(store.practice_card(1));  // back to never practised
  EXPECT_EQ(store.practice_card(3)->reps, three_before.reps);
  EXPECT_EQ(store.ratings_between(now, now + 1), 0);
  EXPECT_FALSE(store.sets_queued_for_day(now, 0)[0].rated);
  EXPECT_EQ(store.practice_log_since(0).size(), 1u);  // the earlier single rating stays

  EXPECT_THROW(store.rate_set(999, Rating::Good, FsrsParameters{}, now), StoreError);
  EXPECT_THROW(store.rate_set(set, static_cast<Rating>(9), FsrsParameters{}, now), StoreError);
  EXPECT_TRUE(store.unqueue_set_for_day(set, now, 0));
  EXPECT_TRUE(store.sets_queued_for_day(now, 0).empty());
  EXPECT_FALSE(store.queue_set_for_day(999, now, 0));
}

TEST_F(SetsStore, ExportAndImportMergeSetsWithoutDuplicates) {
  for (int64_t id : {1, 2}) add(store, id);
  const int64_t local = store.create_set("Mine", "notes");
  store.add_set_entry(local, 1);
  store.add_set_entry(local, 2);
  FetchedSets fetched;
  fetched.sets = {fetched_set(100, {2, 5})};
  fetched.tunes = {{5, "Tune 5", "reel", ""}};
  store.apply_and_record_sets_sync(fetched, LearnStatus::WantToLearn, 7, 0, any_result);
  const std::string file = export_json(store.list_collection(), store.practice_data(), store.list_sets());

  // Into another collection: both sets arrive, tune 5 with its name.
  TempDir other_dir;
  Store other(other_dir.path("o.db"), FakeClock{});
  ImportParse parsed = parse_import_json(file);
  ASSERT_TRUE(parsed.fatal.empty());
  ImportSummary first = other.import_entries(parsed.entries, parsed.practice, parsed.sets);
  EXPECT_EQ(first.sets_added, 2);
  const auto sets = other.list_sets();
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0].notes, "notes");
  EXPECT_EQ(sets[1].thesession_id, std::optional<int64_t>(100));
  EXPECT_EQ(sets[1].entries[1].name, "Tune 5");
  // Again, and back into the first: nothing doubles.
  ImportSummary second = other.import_entries(parsed.entries, parsed.practice, parsed.sets);
  EXPECT_EQ(second.sets_added, 0);
  EXPECT_EQ(second.sets_unchanged, 2);
  EXPECT_EQ(other.list_sets().size(), 2u);
  ImportSummary home = store.import_entries(parsed.entries, parsed.practice, parsed.sets);
  EXPECT_EQ(home.sets_unchanged, 2);
  EXPECT_EQ(store.list_sets().size(), 2u);
  // A local set of the same name with other tunes is another set.
  parsed.sets[0].entries.pop_back();
  EXPECT_EQ(store.import_entries({}, {}, parsed.sets).sets_added, 1);
}

TEST_F(SetsStore, AnImportedEntryWhoseTuneIsUnknownAndUnnamedIsLeftOutWithALine) {
  TuneSet set;
  set.name = "Odd";
  SetEntry unknown;
  unknown.tune_id = 77;
  set.entries = {unknown};
  const ImportSummary s = store.import_entries({}, {}, {set});
  EXPECT_EQ(s.sets_added, 1);
  ASSERT_EQ(s.messages.size(), 1u);
  EXPECT_NE(s.messages[0].find("tune #77"), std::string::npos);
  EXPECT_TRUE(store.list_sets()[0].entries.empty());
}

}  // namespace tt
