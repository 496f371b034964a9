// The device sync's snapshot: every change merged so far, compacted
// (DeviceMerge::compacted), so a new device reads one file and the few change
// files newer than it. Compacting must merge exactly like the whole history,
// whatever arrives later; the file must be read as strictly as a change file.
#include <gtest/gtest.h>

#include <random>

#include "core/device_file.h"
#include "core/device_snapshot.h"
#include "core/device_merge.h"
#include "tests/unit/device_test_support.h"

namespace tt {
namespace {

using namespace device_testing;

std::vector<DeviceChange> all_of(const DeviceMerge& merge, const std::vector<DeviceChange>& more) {
  std::vector<DeviceChange> out = merge.compacted();
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

TEST(DeviceSnapshot, ACompactedHistoryMergesExactlyLikeTheWholeOneWhateverArrivesLater) {
  std::mt19937 rng(20261207);
  size_t whole = 0, kept = 0;
  for (int history = 0; history < 1000; ++history) {
    const std::vector<DeviceChange> changes = random_history(rng);
    // Some were merged when the snapshot was made; the rest arrive later, in
    // any order relative to them (a device offline with a wrong clock).
    std::vector<DeviceChange> covered, later;
    for (const auto& c : changes) (rng() % 3 ? covered : later).push_back(c);
    DeviceMerge before_snapshot;
    before_snapshot.add(covered);
    const auto compacted = before_snapshot.compacted();
    whole += covered.size();
    kept += compacted.size();
    ASSERT_LE(compacted.size(), before_snapshot.size());
    ASSERT_EQ(seen(merged(compacted)), seen(before_snapshot.collection())) << "history " << history;
    ASSERT_EQ(seen(merged(all_of(before_snapshot, later))), seen(merged(changes))) << "history " << history;
    // Compacting again changes nothing: two devices compacting agree.
    DeviceMerge again;
    again.add(compacted);
    ASSERT_EQ(again.compacted().size(), compacted.size());
  }
  EXPECT_LT(kept, whole) << "compacting keeps fewer changes than it was given";
}

TEST(DeviceSnapshot, HeardPressesBecomeOneTotalAndSingleValuesTheirLatest) {
  DeviceMerge merge;
  merge.add({on(kPhone, kT, HeardChange{5, 1}), on(kLaptop, kT + 1, HeardChange{5, 1}),
             on(kPhone, kT + 2, HeardChange{5, -1}), on(kPhone, kT + 3, HeardChange{5, 1}),
             on(kPhone, kT + 4, TuneFieldChange{5, "learn_status", "learning"}),
             on(kLaptop, kT + 5, TuneFieldChange{5, "learn_status", "learned"})});
  const auto compacted = merge.compacted();
  ASSERT_EQ(compacted.size(), 2u);
  EXPECT_EQ(std::get<HeardChange>(compacted[0].body).delta, 2);
  EXPECT_EQ(compacted[0].at.hlc.wall_ms, kT + 3) << "under its latest press's stamp";
  EXPECT_EQ(std::get<TuneFieldChange>(compacted[1].body).value, "learned");
}

DeviceSnapshot snapshot_of(const std::vector<DeviceChange>& changes) {
  DeviceMerge merge;
  merge.add(changes);
  DeviceSnapshot snapshot;
  snapshot.device = kPhone;
  for (const auto& c : changes) {
    auto& covered = snapshot.covers[c.at.device];
    if (covered < c.at.hlc) covered = c.at.hlc;
  }
  snapshot.changes = merge.compacted();
  return snapshot;
}

TEST(DeviceSnapshot, ASnapshotIsReadBackAsWritten) {
  std::mt19937 rng(7);
  const auto changes = random_history(rng);
  const DeviceSnapshot snapshot = snapshot_of(changes);
  const auto parsed = parse_device_snapshot(device_snapshot_text(snapshot));
  ASSERT_TRUE(parsed) << parsed.error;
  EXPECT_EQ(parsed->device, kPhone);
  EXPECT_EQ(parsed->covers, snapshot.covers);
  EXPECT_EQ(device_snapshot_text(*parsed), device_snapshot_text(snapshot));
  EXPECT_EQ(seen(merged(parsed->changes)), seen(merged(changes)));
}

std::string refused(const std::string& text) {
  const auto parsed = parse_device_snapshot(text);
  EXPECT_FALSE(parsed) << text;
  EXPECT_TRUE(parsed.value.changes.empty());
  return parsed.error;
}

TEST(DeviceSnapshot, ASnapshotThatClaimsMoreOrLessThanItCoversIsRefusedWhole) {
  DeviceSnapshot snapshot = snapshot_of({on(kPhone, kT, HeardChange{5, 1}), on(kLaptop, kT + 5, HeardChange{5, 1})});
  DeviceSnapshot beyond = snapshot;
  beyond.covers[kLaptop] = {kT + 4, 0};  // a change newer than what it says it covers
  EXPECT_NE(refused(device_snapshot_text(beyond)).find("newer than what the snapshot covers"), std::string::npos);
  DeviceSnapshot stranger = snapshot;
  stranger.covers.erase(kLaptop);
  EXPECT_NE(refused(device_snapshot_text(stranger)).find("newer than what the snapshot covers"), std::string::npos);

  std::string text = device_snapshot_text(snapshot);
  EXPECT_NE(refused(std::string(text).replace(text.find("\"covers\""), 8, "\"covered\"")).find("needs \"covers\""), std::string::npos);
  const std::string device_file = device_file_text(kPhone, {on(kPhone, kT, HeardChange{5, 1})});
  EXPECT_NE(refused(device_file).find("not a tunetrack device snapshot"), std::string::npos);
  EXPECT_NE(refused(R"({"format":"tunetrack-device-snapshot","version":2,"device":"11111111111111111111111111111111","covers":{},"changes":[]})")
                .find("newer tunetrack"),
            std::string::npos);
  EXPECT_NE(refused(R"({"format":"tunetrack-device-snapshot","version":1,"device":"11111111111111111111111111111111","covers":{"x":"1"},"changes":[]})")
                .find("covers"),
            std::string::npos);
  const std::string no_device = R"({"format":"tunetrack-device-snapshot","version":1,"device":"11111111111111111111111111111111",)"
                                R"("covers":{"11111111111111111111111111111111":"001764410400000-000000"},)"
                                R"("changes":[{"at":"001764410400000-000000","i":0,"kind":"heard","tune":5,"delta":1}]})";
  EXPECT_NE(refused(no_device).find("needs \"d\""), std::string::npos);
  EXPECT_FALSE(parse_device_file(device_snapshot_text(snapshot))) << "a snapshot is not a change file";
}

}  // namespace
}  // namespace tt
