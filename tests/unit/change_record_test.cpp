// The change log's pure parts: the hybrid logical clock that orders changes
// across devices, and the strict reading of a record.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "core/change_record.h"
#include "core/hybrid_clock.h"

namespace tt {
namespace {

using nlohmann::json;

TEST(HybridClock, FollowsTheWallClockWhenItMovesOn) {
  EXPECT_EQ(hlc_next({1000, 5}, 2000), (HlcStamp{2000, 0}));
}

TEST(HybridClock, StillOrdersChangesWhenTheClockStandsStillOrStepsBack) {
  HlcStamp last{5000, 0};
  for (const int64_t wall : {5000, 4000, 100, 5000}) {
    const HlcStamp next = hlc_next(last, wall);
    EXPECT_TRUE(last < next) << to_string(last) << " then " << to_string(next);
    EXPECT_EQ(next.wall_ms, 5000);  // never behind what it has seen
    last = next;
  }
  EXPECT_EQ(last.counter, 4);
}

TEST(HybridClock, ACounterAtItsLimitMovesToTheNextMillisecond) {
  EXPECT_EQ(hlc_next({7, kHlcMaxCounter}, 7), (HlcStamp{8, 0}));
}

TEST(HybridClock, AStampFromAnotherDeviceAheadOfUsIsPassed) {
  const HlcStamp remote{9000, 3};
  const HlcStamp after = hlc_receive({5000, 1}, remote, 6000);
  EXPECT_TRUE(remote < after);
  EXPECT_EQ(after, (HlcStamp{9000, 4}));
  EXPECT_EQ(hlc_receive({5000, 1}, {4000, 9}, 7000), (HlcStamp{7000, 0}));  // our clock is ahead of both
  EXPECT_EQ(hlc_receive({5000, 8}, {5000, 2}, 100), (HlcStamp{5000, 9}));
}

TEST(HybridClock, TextOrderIsStampOrderAndReadsBack) {
  const HlcStamp a{999, 12}, b{1000, 0};
  EXPECT_LT(to_string(a), to_string(b));
  EXPECT_EQ(to_string(b), "000000000001000-000000");
  const auto read = parse_hlc(to_string(a));
  ASSERT_TRUE(read) << read.error;
  EXPECT_EQ(*read, a);
  for (const char* bad : {"", "1000-0", "000000000001000_000000", "00000000000100x-000000", "000000000001000-0000001"}) {
    EXPECT_FALSE(parse_hlc(bad)) << bad;
  }
  EXPECT_NE(parse_hlc("1000-0").error.find("15 digits"), std::string::npos);
}

json good_record() {
  return {{"seq", 3}, {"hlc", "001700000000000-000002"}, {"device", std::string(32, 'a')}, {"action", "set_status"},
          {"changes", {{"collection", {{"put", json::array({{{"tune_id", 7}, {"learn_status", "learning"}}})}}},
                       {"settings", {{"all", json::array()}}}}}};
}

TEST(ChangeRecord, AWellFormedRecordReadsBackAsWritten) {
  const auto record = parse_change_record(good_record());
  ASSERT_TRUE(record) << record.error;
  EXPECT_EQ(record->seq, 3);
  EXPECT_EQ(record->hlc, (HlcStamp{1700000000000, 2}));
  EXPECT_EQ(record->action, "set_status");
  EXPECT_EQ(to_json(*record), good_record());
  const ChangeCounts counts = count_changes(record->changes);
  EXPECT_EQ(counts.put, 1u);
  EXPECT_EQ(counts.removed, 0u);
}

TEST(ChangeRecord, EveryMalformedPartIsNamed) {
  struct Case {
    std::function<void(json&)> spoil;
    std::string said;
  };
  const std::vector<Case> cases = {
      {[](json& r) { r["extra"] = 1; }, "unknown member \"extra\""},
      {[](json& r) { r.erase("hlc"); }, "needs \"hlc\""},
      {[](json& r) { r["seq"] = 0; }, "\"seq\""},
      {[](json& r) { r["seq"] = "3"; }, "\"seq\""},
      {[](json& r) { r["hlc"] = "yesterday"; }, "\"hlc\": a clock stamp"},
      {[](json& r) { r["device"] = "ABC"; }, "\"device\""},
      {[](json& r) { r["action"] = "Set Status"; }, "\"action\""},
      {[](json& r) { r["changes"] = json::array(); }, "\"changes\" must be an object"},
      {[](json& r) { r["changes"]["tunez"] = json::object(); }, "unknown kind \"tunez\""},
      {[](json& r) { r["changes"]["collection"]["removed"] = json::array({"7"}); }, "whole numbers"},
      {[](json& r) { r["changes"]["collection"]["all"] = json::array(); }, "unknown member \"all\""},
      {[](json& r) { r["changes"]["settings"]["put"] = json::array(); }, "unknown member \"put\""},
      {[](json& r) { r["changes"]["collection"]["put"] = json::array({1}); }, "must hold objects"},
      {[](json& r) { r["changes"]["collection"] = 5; }, "must be an object"},
      {[](json& r) { r["changes"]["collection"]["put"][0]["tune_id"] = nullptr; }, "whole-number \"tune_id\""},
      {[](json& r) { r["changes"]["collection"]["put"][0].erase("tune_id"); }, "whole-number \"tune_id\""},
      {[](json& r) { r["changes"]["sets"] = {{"put", json::array({{{"id", 1}, {"name", "A"}}})}}; }, "\"entries\" list"},
      {[](json& r) { r["changes"]["settings"] = json::object(); }, "changes.settings needs \"all\""},
  };
  for (const auto& c : cases) {
    json doc = good_record();
    c.spoil(doc);
    const auto record = parse_change_record(doc);
    EXPECT_FALSE(record) << doc.dump();
    EXPECT_NE(record.error.find(c.said), std::string::npos) << record.error << " / wanted: " << c.said;
  }
  EXPECT_FALSE(parse_change_record(json::array()));
}

TEST(ChangeRecord, KindsAreAppliedWhatIsReferredToFirst) {
  std::vector<std::string> names;
  for (const auto& k : change_kinds()) names.emplace_back(k.name);
  const auto at = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
  EXPECT_LT(at("tunes"), at("collection"));
  EXPECT_LT(at("tunes"), at("sets"));
  EXPECT_LT(at("sets"), at("set_queue"));
  EXPECT_EQ(change_kind_of_table("practice_log")->name, "ratings");
  EXPECT_EQ(change_kind_named("nothing"), nullptr);
}

TEST(ChangeRecord, ThisDevicesOwnSettingsAreNotTheCollections) {
  EXPECT_TRUE(is_device_setting("keep.last_export_ms"));
  EXPECT_FALSE(is_device_setting("member_id"));
  EXPECT_FALSE(is_device_setting("keep"));
}

}  // namespace
}  // namespace tt
