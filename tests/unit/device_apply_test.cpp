// The device sync's last step (core/device_apply.h): what this database must
// write to hold the merged collection, and nothing it holds already.
#include "core/device_apply.h"

#include <gtest/gtest.h>

#include "tests/unit/device_test_support.h"

namespace tt {
namespace {

using namespace device_testing;
using nlohmann::json;

// What replay_changes does to a database, on its whole-log form: rows put by
// key, removed ones gone, settings replaced.
void apply_to(json& local, const json& changes) {
  const std::map<std::string, std::string> keys = {{"tunes", "id"}, {"collection", "tune_id"}, {"cards", "tune_id"},
                                                   {"ratings", "id"}, {"sets", "id"}};
  for (const auto& [kind, key] : keys) {
    if (!changes.contains(kind)) continue;
    json& rows = local[kind]["put"];
    if (rows.is_null()) rows = json::array();
    for (const json& gone : changes[kind].value("removed", json::array())) {
      rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const json& r) { return r[key] == gone; }), rows.end());
    }
    for (const json& row : changes[kind].value("put", json::array())) {
      auto it = std::find_if(rows.begin(), rows.end(), [&](const json& r) { return r[key] == row[key]; });
      if (it != rows.end()) *it = row;
      else rows.push_back(row);
    }
  }
  if (changes.contains("settings")) local["settings"] = changes["settings"];
}

const json* row_of(const json& changes, const char* kind, const char* key, int64_t id) {
  if (!changes.contains(kind) || !changes.at(kind).contains("put")) return nullptr;
  for (const json& row : changes.at(kind).at("put")) {  // the rows themselves: the answer points into them
    if (row.at(key) == id) return &row;
  }
  return nullptr;
}

MergedCollection laptop_collection() {
  return merged({on(kLaptop, kT, TuneFieldChange{5, "name", "The Kesh"}),
                 on(kLaptop, kT, TuneFieldChange{5, "aliases", json::array({"Kesh Jig"})}, 1),
                 on(kLaptop, kT, TuneFieldChange{5, "learn_status", "learning"}, 2),
                 on(kLaptop, kT + 1000, HeardChange{5, 1}), on(kLaptop, kT + 2000, HeardChange{5, 1}),
                 on(kLaptop, kT + 3000, NotesChange{5, "", "starts on D"}),
                 on(kLaptop, kT + 4000, RatingGiven{kLaptop + "-r1", 5, kT + 4000, Rating::Good}),
                 on(kLaptop, kT + 5000, SetFieldChange{kLaptop + "-s1", "name", "Kesh set"}),
                 on(kLaptop, kT + 5000, SetEntriesChange{kLaptop + "-s1", json::array({{{"tune", 5}, {"setting", nullptr}, {"key", ""}}})}, 1),
                 on(kLaptop, kT + 6000, SettingChange{"practice.per_day", "12"})});
}

TEST(DeviceApply, ANewDeviceWritesTheWholeMergedCollection) {
  const json empty = json::object();
  const DeviceUids uids{kPhone, {}, {}};
  const auto apply = changes_toward(laptop_collection(), empty, uids, {}, kT + 9000);
  const json* tune = row_of(apply.changes, "tunes", "id", 5);
  ASSERT_TRUE(tune);
  EXPECT_EQ((*tune)["name"], "The Kesh");
  EXPECT_EQ((*tune)["aliases"], "[\"Kesh Jig\"]") << "kept as JSON text, as its column holds it";
  const json* entry = row_of(apply.changes, "collection", "tune_id", 5);
  ASSERT_TRUE(entry);
  EXPECT_EQ((*entry)["learn_status"], "learning");
  EXPECT_EQ((*entry)["heard_count"], 2);
  EXPECT_EQ((*entry)["notes"], "starts on D");
  const json* rating = row_of(apply.changes, "ratings", "id", 1);
  ASSERT_TRUE(rating);
  EXPECT_EQ((*rating)["rating"], "good");
  EXPECT_EQ((*rating)["origin"], "rated");
  EXPECT_EQ(apply.new_rating_uids.at(1), kLaptop + "-r1") << "remembered, so an undo here undoes it everywhere";
  const json* card = row_of(apply.changes, "cards", "tune_id", 5);
  ASSERT_TRUE(card);
  EXPECT_EQ((*card)["reps"], 1);
  EXPECT_EQ(json::parse((*rating)["after"].get<std::string>())["reps"], 1);
  const json* set = row_of(apply.changes, "sets", "id", 1);
  ASSERT_TRUE(set);
  EXPECT_EQ((*set)["name"], "Kesh set");
  EXPECT_EQ((*set)["entries"][0]["tune_id"], 5);
  EXPECT_EQ(apply.new_set_uids.at(1), kLaptop + "-s1");
  EXPECT_EQ(apply.changes["settings"]["all"], json::parse(R"([{"key":"practice.per_day","value":"12"}])"));
}

TEST(DeviceApply, WhatIsHereAlreadyIsNotWrittenAgain) {
  json local = json::object();
  DeviceUids uids{kPhone, {}, {}};
  const auto first = changes_toward(laptop_collection(), local, uids, {}, kT + 9000);
  apply_to(local, first.changes);
  for (const auto& [id, uid] : first.new_rating_uids) uids.ratings[id] = uid;
  for (const auto& [id, uid] : first.new_set_uids) uids.sets[id] = uid;
  const auto second = changes_toward(laptop_collection(), local, uids, {}, kT + 10000);
  EXPECT_EQ(second.changes, json::object()) << second.changes.dump();
}

TEST(DeviceApply, ARatingUndoneElsewhereGoesAndTheCardIsReplayedWithoutIt) {
  json local = json::object();
  DeviceUids uids{kPhone, {}, {}};
  auto changes = std::vector<DeviceChange>{on(kPhone, kT, TuneFieldChange{5, "learn_status", "learning"}),
                                           on(kPhone, kT + 1000, RatingGiven{kPhone + "-r1", 5, kT + 1000, Rating::Good}),
                                           on(kLaptop, kT + 2000, RatingGiven{kLaptop + "-r4", 5, kT + 2000, Rating::Again})};
  const auto first = changes_toward(merged(changes), local, uids, {}, kT + 3000);
  apply_to(local, first.changes);
  ASSERT_EQ(first.new_rating_uids.at(2), kLaptop + "-r4");
  for (const auto& [id, uid] : first.new_rating_uids) uids.ratings[id] = uid;
  changes.push_back(on(kLaptop, kT + 4000, RatingUndone{kLaptop + "-r4"}));
  const auto apply = changes_toward(merged(changes), local, uids, {}, kT + 5000);
  EXPECT_EQ(apply.changes["ratings"]["removed"], json::array({2}));
  const json* card = row_of(apply.changes, "cards", "tune_id", 5);
  ASSERT_TRUE(card);
  EXPECT_EQ((*card)["reps"], 1) << "the card is the replay of the ratings left";
}

TEST(DeviceApply, ATuneRemovedElsewhereLeavesTheCollectionWithItsCardAndKeepsItsRatingsAsHistory) {
  json local = json::object();
  DeviceUids uids{kPhone, {}, {}};
  auto changes = std::vector<DeviceChange>{on(kPhone, kT, TuneFieldChange{5, "learn_status", "learning"}),
                                           on(kPhone, kT + 1000, RatingGiven{kPhone + "-r1", 5, kT + 1000, Rating::Good})};
  apply_to(local, changes_toward(merged(changes), local, uids, {}, kT + 2000).changes);
  changes.push_back(on(kLaptop, kT + 3000, TuneRemoved{5}));
  const auto apply = changes_toward(merged(changes), local, uids, {}, kT + 4000);
  EXPECT_EQ(apply.changes["collection"]["removed"], json::array({5}));
  EXPECT_EQ(apply.changes["cards"]["removed"], json::array({5}));
  const json* rating = row_of(apply.changes, "ratings", "id", 1);
  ASSERT_TRUE(rating);
  EXPECT_EQ((*rating)["tune_removed"], 1);
}

TEST(DeviceApply, HeardNeverGoesBelowZero) {
  const auto apply = changes_toward(merged({on(kPhone, kT, TuneFieldChange{5, "learn_status", "learning"}),
                                            on(kLaptop, kT + 1, HeardChange{5, -1})}),
                                    json::object(), {kPhone, {}, {}}, {}, kT + 2);
  EXPECT_EQ((*row_of(apply.changes, "collection", "tune_id", 5))["heard_count"], 0);
}

TEST(DeviceApply, ASetFromThesessionKeepsItsIdThereAndMeetsTheOneAlreadyHere) {
  json local = {{"sets", {{"put", json::array({{{"id", 3}, {"name", "Old name"}, {"notes", ""}, {"created_at", kT},
                                                 {"updated_at", kT}, {"thesession_id", 777}, {"thesession_url", ""},
                                                 {"entries", json::array()}}})}}}};
  const auto apply = changes_toward(merged({on(kLaptop, kT + 1, SetFieldChange{"thesession-777", "name", "New name"}),
                                            on(kLaptop, kT + 2, SetFieldChange{"thesession-888", "name", "Another"})}),
                                    local, {kPhone, {}, {}}, {}, kT + 3);
  const json* renamed = row_of(apply.changes, "sets", "id", 3);
  ASSERT_TRUE(renamed);
  EXPECT_EQ((*renamed)["name"], "New name");
  const json* made = row_of(apply.changes, "sets", "id", 4);
  ASSERT_TRUE(made);
  EXPECT_EQ((*made)["thesession_id"], 888);
}

TEST(DeviceApply, OnlyThePracticeSettingsChangeAndTheRestStayAsTheyAre) {
  const json local = {{"settings", {{"all", json::array({{{"key", "member_id"}, {"value", "100300"}},
                                                         {{"key", "practice.per_day"}, {"value", "20"}}})}}}};
  const auto apply = changes_toward(merged({on(kLaptop, kT, SettingChange{"practice.per_day", "12"})}), local,
                                    {kPhone, {}, {}}, {}, kT + 1);
  EXPECT_EQ(apply.changes["settings"]["all"],
            json::parse(R"([{"key":"member_id","value":"100300"},{"key":"practice.per_day","value":"12"}])"));
}

}  // namespace
}  // namespace tt
