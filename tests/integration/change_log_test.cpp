// The change log on real SQLite databases: each action appends one record in
// its own transaction (and none when it is refused), a database from before
// the log gets a baseline, replay refuses what does not fit, and, the
// property the device sync will stand on, random sequences of actions
// rebuilt from their log alone give the same database.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/collection_io.h"
#include "shell/actions/practice_actions.h"
#include "shell/actions/set_actions.h"
#include "shell/actions/settings_actions.h"
#include "shell/actions/tune_actions.h"
#include "shell/store.h"
#include "tests/integration/test_support.h"
#include "tests/practice_test_support.h"

namespace tt {
namespace {

using testing::kMonday9am;
using nlohmann::json;
using testing::FakeClock;
using testing::TempDir;

// Every row of every table the log covers, as sorted JSON lines per table:
// two databases that print the same hold the same collection.
std::map<std::string, std::vector<std::string>> table_rows(const std::string& path) {
  Database db(path);
  std::vector<std::string> tables;
  {
    Statement s(db.handle(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
                             "('change_log', 'device', 'sqlite_sequence') ORDER BY name");
    while (s.step()) tables.push_back(s.text_at(0));
  }
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& table : tables) {
    Statement s(db.handle(), "SELECT * FROM \"" + table + "\"");
    auto& rows = out[table];
    while (s.step()) {
      json row = json::object();
      for (int c = 0; c < s.column_count(); ++c) {
        const int type = s.column_type(c);
        row[s.column_name(c)] = type == SQLITE_NULL ? json(nullptr)
                                : type == SQLITE_INTEGER ? json(s.int_at(c))
                                : type == SQLITE_FLOAT ? json(s.double_at(c)) : json(s.text_at(c));
      }
      rows.push_back(row.dump());
    }
    std::sort(rows.begin(), rows.end());
  }
  return out;
}

std::string export_of(Store& store) {
  return export_json(store.list_collection(), store.practice_data(), store.list_sets());
}

void rebuild(Store& from, const std::string& to_path) {
  Store to(to_path, FakeClock{});
  for (const auto& record : from.change_log()) to.replay(record);
}

TEST(ChangeLog, EachActionAppendsOneRecordOfWhatItChanged) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  EXPECT_TRUE(store.change_log().empty());  // a new database: nothing done yet
  ASSERT_TRUE(store.add_tune({7, "The Kesh", "jig", "https://thesession.org/tunes/7"}, LearnStatus::WantToLearn, "search"));
  ASSERT_TRUE(store.set_status(7, LearnStatus::Learning));
  ASSERT_TRUE(store.heard(7, false));
  const auto log = store.change_log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].action, "add_tune");
  EXPECT_EQ(log[0].changes["tunes"]["put"][0]["name"], "The Kesh");
  EXPECT_EQ(log[1].action, "set_status");
  EXPECT_EQ(log[1].changes["collection"]["put"][0]["learn_status"], "learning");
  EXPECT_FALSE(log[1].changes.contains("tunes"));  // only what changed
  EXPECT_EQ(log[2].action, "heard");
  EXPECT_EQ(log[2].changes["collection"]["put"][0]["heard_count"], 1);
  for (size_t i = 0; i < log.size(); ++i) {
    EXPECT_EQ(log[i].seq, static_cast<int64_t>(i + 1));
    EXPECT_EQ(log[i].device, store.device_id());
    if (i > 0) {
      EXPECT_TRUE(log[i - 1].hlc < log[i].hlc);
    }
  }
  ASSERT_TRUE(store.remove_tune(7));
  const auto removed = store.change_log(3);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].changes["collection"]["removed"], json::array({7}));
}

TEST(ChangeLog, ARefusedActionRecordsNothing) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  EXPECT_THROW(store.rate(99, Rating::Good, FsrsParameters{}, kMonday9am), StoreError);  // not collected
  EXPECT_THROW(store.set_practice_limits({0, 0}), StoreError);
  EXPECT_THROW(store.create_set(""), StoreError);
  EXPECT_FALSE(store.set_status(99, LearnStatus::Learned));
  EXPECT_TRUE(store.change_log().empty());
}

TEST(ChangeLog, ARatingIsOneRecordWithTheCardAndTheRatingAndItsUndoAnother) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  ASSERT_TRUE(store.add_tune({7, "The Kesh", "jig", ""}, LearnStatus::Learning, "search"));
  store.rate(7, Rating::Good, FsrsParameters{}, kMonday9am);
  auto log = store.change_log(1);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "rate");
  EXPECT_EQ(log[0].changes["cards"]["put"][0]["tune_id"], 7);
  EXPECT_EQ(log[0].changes["ratings"]["put"][0]["rating"], "good");
  ASSERT_TRUE(store.undo_last_rating());
  log = store.change_log(2);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "undo_rating");
  EXPECT_EQ(log[0].changes["ratings"]["removed"].size(), 1u);
  EXPECT_EQ(log[0].changes["cards"]["removed"], json::array({7}));  // back to never practised
}

TEST(ChangeLog, TheStampKeepsOrderWhenTheClockStepsBack) {
  TempDir dir;
  int64_t now = kMonday9am;
  Store store(dir.path("a.db"), [&] { return now; });
  ASSERT_TRUE(store.add_tune({1, "A", "reel", ""}, LearnStatus::WantToLearn, "search"));
  now -= 3'600'000;  // the phone's clock corrected by an hour
  ASSERT_TRUE(store.heard(1, false));
  ASSERT_TRUE(store.heard(1, false));
  const auto log = store.change_log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_TRUE(log[0].hlc < log[1].hlc);
  EXPECT_TRUE(log[1].hlc < log[2].hlc);
  EXPECT_EQ(log[2].hlc.wall_ms, kMonday9am);
}

TEST(ChangeLog, EachDatabaseHasItsOwnDeviceIdKeptAcrossOpens) {
  TempDir dir;
  std::string first;
  {
    Store a(dir.path("a.db"), FakeClock{});
    first = a.device_id();
    EXPECT_TRUE(is_device_id(first)) << first;
    ASSERT_TRUE(a.add_tune({1, "A", "reel", ""}, LearnStatus::WantToLearn, "search"));
  }
  Store again(dir.path("a.db"), FakeClock{});
  EXPECT_EQ(again.device_id(), first);
  rebuild(again, dir.path("b.db"));
  Store rebuilt(dir.path("b.db"), FakeClock{});
  EXPECT_NE(rebuilt.device_id(), first);                  // a device of its own
  EXPECT_EQ(rebuilt.change_log()[0].device, first);      // the records say where they were made
}

TEST(ChangeLog, ADatabaseFromBeforeTheLogGetsABaselineOfEverything) {
  TempDir dir;
  const std::string path = dir.path("old.db");
  {
    Database db(path);
    for (int i = 0; i < kChangeLogVersion - 1; ++i) db.exec(kMigrations[static_cast<size_t>(i)]);
    db.exec("PRAGMA user_version = " + std::to_string(kChangeLogVersion - 1));
    db.exec("INSERT INTO tune (id, name, type) VALUES (7, 'Old Tune', 'reel')");
    db.exec("INSERT INTO collection (tune_id, learn_status, notes, created_at, updated_at) VALUES (7, 'learning', 'kept', 1, 2)");
    db.exec("INSERT INTO practice_log (tune_id, at, rating, before, after) VALUES (7, 1000, 'good', '{}', '{}')");
    db.exec("INSERT INTO tune_set (name, created_at, updated_at) VALUES ('Old set', 1, 1)");
    db.exec("INSERT INTO set_entry (set_id, position, tune_id) VALUES (1, 0, 7)");
    db.exec("INSERT INTO setting (key, value) VALUES ('member_id', '42')");
  }
  Store store(path, FakeClock{});
  const auto log = store.change_log();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "baseline");
  EXPECT_EQ(log[0].changes["collection"]["put"][0]["notes"], "kept");
  EXPECT_EQ(log[0].changes["sets"]["put"][0]["entries"][0]["tune_id"], 7);
  rebuild(store, dir.path("new.db"));
  Store rebuilt(dir.path("new.db"), FakeClock{});
  EXPECT_EQ(table_rows(path), table_rows(dir.path("new.db")));
}

TEST(ChangeLog, ARecordThatDoesNotFitIsRefusedWholeAndNamed) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  ChangeRecord record;
  record.seq = 1;
  record.hlc = {kMonday9am, 0};
  record.device = std::string(32, 'b');
  record.action = "add_tune";
  record.changes = {{"tunes", {{"put", json::array({{{"id", 5}, {"name", "Five"}}})}}},
                    {"collection", {{"put", json::array({{{"tune_id", 5}, {"colour", "red"}}})}}}};
  try {
    store.replay(record);
    FAIL() << "an unknown field was replayed";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("changes.collection has an unknown field \"colour\""), std::string::npos) << e.what();
  }
  EXPECT_TRUE(store.list_collection().empty());
  EXPECT_FALSE(store.entry(5));
  EXPECT_TRUE(store.change_log().empty());
  record.changes = {{"tunes", {{"put", json::array({{{"id", 5}, {"name", json::array()}}})}}}};
  EXPECT_THROW(store.replay(record), StoreError);
}

TEST(ChangeLog, ThisDevicesOwnSettingsAreNeitherRecordedNorReplayed) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  store.set_setting("keep.last_export_ms", "1000");  // when this device last exported
  EXPECT_TRUE(store.change_log().empty());
  store.set_setting("member_id", "42");
  const auto log = store.change_log();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].changes["settings"]["all"], json::array({{{"key", "member_id"}, {"value", "42"}}}));
  Store other(dir.path("b.db"), FakeClock{});
  other.set_setting("keep.last_export_ms", "5");
  other.replay(log[0]);
  EXPECT_EQ(other.setting("member_id"), "42");
  EXPECT_EQ(other.setting("keep.last_export_ms"), "5");  // its own, kept
  ChangeRecord foreign = log[0];
  foreign.changes["settings"]["all"].push_back({{"key", "keep.dismissed"}, {"value", "1"}});
  EXPECT_THROW(other.replay(foreign), StoreError);
}

TEST(ChangeLog, AStampMadeAfterAReplayComesAfterEverythingReplayed) {
  TempDir dir;
  Store phone(dir.path("phone.db"), [] { return kMonday9am + 3'600'000; });  // its clock is an hour ahead
  ASSERT_TRUE(phone.add_tune({1, "A", "reel", ""}, LearnStatus::WantToLearn, "search"));
  Store laptop(dir.path("laptop.db"), [] { return kMonday9am; });
  laptop.replay(phone.change_log()[0]);
  ASSERT_TRUE(laptop.heard(1, false));
  const auto log = laptop.change_log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_TRUE(log[0].hlc < log[1].hlc) << to_string(log[0].hlc) << " then " << to_string(log[1].hlc);
  EXPECT_EQ(log[1].device, laptop.device_id());
}

TEST(ChangeLog, AnActionThatFindsTheDatabaseBusyFailsAloneAndTheNextIsRecorded) {
  TempDir dir;
  Store store(dir.path("a.db"), FakeClock{});
  ASSERT_TRUE(store.add_tune({1, "A", "reel", ""}, LearnStatus::WantToLearn, "search"));
  {
    Database other(dir.path("a.db"));  // another program holds the write lock past the busy timeout
    other.exec("BEGIN IMMEDIATE");
    EXPECT_THROW(store.heard(1, false), StoreError);
    other.exec("ROLLBACK");
  }
  ASSERT_TRUE(store.heard(1, false));
  const auto log = store.change_log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1].action, "heard");
  EXPECT_EQ(log[1].changes["collection"]["put"][0]["heard_count"], 1);
}

// One random user action (shell/actions/, as the page and the CLI call them;
// a sync's apply as its session calls the store); refusals (StoreError) are part of the
// sequence: they must leave no record and no row.
void random_action(Store& store, std::mt19937& random, int64_t& now) {
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const int64_t tune = 1 + pick(12);
  const auto status = static_cast<LearnStatus>(pick(3));
  const auto rating = static_cast<Rating>(pick(4));
  const auto sets = store.list_sets();
  const int64_t set = sets.empty() ? 1 + pick(3) : sets[static_cast<size_t>(pick(static_cast<int>(sets.size())))].id;
  now += pick(3) == 0 ? 86'400'000 : 60'000;
  const TuneSummary summary{tune, "Tune " + std::to_string(tune), pick(2) ? "reel" : "jig", ""};
  try {
    switch (pick(28)) {
      case 0: actions::add_tune(store, summary, status, "search"); break;
      case 1: actions::remove_tune(store, tune); break;
      case 2: actions::set_status(store, tune, status, now, 60); break;
      case 3: actions::heard(store, tune, pick(3) == 0); break;
      case 4: actions::set_notes(store, tune, pick(2) ? "Learnt from Mary, \"slowly\"" : ""); break;
      case 5: actions::choose_setting(store, tune, 100 + pick(3)); break;
      case 6: actions::keep_tune_details(store, {tune, summary.name, summary.type, "", pick(500), {"Alias"},
                                       {{100, "Gmajor", "X:1\nK:G\nGABc|"}, {101, "Dmajor", "X:2\nK:D\nDEF|"}}});
        break;
      case 7: {
        std::vector<TuneSummary> fetched;
        for (int64_t id = 1; id <= 12; ++id) if (pick(3) == 0) fetched.push_back({id, "Tune " + std::to_string(id), "reel", ""});
        store.apply_and_record_sync(fetched, status, 42, now, [](const ApplyOutcome& o) {
          SyncResult r;
          r.status = SyncStage::Completed;
          r.person_tunes_added = o.person_tunes_added;
          return r;
        });
        break;
      }
      case 8: case 9: actions::rate(store, tune, rating, store.practice_parameters(), now); break;
      case 10: actions::undo_last_rating(store); break;
      case 11: actions::rate_set(store, set, rating, store.practice_parameters(), now); break;
      case 12: actions::queue_set_for_day(store, set, pick(2) == 0, now, 60); break;
      case 13: actions::create_set(store, "Set " + std::to_string(pick(5)), pick(2) ? "for the session" : ""); break;
      case 14: actions::rename_set(store, set, "Renamed " + std::to_string(pick(5))); break;
      case 15: actions::add_set_entry(store, set, tune, pick(2) ? std::optional<int64_t>(100) : std::nullopt); break;
      case 16: actions::remove_set_entry(store, set, static_cast<size_t>(pick(3))); break;
      case 17: actions::move_set_entry(store, set, static_cast<size_t>(pick(3)), static_cast<size_t>(pick(3))); break;
      case 18: actions::delete_set(store, set); break;
      case 19: actions::set_practice_limits(store, {pick(20), pick(5)}); break;
      case 20: actions::todays_queue(store, now, 60, store.practice_limits()); break;
      case 21: {
        // An export of another collection, with practice and a set, merged in.
        CollectionEntry e;
        e.tune_id = tune;
        e.name = summary.name;
        e.type = summary.type;
        e.status = status;
        e.heard_count = pick(4);
        e.created_at_ms = e.updated_at_ms = now - 5000;
        PracticeData practice;
        PracticeLogEntry row;
        row.tune_id = tune;
        row.at_ms = now - 1000;
        row.after.state = CardState::Review;
        row.after.due_ms = now + 86'400'000;
        practice.log.push_back(row);
        TuneSet imported;
        imported.name = "Imported " + std::to_string(pick(3));
        SetEntry entry;
        entry.tune_id = tune;
        entry.key = "Gmajor";
        imported.entries.push_back(entry);
        ImportParse parsed;
        parsed.entries = {e};
        parsed.practice = practice;
        parsed.sets = {imported};
        actions::import_export(store, parsed);
        break;
      }
      case 22: {
        FetchedSets fetched;
        FetchedSet s;
        s.id = 9000 + pick(4);
        s.name = "From thesession " + std::to_string(s.id);
        s.entries.push_back({tune, std::nullopt, summary.name, summary.type, "Dmajor"});
        fetched.sets.push_back(s);
        fetched.tunes.push_back(summary);
        store.apply_and_record_sets_sync(fetched, status, 42, now, [](const ApplyOutcome&) {
          SyncResult r;
          r.kind = SyncKind::Sets;
          r.status = SyncStage::Completed;
          return r;
        });
        break;
      }
      case 23: store.set_practice_retention(pick(2) ? 0.85 : 2.0); break;
      case 24: actions::start_learning(store, tune, now, 60); break;
      case 25: actions::change_setting(store, pick(2) ? "player.tempo_percent" : "list.incipits", std::to_string(pick(200))); break;
      case 26: actions::remember_sync_form(store, 42 + pick(2), pick(2) ? std::optional(status) : std::nullopt); break;
      case 27: actions::set_set_notes(store, set, pick(2) ? "Slow first time" : ""); break;
    }
  } catch (const StoreError&) {
    // Refused: checked by the rebuild like everything else.
  }
}

TEST(ChangeLog, AnyThousandSequencesOfActionsRebuiltFromTheirLogAloneGiveTheSameDatabase) {
  TempDir dir(testing::fast_temp_base());
  int records = 0;
  for (unsigned seed = 1; seed <= 1000; ++seed) {
    std::mt19937 random(seed);
    const std::string original = dir.path("original.db"), rebuilt = dir.path("rebuilt.db");
    std::remove(original.c_str());
    std::remove(rebuilt.c_str());
    int64_t now = kMonday9am;
    {
      Store store(original, [&] { return now; });
      const int actions = 5 + static_cast<int>(random() % 40);
      for (int i = 0; i < actions; ++i) random_action(store, random, now);
      records += static_cast<int>(store.change_log().size());
      rebuild(store, rebuilt);
      Store copy(rebuilt, FakeClock{});
      ASSERT_EQ(export_of(store), export_of(copy)) << "seed " << seed;
    }
    ASSERT_EQ(table_rows(original), table_rows(rebuilt)) << "seed " << seed;
  }
  EXPECT_GT(records, 10000);  // the sequences did things, not only refusals
}

}  // namespace
}  // namespace tt
