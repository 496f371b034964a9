// Your devices, natively: the page keeps the account on this device (the
// device sync's own table, never the change log), asks for a device sync
// when it opens, a few seconds after a change, when it is back online and
// every half minute; it says a refused password once and waits for the
// musician, tries an unreachable server less and less often, shows what
// another device sent (and keeps listing notes kept from two devices until
// cleared), and never puts the password in its snapshot. The sync
// itself (effect::SyncDevices) is the shell's, tested against real servers
// in tests/devices.
#include <algorithm>

#include "core/change_record.h"
#include "shell/device_sync_state.h"
#include "tests/integration/web_page.h"

namespace tt {
namespace {

using testing::WebPage;
namespace ev = web::event;
namespace fx = web::effect;

constexpr const char* kFolder = "https://cloud.example.org/dav/tunetrack/";
constexpr const char* kPassword = "app-password-1";

void type_account(WebPage& page, const std::string& password = kPassword) {
  page.dispatch(ev::DevicesFieldEdited{"folder_url", kFolder});
  page.dispatch(ev::DevicesFieldEdited{"user", "ann"});
  page.dispatch(ev::DevicesFieldEdited{"password", password});
  page.dispatch(ev::DevicesFieldEdited{"device_name", "laptop"});
  page.dispatch(ev::DevicesFieldLeft{});
}

// The sync asked for ends with `outcome` (and its save is done).
void sync_ends(WebPage& page, web::DevicesSyncOutcome outcome = {}) {
  page.dispatch(ev::DevicesSynced{std::move(outcome)});
  if (page.model.saving) page.dispatch(ev::Saved{""});
}

// The id and delay of the device sync's timer, if one waits.
std::optional<int64_t> next_sync_in(const WebPage& page) {
  const uint64_t id = page.model.devices.timer;
  if (id == 0) return std::nullopt;
  for (const auto& t : page.timers) {
    if (t.id == id) return t.delay_ms;
  }
  return std::nullopt;
}

TEST(WebDevices, TheAccountIsKeptOnThisDeviceAndSyncNowSendsIt) {
  WebPage page;
  page.open();
  EXPECT_TRUE(page.device_syncs.empty()) << "nothing to sync with yet";
  type_account(page);
  page.dispatch(ev::SyncDevicesNow{});
  const auto asked = page.device_syncs;
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].folder_url, kFolder);
  EXPECT_EQ(asked[0].user, "ann");
  EXPECT_EQ(asked[0].password, kPassword);
  EXPECT_EQ(asked[0].device_name, "laptop");
  EXPECT_TRUE(page.model.devices.syncing);
  // Pressed again while it runs: one more after it, not two at once.
  page.dispatch(ev::SyncDevicesNow{});
  EXPECT_EQ(page.device_syncs.size(), 1u);

  // Kept in the device sync's own table, and not in the change log (it never
  // travels to another device or into an export).
  DeviceSyncState state(page.services.store->sqlite_handle());
  EXPECT_EQ(state.value("page.folder_url").value_or(""), kFolder);
  EXPECT_EQ(state.value("page.password").value_or(""), kPassword);
  for (const auto& record : page.services.store->change_log()) {
    const std::string text = to_json(record).dump();
    EXPECT_EQ(text.find(kPassword), std::string::npos) << text;
  }
  EXPECT_EQ(page.snapshot().dump().find(kPassword), std::string::npos) << "the snapshot never shows the password";
  EXPECT_TRUE(page.snapshot()["devices"]["password_kept"].get<bool>());

  sync_ends(page);
  page.pass(0);
  EXPECT_EQ(page.device_syncs.size(), 2u) << "the press made while it ran";
}

TEST(WebDevices, APageThatOpensWithAnAccountSyncsAndThenEveryHalfMinute) {
  WebPage page;
  page.open();
  type_account(page);
  page.dispatch(ev::Saved{""});
  WebPage reopened;
  reopened.services.db_path = page.services.db_path;  // the same IndexedDB file, a new page
  reopened.open();
  reopened.pass(0);
  ASSERT_EQ(reopened.device_syncs.size(), 1u) << "the page opened";
  EXPECT_EQ(reopened.model.devices.folder_url, kFolder);
  EXPECT_EQ(reopened.model.devices.device_name, "laptop") << "the name this device gave itself";
  sync_ends(reopened);
  EXPECT_EQ(next_sync_in(reopened), web::kDevicesEveryMs);
  reopened.pass(web::kDevicesEveryMs);
  EXPECT_EQ(reopened.device_syncs.size(), 2u) << "half a minute later";
}

TEST(WebDevices, AChangeIsSentAFewSecondsLaterAndComingBackOnlineSyncsAtOnce) {
  WebPage page;
  page.open();
  type_account(page);
  page.dispatch(ev::SyncDevicesNow{});
  sync_ends(page);
  page.dispatch(ev::AddTune{TuneSummary{7, "The Kesh", "jig", ""}});
  EXPECT_EQ(next_sync_in(page), web::kDevicesAfterChangeMs) << "sooner than the half-minute sync";
  page.pass(web::kDevicesAfterChangeMs);
  ASSERT_EQ(page.device_syncs.size(), 2u);
  sync_ends(page);
  page.dispatch(ev::OnlineChanged{false});
  page.dispatch(ev::OnlineChanged{true});
  page.pass(0);
  EXPECT_EQ(page.device_syncs.size(), 3u) << "back online";
}

TEST(WebDevices, ARefusedPasswordIsSaidAndNotAskedAgainUntilTheMusicianActs) {
  WebPage page;
  page.open();
  type_account(page, "wrong");
  page.dispatch(ev::SyncDevicesNow{});
  web::DevicesSyncOutcome refused;
  refused.failure = "credentials";
  refused.message = "The server refused the user name or app password.";
  page.dispatch(ev::AddTune{TuneSummary{6, "Banish Misfortune", "jig", ""}});  // while it ran
  sync_ends(page, refused);
  EXPECT_TRUE(page.model.devices.paused);
  EXPECT_FALSE(next_sync_in(page)) << "asking again would be refused again";
  const auto& lines = page.model.announcements.lines;
  EXPECT_NE(std::find(lines.begin(), lines.end(), "Devices not synced: " + refused.message), lines.end());
  page.pass(web::kDevicesEveryMs);
  EXPECT_EQ(page.device_syncs.size(), 1u) << "the change made while it ran does not ask again";
  page.dispatch(ev::AddTune{TuneSummary{8, "Out on the Ocean", "jig", ""}});
  EXPECT_FALSE(next_sync_in(page)) << "a change does not bring it back either";
  page.dispatch(ev::DevicesFieldEdited{"password", kPassword});
  page.dispatch(ev::DevicesFieldLeft{});
  page.dispatch(ev::SyncDevicesNow{});
  EXPECT_EQ(page.device_syncs.size(), 2u);
}

TEST(WebDevices, AnUnreachableServerIsTriedLessAndLessOften) {
  WebPage page;
  page.open();
  type_account(page);
  web::DevicesSyncOutcome unavailable;
  unavailable.failure = "unavailable";
  unavailable.message = "The server did not answer.";
  std::vector<int64_t> waits;
  page.dispatch(ev::SyncDevicesNow{});
  for (int i = 0; i < 6; ++i) {
    sync_ends(page, unavailable);
    const auto wait = next_sync_in(page);
    ASSERT_TRUE(wait);
    waits.push_back(*wait);
    page.pass(static_cast<double>(*wait));
    ASSERT_EQ(page.device_syncs.size(), static_cast<size_t>(i + 2));
  }
  EXPECT_EQ(waits, (std::vector<int64_t>{30000, 60000, 120000, 240000, 300000, 300000}));
}

TEST(WebDevices, WhatAnotherDeviceSentIsShownAndSaid) {
  WebPage page;
  page.open();
  type_account(page);
  page.dispatch(ev::SyncDevicesNow{});
  // The shell wrote another device's tune here during the sync.
  page.services.store->add_tune({9, "Tune 9", "reel", ""}, LearnStatus::Learning, "device_sync");
  web::DevicesSyncOutcome received;
  received.changes_received = 3;
  received.files_fetched = 1;
  received.wrote_here = true;
  received.devices = {"laptop", "phone"};
  received.conflicts = {{9, "Tune 9", "phone", 5000}};
  sync_ends(page, received);
  EXPECT_EQ(page.model.collection.entries().size(), 1u) << "the list read again";
  const auto& lines = page.model.announcements.lines;
  EXPECT_NE(std::find(lines.begin(), lines.end(), "Devices synced: 3 changes from your other devices."), lines.end());
  const auto snap = page.snapshot()["devices"];
  EXPECT_EQ(snap["last"]["devices"], nlohmann::json::array({"laptop", "phone"}));
  EXPECT_EQ(snap["last"]["conflicts"][0]["name"], "Tune 9");

  // The conflicts stay listed on this device (after a reload too) until cleared.
  page.dispatch(ev::Saved{""});
  WebPage reloaded;
  reloaded.services.db_path = page.services.db_path;
  reloaded.open();
  ASSERT_EQ(reloaded.model.devices.conflicts.size(), 1u);
  EXPECT_EQ(reloaded.model.devices.conflicts[0].tune_name, "Tune 9");
  EXPECT_EQ(reloaded.model.devices.conflicts[0].kept_from, "phone");
  reloaded.dispatch(ev::ClearDeviceConflicts{});
  EXPECT_TRUE(reloaded.snapshot()["devices"]["conflicts"].empty());
  WebPage again;
  again.services.db_path = page.services.db_path;
  again.open();
  EXPECT_TRUE(again.model.devices.conflicts.empty());
}

TEST(WebDevices, AReadOnlyTabNeverSyncsAndOneThatTakesOverSyncsOnceItHasReadTheDatabase) {
  WebPage first;
  first.open();
  type_account(first);
  first.dispatch(ev::Saved{""});
  WebPage second;
  second.services.db_path = first.services.db_path;  // the same IndexedDB file
  second.open(0);
  second.pass(web::kDevicesEveryMs);
  EXPECT_TRUE(second.device_syncs.empty()) << "read-only";
  // The first tab closes: this one takes over, and reads the database again
  // before anything may use it.
  second.dispatch(ev::LockChanged{2});
  second.pass(web::kDevicesEveryMs);
  second.dispatch(ev::SyncDevicesNow{});
  EXPECT_TRUE(second.device_syncs.empty()) << "not on the store about to be replaced";
  second.dispatch(ev::StorageReloaded{""});
  second.pass(0);
  ASSERT_EQ(second.device_syncs.size(), 1u);
  EXPECT_EQ(second.device_syncs[0].folder_url, kFolder);
}

TEST(WebDevices, FieldsBeingTypedAreNeverUsedByASyncThatComesByItself) {
  WebPage page;
  page.open();
  type_account(page);
  page.dispatch(ev::SyncDevicesNow{});
  sync_ends(page);
  page.dispatch(ev::DevicesFieldEdited{"folder_url", "https://cloud.exa"});  // still typing
  page.pass(web::kDevicesEveryMs);
  EXPECT_EQ(page.device_syncs.size(), 1u);
  page.dispatch(ev::DevicesFieldEdited{"folder_url", kFolder});
  page.dispatch(ev::DevicesFieldLeft{});
  page.pass(web::kDevicesEveryMs);
  EXPECT_EQ(page.device_syncs.size(), 2u) << "with the account as saved";
}

TEST(WebDevices, AChangeDoesNotCutTheWaitForAnUnavailableServerShort) {
  WebPage page;
  page.open();
  type_account(page);
  page.dispatch(ev::SyncDevicesNow{});
  web::DevicesSyncOutcome unavailable;
  unavailable.failure = "unavailable";
  unavailable.message = "The server did not answer.";
  sync_ends(page, unavailable);
  page.pass(30000);
  ASSERT_EQ(page.device_syncs.size(), 2u);
  sync_ends(page, unavailable);  // a second failure: a minute's wait
  ASSERT_EQ(next_sync_in(page), 60000);
  page.dispatch(ev::AddTune{TuneSummary{7, "The Kesh", "jig", ""}});
  EXPECT_EQ(next_sync_in(page), 60000);
  const auto& lines = page.model.announcements.lines;
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "Devices not synced: " + unavailable.message), 1)
      << "the same failure is said once, not at every try";
}

}  // namespace
}  // namespace tt
