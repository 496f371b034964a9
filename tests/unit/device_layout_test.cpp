// The device sync's folder (core/device_layout.h): change files are named by
// their stamps and never confused with anything else, a sync fetches only
// what it has not merged, and a device removes its own files only once every
// device has them and a snapshot holds them.
#include "core/device_layout.h"

#include <gtest/gtest.h>

namespace tt {
namespace {

const std::string kPhone = "11111111111111111111111111111111";
const std::string kLaptop = "22222222222222222222222222222222";
const std::string kTablet = "33333333333333333333333333333333";

std::string file(int64_t first_ms, int64_t last_ms) { return change_file_name({{first_ms, 0}, {last_ms, 2}}); }

TEST(DeviceLayout, ChangeFilesAreNamedByTheirStampsAndNothingElseIsTakenForOne) {
  const std::string name = file(1764410400000, 1764410460000);
  EXPECT_EQ(name, "changes-001764410400000-000000-001764410460000-000002.json");
  const auto range = parse_change_file_name(name);
  ASSERT_TRUE(range);
  EXPECT_EQ(range->first, (HlcStamp{1764410400000, 0}));
  EXPECT_EQ(range->last, (HlcStamp{1764410460000, 2}));
  EXPECT_FALSE(parse_change_file_name(upload_name(name, "9f2c"))) << "an upload not yet moved into place";
  EXPECT_FALSE(parse_change_file_name("device.json"));
  EXPECT_FALSE(parse_change_file_name(file(1764410460000, 1764410400000))) << "a range that ends before it starts";
  EXPECT_FALSE(parse_change_file_name("changes-001764410400000-000000-001764410460000-000002.json.bak"));
  EXPECT_FALSE(parse_change_file_name("changes-00176441040000x-000000-001764410460000-000002.json"));
  EXPECT_EQ(upload_name(name, "9f2c"), "." + name + ".part-9f2c");
}

TEST(DeviceLayout, ASyncFetchesOnlyOtherDevicesFilesNewerThanWhatItMerged) {
  const std::vector<DeviceFolderListing> listing = {
      {kPhone, {file(100, 200), "device.json"}},  // this device
      {kLaptop, {file(300, 400), file(100, 200), ".x.part-1", "device.json"}},
      {kTablet, {file(500, 600)}},
  };
  const auto all = files_to_fetch(listing, kPhone, {});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, file(100, 200)) << "a device's files in stamp order";
  EXPECT_EQ(all[0].device, kLaptop);
  EXPECT_EQ(all[1].name, file(300, 400));
  EXPECT_EQ(all[2].device, kTablet);
  // After merging the laptop's first file and all of the tablet's: one left.
  const auto rest = files_to_fetch(listing, kPhone, {{kLaptop, {200, 2}}, {kTablet, {600, 2}}});
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].name, file(300, 400));
}

TEST(DeviceLayout, SnapshotsAreNamedByTheirNewestStampAndADeviceStartsFromEachUnmergedDevicesNewest) {
  const std::string name = snapshot_file_name({1764410460000, 2});
  EXPECT_EQ(name, "snapshot-001764410460000-000002.json");
  EXPECT_EQ(parse_snapshot_file_name(name), (HlcStamp{1764410460000, 2}));
  EXPECT_FALSE(parse_change_file_name(name)) << "a snapshot is not a change file";
  EXPECT_FALSE(parse_snapshot_file_name(file(100, 200)));
  EXPECT_FALSE(parse_snapshot_file_name(upload_name(name, "9f2c")));
  EXPECT_FALSE(parse_snapshot_file_name("snapshot-01764410460000-000002.json")) << "only the spelling it makes";

  const std::vector<DeviceFolderListing> listing = {
      {kPhone, {snapshot_file_name({900, 0})}},  // this device's own: never taken
      {kLaptop, {snapshot_file_name({500, 0}), snapshot_file_name({300, 0}), file(100, 600)}},
      {kTablet, {snapshot_file_name({400, 0})}},
  };
  const auto all = snapshots_to_take(listing, kPhone, {});
  ASSERT_EQ(all.size(), 2u) << "each device's newest, not only the newest of all";
  EXPECT_EQ(all[0].device, kLaptop);
  EXPECT_EQ(all[0].name, snapshot_file_name({500, 0}));
  EXPECT_EQ(all[1].name, snapshot_file_name({400, 0}));
  const auto rest = snapshots_to_take(listing, kPhone, {{kLaptop, {200, 2}}});
  ASSERT_EQ(rest.size(), 1u) << "a device merged already needs its change files, not its snapshot";
  EXPECT_EQ(rest[0].device, kTablet);
  EXPECT_TRUE(snapshots_to_take({{kLaptop, {file(100, 600)}}}, kPhone, {}).empty()) << "no snapshot yet";
  EXPECT_EQ(files_to_fetch(listing, kPhone, {}).size(), 1u) << "snapshots are not change files to fetch";
}

TEST(DeviceLayout, ADevicesSmallFileSaysItsNameAndWhatItMergedOrIsNotTaken) {
  const DeviceAbout about{"Ann's phone", {{kLaptop, {300, 1}}, {kTablet, {500, 0}}}};
  const auto read = parse_device_about(device_about_text(about));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->name, about.name);
  EXPECT_EQ(read->merged, about.merged);
  EXPECT_EQ(parse_device_about(R"({"name":")" + std::string(300, 'x') + R"(","merged":{}})")->name.size(),
            kMaxDeviceNameBytes);
  EXPECT_FALSE(parse_device_about("not json"));
  EXPECT_FALSE(parse_device_about(R"({"name":"x"})")) << "what it merged is unknown";
  EXPECT_FALSE(parse_device_about(R"({"name":"x","merged":{"laptop":"000000000000300-000001"}})")) << "not a device id";
  EXPECT_FALSE(parse_device_about(R"({"name":"x","merged":{")" + kLaptop + R"(":"soon"}})"));
}

TEST(DeviceLayout, OwnFilesAreRemovedOnlyOnceEveryDeviceHasThemAndASnapshotHoldsThem) {
  DeviceFolderListing own = {kPhone, {file(100, 200), file(300, 400), file(500, 600), "device.json"}};
  std::map<std::string, std::optional<MergedUpTo>> others = {{kLaptop, MergedUpTo{{kPhone, {600, 2}}}},
                                                             {kTablet, MergedUpTo{{kPhone, {400, 2}}}}};
  EXPECT_TRUE(own_files_to_remove(own, others).empty()) << "no snapshot holds them yet";
  own.names.push_back(snapshot_file_name({450, 0}));
  EXPECT_EQ(own_files_to_remove(own, others), (std::vector<std::string>{file(100, 200), file(300, 400)}))
      << "the tablet has not merged the third, and the snapshot does not hold it";
  own.names.push_back(snapshot_file_name({700, 0}));
  EXPECT_EQ(own_files_to_remove(own, others),
            (std::vector<std::string>{snapshot_file_name({450, 0}), file(100, 200), file(300, 400)}))
      << "an older snapshot goes; the tablet still needs the third";
  others[kTablet] = std::nullopt;  // its device.json could not be read
  EXPECT_EQ(own_files_to_remove(own, others), std::vector<std::string>{snapshot_file_name({450, 0})});
  others[kTablet] = MergedUpTo{};  // it never merged anything of this device
  EXPECT_EQ(own_files_to_remove(own, others), std::vector<std::string>{snapshot_file_name({450, 0})});
}

}  // namespace
}  // namespace tt
