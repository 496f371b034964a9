// The device sync end to end: three devices (each its own database) that
// edit offline and sync in any order through a real WebDAV server from
// Debian (rclone's and nginx's), ending with the same collection; the merge
// rules a musician relies on; what a second sync costs; and the faults.
#include "shell/device_sync.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/device_outbox.h"
#include "shell/device_sync_state.h"
#include "shell/native_http.h"
#include "tests/integration/test_support.h"
#include "tests/devices/webdav_servers.h"

namespace tt {
namespace {

using nlohmann::json;
using testing::WebDavServer;
using testing::WebDavServerKind;

constexpr int64_t kT = 1764410400000;  // 2025-11-29 10:00 UTC

// One device: its database, with a clock of its own.
struct Device {
  Device(const testing::TempDir& dir, const std::string& name, int64_t clock_offset_ms)
      : name(name), now(kT + clock_offset_ms), store(dir.path(name + ".db"), [this] { return now += 1000; }) {}
  std::string name;
  int64_t now;
  Store store;
};

// What a musician sees of a collection: to compare two devices.
json seen(Store& store) {
  json out;
  for (const auto& e : store.list_collection()) {
    out["tunes"][std::to_string(e.tune_id)] = {{"name", e.name}, {"status", std::string(to_string(e.status))},
                                               {"learned_at", e.learned_at_ms ? json(*e.learned_at_ms) : json(nullptr)},
                                               {"heard", e.heard_count}, {"notes", e.notes}};
  }
  for (const auto& row : store.practice_log_since(0)) {
    out["ratings"].push_back({row.tune_id, row.at_ms, std::string(to_string(row.rating))});
  }
  for (const auto& [tune, card] : store.practice_cards()) out["cards"][std::to_string(tune)] = {card.reps, card.due_ms};
  for (const auto& set : store.list_sets()) {
    json entries = json::array();
    for (const auto& e : set.entries) entries.push_back(e.tune_id);
    out["sets"][set.name] = {{"notes", set.notes}, {"entries", entries}};
  }
  out["limits"] = {store.practice_limits().per_day, store.practice_limits().new_per_day};
  return out;
}

class DeviceSyncTest : public ::testing::TestWithParam<WebDavServerKind> {
 protected:
  void SetUp() override {
    std::string why_not;
    server_ = WebDavServer::start(GetParam(), why_not);
    if (!server_) GTEST_SKIP() << why_not;
  }

  DeviceSyncReport sync(Device& device, const std::string& password = "",
                        std::function<void(int)> on_file_fetched = nullptr) {
    std::string error;
    RetryPolicy retry;
    retry.initial_delay_ms = 1;
    auto folder = WebDavFolder::open({server_->folder_url(), server_->user(), password.empty() ? server_->password() : password},
                                     error, native_http(), retry);
    EXPECT_TRUE(folder) << error;
    DeviceSyncOptions options;
    options.device_name = device.name;
    options.now_ms = device.now;
    options.nonce = "0a1b";
    options.snapshot_every = snapshot_every_;
    options.on_file_fetched = std::move(on_file_fetched);
    DeviceSyncReport report = run_now(sync_devices(device.store, *folder, options));
    EXPECT_EQ(report.error.failure, WebDavFailure::None) << report.error.message;
    return report;
  }

  static void add_kesh(Store& store) {
    store.add_tune({5, "The Kesh", "jig", "https://thesession.org/tunes/5"}, LearnStatus::WantToLearn, "manual");
  }
  // The phone learns the Kesh and both devices sync: the laptop has it too.
  void both_learning_the_kesh(Device& phone, Device& laptop) {
    add_kesh(phone.store);
    phone.store.set_status(5, LearnStatus::Learning);
    sync(phone);
    sync(laptop);
  }

  // The files in a device's own folder, as the server lists them.
  std::vector<std::string> folder_of(Device& device) {
    std::string error;
    auto folder = WebDavFolder::open({server_->folder_url(), server_->user(), server_->password()}, error, native_http());
    EXPECT_TRUE(folder) << error;
    const auto listed = run_now(folder->list("tunetrack-devices/" + device.store.device_id()));
    EXPECT_TRUE(listed.ok()) << listed.error.message;
    std::vector<std::string> names;
    for (const auto& entry : *listed.value) names.push_back(entry.name);
    std::sort(names.begin(), names.end());
    return names;
  }

  testing::TempDir dir_;
  std::unique_ptr<WebDavServer> server_;
  int snapshot_every_ = kChangeFilesPerSnapshot;
};

TEST_P(DeviceSyncTest, ThreeDevicesThatEditOfflineEndWithTheSameCollectionWhateverTheOrder) {
  Device phone(dir_, "phone", 0), laptop(dir_, "laptop", 60000), tablet(dir_, "tablet", -3 * 3600000);  // the tablet's clock is 3 h slow
  const FsrsParameters params;
  add_kesh(phone.store);
  phone.store.set_status(5, LearnStatus::Learning);
  phone.store.heard(5, false);
  phone.store.set_notes(5, "starts on D");
  sync(phone);
  sync(laptop);
  sync(tablet);
  ASSERT_EQ(seen(laptop.store), seen(phone.store));
  ASSERT_EQ(seen(tablet.store), seen(phone.store));

  // Offline, all three.
  phone.store.heard(5, false);
  phone.store.set_notes(5, "starts on D; phone's variation");
  phone.store.rate(5, Rating::Good, params, phone.now += 60000);
  laptop.store.heard(5, false);
  laptop.store.set_notes(5, "starts on D; laptop's ending");  // the same notes, at once
  laptop.store.rate(5, Rating::Hard, params, laptop.now += 120000);
  tablet.store.heard(5, false);
  const int64_t set_id = tablet.store.create_set("Kesh set", "for Tuesdays");
  tablet.store.add_set_entry(set_id, 5);
  tablet.store.set_practice_limits({12, 4});
  tablet.store.set_status(5, LearnStatus::Learned);

  sync(tablet);
  sync(laptop);
  const auto phone_report = sync(phone);
  sync(tablet);
  sync(laptop);

  const json expected = seen(phone.store);
  EXPECT_EQ(seen(laptop.store), expected);
  EXPECT_EQ(seen(tablet.store), expected);
  // Each rule, as the musician sees it:
  EXPECT_EQ(expected["tunes"]["5"]["heard"], 4) << "every device's presses add up";
  const std::string notes = expected["tunes"]["5"]["notes"];
  EXPECT_NE(notes.find("phone's variation"), std::string::npos) << notes;
  EXPECT_NE(notes.find("laptop's ending"), std::string::npos) << "notes written at once keep both texts: " << notes;
  EXPECT_NE(notes.find("--- also written on"), std::string::npos) << notes;
  EXPECT_EQ(expected["ratings"].size(), 2u) << "the union of the ratings";
  EXPECT_EQ(expected["cards"]["5"][0], 2) << "the card is the replay of both";
  EXPECT_EQ(expected["tunes"]["5"]["status"], "learned") << "the tablet's status came last by the hybrid clock";
  EXPECT_EQ(expected["sets"]["Kesh set"]["entries"], json::array({5}));
  EXPECT_EQ(expected["limits"], json::array({12, 4})) << "practice limits travel";
  EXPECT_EQ(phone_report.devices.size(), 3u);
  EXPECT_EQ(phone_report.conflicts.size(), 1u);
}

TEST_P(DeviceSyncTest, ARatingUndoneOnOneDeviceIsUndoneEverywhere) {
  Device phone(dir_, "phone", 0), laptop(dir_, "laptop", 1000);
  both_learning_the_kesh(phone, laptop);
  laptop.store.rate(5, Rating::Good, {}, laptop.now += 60000);
  sync(laptop);
  sync(phone);
  ASSERT_EQ(phone.store.practice_log_since(0).size(), 1u);
  ASSERT_TRUE(phone.store.undo_last_rating()) << "the laptop's rating, undone on the phone";
  sync(phone);
  sync(laptop);
  EXPECT_TRUE(laptop.store.practice_log_since(0).empty());
  EXPECT_FALSE(laptop.store.practice_card(5));
}

// The page keeps the account it syncs with in the sync's own table: the
// first sync with a folder (which starts the bookkeeping over) leaves it be.
TEST_P(DeviceSyncTest, ThePagesOwnAccountSurvivesTheFirstSyncWithAFolder) {
  Device phone(dir_, "phone", 0);
  add_kesh(phone.store);
  DeviceSyncState(phone.store.sqlite_handle()).set_value("page.folder_url", server_->folder_url());
  DeviceSyncState(phone.store.sqlite_handle()).set_value("page.password", "kept");
  sync(phone);
  DeviceSyncState state(phone.store.sqlite_handle());
  EXPECT_EQ(state.value("page.folder_url").value_or(""), server_->folder_url());
  EXPECT_EQ(state.value("page.password").value_or(""), "kept");
  EXPECT_TRUE(state.value("last_sync_ms")) << "a sync that went all the way";
}

// The page goes on taking changes while a sync waits for the network: the
// merged write at the end must not undo them.
TEST_P(DeviceSyncTest, AChangeMadeHereWhileFilesArriveIsKeptAndSentWithTheNextSync) {
  Device phone(dir_, "phone", 0), laptop(dir_, "laptop", 1000);
  both_learning_the_kesh(phone, laptop);
  laptop.store.set_notes(5, "the laptop's ending");
  sync(laptop);

  int edits = 0;
  const auto report = sync(phone, "", [&](int) {
    if (edits++ > 0) return;
    phone.store.set_status(5, LearnStatus::Learned);  // tapped while the laptop's file came
    phone.store.heard(5, false);
  });
  ASSERT_EQ(report.files_fetched, 1);
  ASSERT_TRUE(report.wrote_here);
  const json here = seen(phone.store)["tunes"]["5"];
  EXPECT_EQ(here["notes"], "the laptop's ending") << "what came is merged";
  EXPECT_EQ(here["status"], "learned") << "the change made during the sync is not undone";
  EXPECT_EQ(here["heard"], 1);

  EXPECT_EQ(sync(phone).changes_sent, 3) << "status, learned date and the \"+\" go with the next sync";
  sync(laptop);
  EXPECT_EQ(seen(laptop.store), seen(phone.store));
}

TEST_P(DeviceSyncTest, ASecondSyncWithNothingNewOnlyListsTheFolders) {
  Device phone(dir_, "phone", 0), laptop(dir_, "laptop", 1000);
  add_kesh(phone.store);
  sync(phone);
  sync(laptop);
  sync(phone);
  const auto again = sync(phone);
  EXPECT_EQ(again.changes_sent, 0);
  EXPECT_EQ(again.files_fetched, 0);
  EXPECT_FALSE(again.wrote_here);
  EXPECT_EQ(again.traffic.requests, 2) << "one listing of the devices, one of the laptop's folder";
  // One rating later: a small file and the listings.
  laptop.store.set_status(5, LearnStatus::Learning);
  laptop.store.rate(5, Rating::Good, {}, laptop.now += 60000);
  const auto sent = sync(laptop);
  EXPECT_LT(sent.traffic.bytes_sent, 2048 + 4096) << "the changes and the device's small state file";
  const auto received = sync(phone);
  EXPECT_EQ(received.files_fetched, 1);
  EXPECT_LT(received.traffic.bytes_received, 2048 + 4096) << "the file, the laptop's name and the listings";
}

TEST_P(DeviceSyncTest, AHostileFileIsRefusedByNameAndEverythingElseIsMerged) {
  Device phone(dir_, "phone", 0), laptop(dir_, "laptop", 1000), stranger(dir_, "stranger", 2000);
  add_kesh(phone.store);
  sync(phone);
  stranger.store.add_tune({6, "Banish Misfortune", "jig", ""}, LearnStatus::Learning, "manual");
  sync(stranger);
  // Someone with the password writes a file into the stranger's folder, named as a change file would be.
  std::string error;
  auto someone = WebDavFolder::open({server_->folder_url(), server_->user(), server_->password()}, error, native_http());
  ASSERT_TRUE(someone) << error;
  const std::string hostile = R"({"format":"tunetrack-device-changes","version":1,"device":")" + stranger.store.device_id() +
                              R"(","changes":[{"at":"999999999999999-000000","i":0,"kind":"heard","tune":6,"delta":1e308}]})";
  ASSERT_TRUE(run_now(someone->write_new("tunetrack-devices/" + stranger.store.device_id(),
                                 "changes-999999999999990-000000-999999999999999-000000.json", hostile, "ff"))
                  .ok());
  const auto report = sync(laptop);
  ASSERT_EQ(report.refused.size(), 1u);
  EXPECT_NE(report.refused[0].find("changes-999999999999990"), std::string::npos) << report.refused[0];
  EXPECT_NE(report.refused[0].find("change 1"), std::string::npos) << report.refused[0];
  EXPECT_EQ(seen(laptop.store)["tunes"].size(), 2u) << "the phone's and the stranger's good files are merged";
}

TEST_P(DeviceSyncTest, ANewDeviceStartsFromASnapshotAndOldFilesGoOnceEveryDeviceHasThem) {
  snapshot_every_ = 3;
  Device phone(dir_, "phone", 0), laptop(dir_, "laptop", 1000), tablet(dir_, "tablet", 2000);
  add_kesh(phone.store);
  sync(phone);
  sync(laptop);  // has the phone's first file
  phone.store.set_status(5, LearnStatus::Learning);
  sync(phone);
  phone.store.heard(5, false);
  const auto third = sync(phone);
  EXPECT_FALSE(third.snapshot_written.empty()) << "three change files held: a snapshot";
  EXPECT_EQ(third.files_removed, 1) << "only the first: the laptop has not merged the others";
  const auto phone_folder = folder_of(phone);
  EXPECT_EQ(phone_folder.size(), 4u) << "two change files, the snapshot, device.json";
  EXPECT_EQ(std::count_if(phone_folder.begin(), phone_folder.end(),
                          [](const std::string& name) { return name.rfind("snapshot-", 0) == 0; }),
            1);

  const auto fresh = sync(tablet);
  EXPECT_EQ(fresh.snapshots_taken, std::vector<std::string>{third.snapshot_written}) << "a new device starts from the snapshot";
  EXPECT_EQ(fresh.files_fetched, 1) << "and needs no change file it covers";
  EXPECT_EQ(seen(tablet.store), seen(phone.store));
  sync(laptop);  // takes the two change files still there
  EXPECT_EQ(seen(laptop.store), seen(phone.store));

  // Three more: a newer snapshot; the older one goes, and the change files everyone has.
  DeviceSyncReport newest;
  for (const std::string notes : {"a", "ab", "abc"}) {
    phone.store.set_notes(5, notes);
    newest = sync(phone);
  }
  ASSERT_FALSE(newest.snapshot_written.empty());
  EXPECT_NE(newest.snapshot_written, third.snapshot_written);
  EXPECT_EQ(newest.files_removed, 3) << "the older snapshot, and the two change files the laptop and the tablet have";
  EXPECT_EQ(folder_of(phone).size(), 5u) << "the three newest change files, the snapshot, device.json: "
                                         << ::testing::PrintToString(folder_of(phone));
  sync(laptop);
  sync(tablet);
  EXPECT_EQ(seen(laptop.store), seen(phone.store));
  EXPECT_EQ(seen(tablet.store), seen(phone.store));
}

// A full remote, for real: nginx answers 507 when its disk has no room left
// for the device's folder. The sync stops saying so, and nothing is lost:
// the collection here is as it was and its changes are still to send.
TEST(DeviceSyncOnAFullDisk, TheSyncStopsSayingTheStorageIsFullAndKeepsItsChangesToSendLater) {
  std::string why_not;
  const auto server = WebDavServer::start_on_a_full_disk(why_not);
  if (!server) GTEST_SKIP() << why_not;
  testing::TempDir dir;
  Device phone(dir, "phone", 0);
  phone.store.add_tune({5, "The Kesh", "jig", ""}, LearnStatus::Learning, "manual");
  const json before = seen(phone.store);
  std::string error;
  RetryPolicy retry;
  retry.initial_delay_ms = 1;
  auto folder = WebDavFolder::open({server->folder_url(), server->user(), server->password()}, error, native_http(), retry);
  ASSERT_TRUE(folder) << error;
  DeviceSyncOptions options;
  options.now_ms = phone.now;
  options.nonce = "0a1b";
  const DeviceSyncReport report = run_now(sync_devices(phone.store, *folder, options));
  EXPECT_EQ(report.error.failure, WebDavFailure::Full) << report.error.message;
  EXPECT_NE(report.error.message.find("the storage is full"), std::string::npos) << report.error.message;
  EXPECT_EQ(report.changes_sent, 0);
  EXPECT_EQ(seen(phone.store), before);
  EXPECT_EQ(DeviceSyncState(phone.store.sqlite_handle()).sent_seq(), 0) << "its changes are still to send";
}

// A database synced before the outbox's memory was keyed kept it as one
// JSON value: it is moved into the table whole, so what was sent is still
// known (a "+" pressed next goes out as one press, not as the whole count).
TEST(DeviceSyncStateUpgrade, AnOutboxMemoryKeptAsOneValueIsMovedIntoItsTableWhole) {
  testing::TempDir dir;
  Store store(dir.path("phone.db"), [] { return kT; });
  DeviceSyncState state(store.sqlite_handle());
  state.set_value("outbox_memory", R"({"last":[["collection","5",{"tune_id":5,"heard_count":3}],)"
                                   R"(["ratings","7",{"id":7}]],"settings":{"practice.per_day":"12"}})");
  const OutboxMemory memory = state.outbox_memory({{"collection", "5"}});
  ASSERT_EQ(memory.last.count({"collection", "5"}), 1u);
  EXPECT_EQ(memory.last.at({"collection", "5"})["heard_count"], 3);
  EXPECT_EQ(memory.last.count({"ratings", "7"}), 0u) << "only the things asked for are read";
  EXPECT_EQ(memory.settings.at("practice.per_day"), "12");
  EXPECT_FALSE(state.value("outbox_memory")) << "moved, not copied";
  EXPECT_EQ(state.outbox_memory({{"ratings", "7"}}).last.count({"ratings", "7"}), 1u) << "every thing moved";
}

// The command line: what it prints and the exit status a script can rely on.
TEST_P(DeviceSyncTest, TheCommandLineSyncsAndSaysWhyItCouldNotByItsExitStatus) {
  const std::string db = dir_.path("cli.db");
  {
    Store store(db, [] { return kT; });
    add_kesh(store);
  }
  testing::write_file(dir_.path("password"), server_->password() + "\n");
  testing::write_file(dir_.path("wrong"), "guess\n");
  const auto run = [&](const std::string& remote, const std::string& password_file, const std::string& extra = "") {
    return testing::run_command("TUNETRACK_RETRY_DELAY_MS=0 " + std::string(TT_CLI_PATH) + " sync-devices --db " + db +
                                " --remote " + remote + " --user " + server_->user() + " --password-file " +
                                dir_.path(password_file) + " --device laptop " + extra);
  };
  const auto done = run(server_->folder_url(), "password");
  EXPECT_EQ(done.exit_code, 0) << done.err;
  EXPECT_NE(done.out.find("sent"), std::string::npos) << done.out;
  EXPECT_NE(done.out.find("laptop"), std::string::npos) << done.out;
  const auto as_json = run(server_->folder_url(), "password", "--json");
  EXPECT_EQ(as_json.exit_code, 0) << as_json.err;
  const json report = json::parse(as_json.out);
  EXPECT_EQ(report["status"], "done");
  EXPECT_EQ(report["changes_sent"], 0) << "nothing new the second time";
  EXPECT_EQ(report["files_fetched"], 0);

  const auto refused = run(server_->folder_url(), "wrong");
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("password"), std::string::npos) << refused.err;
  const auto missing = run(server_->folder_url() + "no-such-folder/", "password");
  EXPECT_EQ(missing.exit_code, 3) << missing.err;
  const auto plain = run("http://cloud.example.org/tunes/", "password");
  EXPECT_EQ(plain.exit_code, 1);
  EXPECT_NE(plain.err.find("https://"), std::string::npos) << plain.err;
  server_->stop();
  const auto gone = run(server_->folder_url(), "password");
  EXPECT_EQ(gone.exit_code, 4) << gone.err;
  EXPECT_NE(gone.err.find("unavailable"), std::string::npos) << gone.err;
}

INSTANTIATE_TEST_SUITE_P(RealServers, DeviceSyncTest, ::testing::Values(WebDavServerKind::Rclone, WebDavServerKind::Nginx),
                         [](const auto& info) { return std::string(testing::name_of(info.param)); });

}  // namespace
}  // namespace tt
