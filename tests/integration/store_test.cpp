// The store on real SQLite files: schema, every collection operation, sync
// application in one transaction, import merging, damaged files.
#include <gtest/gtest.h>

#include "core/collection_io.h"
#include "shell/store.h"
#include "tests/integration/test_support.h"

namespace tt {
namespace {

using testing::FakeClock;
using testing::TempDir;

std::vector<TuneSummary> tunes(int64_t first, int count) {
  std::vector<TuneSummary> out;
  for (int64_t id = first; id < first + count; ++id) out.push_back({id, "Tune " + std::to_string(id), "reel", ""});
  return out;
}

}  // namespace

TEST(Store, CreatesTheSchemaAndReopens) {
  TempDir dir;
  {
    Store store(dir.path("a.db"), FakeClock{});
    EXPECT_EQ(store.schema_version(), Store::kSchemaVersion);
    EXPECT_EQ(store.integrity_check(), "ok");
    store.add_tune({1, "The Kesh", "jig", ""}, LearnStatus::Learning, "search");
  }
  Store again(dir.path("a.db"), FakeClock{});
  ASSERT_EQ(again.list_collection().size(), 1u);
  EXPECT_EQ(again.list_collection()[0].name, "The Kesh");
}

TEST(Store, RefusesADamagedFileAndLeavesItUntouched) {
  TempDir dir;
  const std::string path = dir.path("bad.db");
  testing::write_file(path, std::string(8192, 'x'));
  try {
    Store store(path, FakeClock{});
    FAIL() << "opened a damaged file";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot be used"), std::string::npos) << e.what();
  }
  EXPECT_EQ(testing::read_file(path), std::string(8192, 'x'));
}

TEST(Store, RefusesAFileFromANewerTunetrack) {
  TempDir dir;
  {
    Store store(dir.path("new.db"), FakeClock{});
  }
  {
    Database db(dir.path("new.db"));
    db.exec("PRAGMA user_version = 99");
  }
  EXPECT_THROW(Store(dir.path("new.db"), FakeClock{}), StoreError);
}

TEST(Store, StatusChangesStampAndClearTheLearnedDate) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  ASSERT_TRUE(store.add_tune({7, "Tune", "reel", ""}, LearnStatus::WantToLearn, "search"));
  EXPECT_FALSE(store.add_tune({7, "Tune", "reel", ""}, LearnStatus::Learning, "search"));  // no duplicate
  ASSERT_TRUE(store.set_status(7, LearnStatus::Learned));
  const auto learned = store.entry(7);
  ASSERT_TRUE(learned->learned_at_ms);
  ASSERT_TRUE(store.set_status(7, LearnStatus::Learning));
  EXPECT_FALSE(store.entry(7)->learned_at_ms);
  EXPECT_FALSE(store.set_status(8, LearnStatus::Learned));  // not collected
}

TEST(Store, HeardCountGoesUpAndDownButNeverBelowZero) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  store.add_tune({7, "Tune", "reel", ""}, LearnStatus::WantToLearn, "search");
  store.heard(7, false);
  store.heard(7, false);
  store.set_status(7, LearnStatus::Learning);
  EXPECT_EQ(store.entry(7)->heard_count, 2);
  store.heard(7, true);
  store.heard(7, true);
  store.heard(7, true);
  EXPECT_EQ(store.entry(7)->heard_count, 0);
}

TEST(Store, NotesRemovalDetailsAndSettings) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  store.add_tune({7, "Tune", "reel", ""}, LearnStatus::WantToLearn, "search");
  store.set_notes(7, "Ó'Neill's 'quote' -- DROP TABLE tune;");
  EXPECT_EQ(store.entry(7)->notes, "Ó'Neill's 'quote' -- DROP TABLE tune;");
  TuneDetails d;
  d.id = 7;
  d.name = "Tune";
  d.type = "reel";
  d.tunebooks = 321;
  d.aliases = {"Other name"};
  d.settings = {{70, "Gmajor", "|:GAB:|"}};
  EXPECT_FALSE(store.tune_details(7));
  store.save_tune_details(d);
  const auto back = store.tune_details(7);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->tunebooks, 321);
  EXPECT_EQ(back->settings[0].abc, "|:GAB:|");
  EXPECT_EQ(store.entry(7)->key, "Gmajor");
  EXPECT_EQ(store.entry(7)->aliases, std::vector<std::string>{"Other name"});
  store.set_setting("member_id", "42");
  store.set_setting("member_id", "43");
  EXPECT_EQ(store.setting("member_id"), "43");
  EXPECT_FALSE(store.setting("nothing"));
  EXPECT_TRUE(store.remove_tune(7));
  EXPECT_FALSE(store.remove_tune(7));
  EXPECT_TRUE(store.list_collection().empty());
}

TEST(Store, ApplySyncAddsNewSkipsExistingAndNeverTouchesThem) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  store.add_tune({3, "Mine", "jig", ""}, LearnStatus::Learned, "search");
  store.heard(3, false);
  store.set_notes(3, "keep me");
  const auto before = *store.entry(3);

  const ApplyOutcome outcome = store.apply_sync(tunes(1, 5), LearnStatus::Learning);
  EXPECT_EQ(outcome.tunes_created, 4);
  EXPECT_EQ(outcome.person_tunes_added, 4);
  EXPECT_EQ(outcome.person_tunes_skipped, 1);
  const auto after = *store.entry(3);
  EXPECT_EQ(after.status, LearnStatus::Learned);
  EXPECT_EQ(after.notes, "keep me");
  EXPECT_EQ(after.heard_count, 1);
  EXPECT_EQ(after.learned_at_ms, before.learned_at_ms);
  EXPECT_EQ(after.updated_at_ms, before.updated_at_ms);
  EXPECT_EQ(store.entry(1)->status, LearnStatus::Learning);
  EXPECT_EQ(store.entry(1)->source, "tunebook");
  EXPECT_TRUE(store.entry(1)->in_tunebook);
  EXPECT_EQ(store.list_collection().size(), 5u);
}

TEST(Store, TunesThatLeaveTheTunebookAreFlaggedNotDeleted) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  store.apply_sync(tunes(1, 5), LearnStatus::WantToLearn);
  const ApplyOutcome second = store.apply_sync(tunes(1, 3), LearnStatus::WantToLearn);
  EXPECT_EQ(second.left_tunebook, 2);
  EXPECT_EQ(second.person_tunes_added, 0);
  EXPECT_EQ(store.list_collection().size(), 5u);
  EXPECT_FALSE(store.entry(5)->in_tunebook);
  EXPECT_TRUE(store.entry(1)->in_tunebook);
  store.apply_sync(tunes(1, 5), LearnStatus::WantToLearn);
  EXPECT_TRUE(store.entry(5)->in_tunebook);
}

TEST(Store, ApplySyncIsOneTransaction) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  // A progress callback that throws half-way stands in for any failure while writing.
  int calls = 0;
  EXPECT_THROW(store.apply_sync(tunes(1, 2000), LearnStatus::WantToLearn,
                                [&](double) { if (++calls == 2) throw StoreError("disk full"); }),
               StoreError);
  EXPECT_TRUE(store.list_collection().empty());
  EXPECT_EQ(store.apply_sync(tunes(1, 10), LearnStatus::WantToLearn).person_tunes_added, 10);
}

TEST(Store, RecordsSyncRuns) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  SyncResult r;
  r.status = SyncStage::CompletedWithErrors;
  r.tunes_fetched = 10;
  r.errors = {"Tune #1: missing name"};
  r.duration_ms = 1234;
  store.record_sync_run(42, 1000, r);
  const auto runs = store.sync_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].member_id, 42);
  EXPECT_EQ(runs[0].status, "completed_with_errors");
  EXPECT_EQ(runs[0].finished_at_ms, 2234);
  EXPECT_EQ(runs[0].errors, r.errors);
}

TEST(Store, ImportMergesWithoutDuplicatingOrOverwriting) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  store.add_tune({1, "One", "reel", ""}, LearnStatus::Learning, "search");
  CollectionEntry same;
  same.tune_id = 1;
  same.name = "One";
  same.status = LearnStatus::Learning;
  CollectionEntry different = same;
  different.tune_id = 1;
  different.status = LearnStatus::Learned;
  CollectionEntry fresh;
  fresh.tune_id = 2;
  fresh.name = "Two";
  fresh.heard_count = 3;
  fresh.notes = "n";
  auto summary = store.import_entries({same, fresh});
  EXPECT_EQ(summary.added, 1);
  EXPECT_EQ(summary.unchanged, 1);
  summary = store.import_entries({different, fresh});
  EXPECT_EQ(summary.added, 0);
  EXPECT_EQ(summary.conflicts, 1);
  EXPECT_EQ(summary.unchanged, 1);
  EXPECT_EQ(store.entry(1)->status, LearnStatus::Learning);
  EXPECT_EQ(store.entry(2)->heard_count, 3);
  EXPECT_EQ(store.list_collection().size(), 2u);
}

}  // namespace tt

namespace tt {

TEST(Store, RemembersTheChosenSettingAndExportsIt) {
  TempDir dir;
  {
    Store store(dir.path("s.db"), FakeClock{});
    store.add_tune({1, "The Kesh", "jig", ""}, LearnStatus::Learning, "search");
    EXPECT_FALSE(store.entry(1)->setting_id) << "none chosen: the first is used";
    EXPECT_TRUE(store.choose_setting(1, 1203));
    EXPECT_FALSE(store.choose_setting(2, 1203)) << "not in the collection";
  }
  Store again(dir.path("s.db"), FakeClock{});
  EXPECT_EQ(again.entry(1)->setting_id, std::optional<int64_t>(1203));
  const std::string exported = export_json(again.list_collection());
  EXPECT_NE(exported.find("\"setting_id\": 1203"), std::string::npos) << exported;

  // The choice survives an export and an import into an empty collection.
  Store other(dir.path("other.db"), FakeClock{});
  const auto parsed = parse_import_json(exported);
  ASSERT_EQ(parsed.entries.size(), 1u);
  other.import_entries(parsed.entries);
  EXPECT_EQ(other.entry(1)->setting_id, std::optional<int64_t>(1203));
}

TEST(Store, MigratesAVersionOneFileKeepingEverything) {
  TempDir dir;
  const std::string path = dir.path("v1.db");
  {
    Database db(path);
    db.exec(kMigrations[0]);
    db.exec("PRAGMA user_version = 1");
    db.exec("INSERT INTO tune (id, name, type) VALUES (7, 'Old Tune', 'reel')");
    db.exec("INSERT INTO collection (tune_id, learn_status, notes, created_at, updated_at) "
            "VALUES (7, 'learning', 'from before', 1, 2)");
  }
  Store store(path, FakeClock{});
  EXPECT_EQ(store.schema_version(), Store::kSchemaVersion);
  const auto entry = store.entry(7);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->notes, "from before");
  EXPECT_EQ(entry->status, LearnStatus::Learning);
  EXPECT_FALSE(entry->setting_id);
}

}  // namespace tt
