#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/collection.h"
#include "core/collection_io.h"
#include "core/collection_query.h"
#include "core/sync_plan.h"

namespace tt {
namespace {

CollectionEntry make(int64_t id, std::string name, std::string type, LearnStatus status = LearnStatus::WantToLearn,
                     int64_t created = 0) {
  CollectionEntry e;
  e.tune_id = id;
  e.name = std::move(name);
  e.type = std::move(type);
  e.status = status;
  e.created_at_ms = created;
  return e;
}

std::vector<int64_t> ids(const std::vector<CollectionEntry>& entries, const std::vector<size_t>& hits) {
  std::vector<int64_t> out;
  for (size_t i : hits) out.push_back(entries[i].tune_id);
  return out;
}

}  // namespace

TEST(CollectionRules, LearnedStampsTheMomentAndLeavingClearsIt) {
  CollectionEntry e;
  change_status(e, LearnStatus::Learning, 100);
  EXPECT_FALSE(e.learned_at_ms);
  change_status(e, LearnStatus::Learned, 200);
  EXPECT_EQ(e.learned_at_ms, 200);
  change_status(e, LearnStatus::Learned, 300);  // same status: the date stays
  EXPECT_EQ(e.learned_at_ms, 200);
  change_status(e, LearnStatus::Learning, 400);
  EXPECT_FALSE(e.learned_at_ms);
  EXPECT_EQ(e.updated_at_ms, 400);
}

TEST(CollectionRules, HeardCountNeverGoesBelowZeroAndSurvivesStatusChanges) {
  CollectionEntry e;
  undo_heard(e, 1);
  EXPECT_EQ(e.heard_count, 0);
  heard_once_more(e, 2);
  heard_once_more(e, 3);
  change_status(e, LearnStatus::Learned, 4);
  change_status(e, LearnStatus::WantToLearn, 5);
  EXPECT_EQ(e.heard_count, 2);
  undo_heard(e, 6);
  EXPECT_EQ(e.heard_count, 1);
}

TEST(CollectionQuery, FiltersByNameTypeAndStatusCombined) {
  std::vector<CollectionEntry> entries = {
      make(1, "Máire’s Reel", "reel", LearnStatus::Learning), make(2, "The Kesh", "jig"),
      make(3, "Maire's Jig", "jig", LearnStatus::Learning), make(4, "Ìle Slip", "slip jig", LearnStatus::Learned)};
  entries[1].aliases = {"Kesh Jig", "The Castle"};
  const CollectionIndex index(entries);
  EXPECT_EQ(ids(entries, index.query({"maire's", "", {}}, {})), (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(ids(entries, index.query({"MAIRE", "jig", {}}, {})), (std::vector<int64_t>{3}));
  EXPECT_EQ(ids(entries, index.query({"", "", LearnStatus::Learning}, {})), (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(ids(entries, index.query({"ile", "Slip-Jig", LearnStatus::Learned}, {})), (std::vector<int64_t>{4}));
  EXPECT_EQ(ids(entries, index.query({"castle", "", {}}, {})), (std::vector<int64_t>{2}));  // alias
  EXPECT_TRUE(index.query({"zzz", "", {}}, {}).empty());
  // The types present, as the type filter offers them.
  EXPECT_EQ(count_by_type(entries), (std::map<std::string, int>{{"jig", 2}, {"reel", 1}, {"slip jig", 1}}));
}

TEST(CollectionQuery, SortsByEachKeyBothWays) {
  std::vector<CollectionEntry> entries = {make(1, "b", "reel", LearnStatus::Learned, 30),
                                          make(2, "a", "jig", LearnStatus::Learning, 10),
                                          make(3, "Á", "reel", LearnStatus::WantToLearn, 20)};
  const CollectionIndex index(entries);
  EXPECT_EQ(ids(entries, index.query({}, {SortKey::Name, true})), (std::vector<int64_t>{2, 3, 1}));
  EXPECT_EQ(ids(entries, index.query({}, {SortKey::Name, false})), (std::vector<int64_t>{1, 3, 2}));
  EXPECT_EQ(ids(entries, index.query({}, {SortKey::Type, true})), (std::vector<int64_t>{2, 3, 1}));
  EXPECT_EQ(ids(entries, index.query({}, {SortKey::Status, true})), (std::vector<int64_t>{3, 2, 1}));
  EXPECT_EQ(ids(entries, index.query({}, {SortKey::DateAdded, true})), (std::vector<int64_t>{2, 3, 1}));
  EXPECT_EQ(ids(entries, index.query({}, {SortKey::DateAdded, false})), (std::vector<int64_t>{1, 3, 2}));
  const StatusCounts counts = count_by_status(entries);
  EXPECT_EQ(counts.learned, 1);
  EXPECT_EQ(counts.total(), 3);
  EXPECT_EQ(count_by_type(entries), (std::map<std::string, int>{{"jig", 1}, {"reel", 2}}));
}

TEST(CollectionQuery, ReflectsEntriesChangedInPlace) {
  std::vector<CollectionEntry> entries = {make(1, "a", "reel", LearnStatus::Learned),
                                          make(2, "b", "reel", LearnStatus::WantToLearn)};
  CollectionIndex index(entries);
  EXPECT_EQ(ids(entries, index.query({}, {SortKey::Status, true})), (std::vector<int64_t>{2, 1}));
  entries[0].status = LearnStatus::WantToLearn;
  entries[0].aliases = {"Zebra"};
  index.entry_changed(0);
  EXPECT_EQ(ids(entries, index.query({}, {SortKey::Status, true})), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(ids(entries, index.query({"zebra", "", {}}, {})), (std::vector<int64_t>{1}));
}

TEST(SyncPlan, CreatesAddsSkipsAndFlagsWithoutTouchingCollectedTunes) {
  const std::vector<TuneSummary> fetched = {{1, "A", "reel", ""}, {2, "B", "jig", ""}, {3, "C", "jig", ""},
                                            {2, "B again", "jig", ""}};
  const std::unordered_set<int64_t> known = {2, 3, 9};
  const std::unordered_map<int64_t, bool> collected = {{3, false}, {9, true}, {10, false}};
  const SyncPlan plan = plan_sync(fetched, known, collected);
  ASSERT_EQ(plan.tunes_to_create.size(), 1u);
  EXPECT_EQ(plan.tunes_to_create[0].id, 1);
  EXPECT_EQ(plan.collection_to_add, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(plan.collection_skipped, (std::vector<int64_t>{3}));
  EXPECT_EQ(plan.back_in_tunebook, (std::vector<int64_t>{3}));
  EXPECT_EQ(plan.left_tunebook, (std::vector<int64_t>{9}));  // 10 was never in the tunebook
}

TEST(CollectionIo, JsonExportImportsBackLosingNothing) {
  CollectionEntry e = make(5, "Ó’s \"Quoted\", Reel", "reel", LearnStatus::Learned, 1700000000000);
  e.learned_at_ms = 1700000100000;
  e.heard_count = 4;
  e.notes = "line one\nline two";
  e.key = "Dmajor";
  const std::string text = export_json({e});
  const ImportParse parsed = parse_import_json(text);
  ASSERT_TRUE(parsed.fatal.empty());
  ASSERT_EQ(parsed.entries.size(), 1u);
  const CollectionEntry& back = parsed.entries[0];
  EXPECT_EQ(back.tune_id, 5);
  EXPECT_EQ(back.name, e.name);
  EXPECT_EQ(back.status, LearnStatus::Learned);
  EXPECT_EQ(back.learned_at_ms, e.learned_at_ms);
  EXPECT_EQ(back.heard_count, 4);
  EXPECT_EQ(back.notes, e.notes);
  EXPECT_EQ(back.created_at_ms, e.created_at_ms);
}

TEST(CollectionIo, CsvQuotesFieldsThatNeedIt) {
  CollectionEntry e = make(5, "Tom, \"the\" piper", "reel");
  e.notes = "two\nlines";
  const std::string csv = export_csv({e});
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "tune_id,name,type,key,learn_status,heard_count,learned_at,notes,created_at,url,due,last_practised,"
            "thesession_key");
  EXPECT_NE(csv.find("5,\"Tom, \"\"the\"\" piper\",reel,,want_to_learn,0,,\"two\nlines\","), std::string::npos);
}

TEST(CollectionIo, CsvWritesKeysAsMusiciansDoAndKeepsThesessionsSpelling) {
  CollectionEntry e = make(7, "The Kesh", "jig");
  e.key = "Gmajor";
  CollectionEntry odd = make(8, "Odd", "reel");
  odd.key = "Hlydian";  // not a key we know: kept as it came, in both columns
  const std::string csv = export_csv({e, odd});
  EXPECT_NE(csv.find("\r\n7,The Kesh,jig,G major,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",Gmajor\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n8,Odd,reel,Hlydian,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",Hlydian\r\n"), std::string::npos) << csv;
}

TEST(CollectionIo, ImportRejectsGarbageClearlyAndReportsBadEntries) {
  EXPECT_EQ(parse_import_json("not json").fatal, "The file is not valid JSON");
  EXPECT_FALSE(parse_import_json(R"({"tunes":[]})").fatal.empty());
  const ImportParse parsed = parse_import_json(R"([{"tune_id":1,"name":"A"},{"name":"no id"},
      {"tune_id":2,"name":"B","learn_status":"mastered"},{"tune_id":3,"name":"C","heard_count":-1}])");
  EXPECT_EQ(parsed.entries.size(), 1u);
  EXPECT_EQ(parsed.errors, (std::vector<std::string>{"Tune #?: missing or invalid tune_id",
                                                     "Tune #2: unknown learn status \"mastered\"",
                                                     "Tune #3: invalid heard_count (expected a whole number "
                                                     "from 0 to 1000000000, got the number -1)"}));
}

TEST(CollectionIo, EntryJsonHasTheListFields) {
  const auto doc = nlohmann::json::parse(entry_to_json(make(1, "A", "reel")));
  for (const char* key : {"tune_id", "name", "type", "learn_status", "heard_count", "learned_at", "notes"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  EXPECT_TRUE(doc["learned_at"].is_null());
}

}  // namespace tt
