// Your devices: the musician's WebDAV folder, kept on this device, "Sync
// devices now", and the syncs that come by themselves: when the page opens
// (once this tab may write), a few seconds after a change, when the device
// is back online, and every half minute while the page is open (a sync with
// nothing new is one listing per device folder). The sync itself runs in
// the browser's shell (effect::SyncDevices) and ends in DevicesSynced.
#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/retry_policy.h"
#include "shell/device_sync_state.h"
#include "web/update/update_context.h"

namespace tt::web {
namespace {

// The account's keys in the device sync's own table of values (never in the
// change log, so never exported or sent to another device).
constexpr const char* kFolderKey = "page.folder_url";
constexpr const char* kUserKey = "page.user";
constexpr const char* kPasswordKey = "page.password";
constexpr const char* kDeviceNameKey = "page.device_name";
constexpr const char* kConflictsKey = "page.conflicts";

nlohmann::json conflicts_json(const std::vector<DeviceConflict>& conflicts) {
  nlohmann::json list = nlohmann::json::array();
  for (const DeviceConflict& c : conflicts) {
    list.push_back({{"tune", c.tune_id}, {"name", c.tune_name}, {"from", c.kept_from}, {"at", c.kept_at_ms}});
  }
  return list;
}

// Kept by this page itself: anything unreadable is an empty list, never an error.
std::vector<DeviceConflict> conflicts_from(const std::string& text) {
  std::vector<DeviceConflict> conflicts;
  const auto list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return conflicts;
  try {
    for (const auto& c : list) {
      conflicts.push_back({c.value("tune", int64_t{0}), c.value("name", std::string()), c.value("from", std::string()),
                           c.value("at", 0.0)});
    }
  } catch (const nlohmann::json::exception&) {
    return {};
  }
  return conflicts;
}

void keep_conflicts(Context& c) {
  DeviceSyncState state(c.services.store->sqlite_handle());
  state.set_value(kConflictsKey, conflicts_json(c.model.devices.conflicts).dump());
}

// After the server was unavailable: half a minute, doubling up to five
// minutes (the product's backoff rule, core/retry_policy.h, with waits for a
// background task).
const RetryPolicy kDevicesWaits{true, 1, kDevicesEveryMs, 2.0, kDevicesMaxRetryMs};

// Only the tab that writes, on the store it will keep: a tab that took over
// reads the database again first, and that store replaces the one it had.
bool may_sync(const Context& c) {
  return c.services.store && c.model.owns_database && !c.model.storage_unavailable && !c.model.devices.reload_pending;
}

void sync_in(Context& c, int64_t delay_ms);

void load_account(Context& c) {
  DevicesState& d = c.model.devices;
  if (!may_sync(c) || d.edited) return;
  DeviceSyncState state(c.services.store->sqlite_handle());
  d.folder_url = state.value(kFolderKey).value_or("");
  d.user = state.value(kUserKey).value_or("");
  d.password = state.value(kPasswordKey).value_or("");
  // The name typed here, else the one a sync gave this device (the CLI's --device).
  const auto names = state.device_names();
  const auto mine = names.find(c.services.store->device_id());
  d.device_name = state.value(kDeviceNameKey).value_or(mine != names.end() ? mine->second : "");
  if (const auto last = state.value("last_sync_ms")) d.last_at_ms = std::atof(last->c_str());
  d.conflicts = conflicts_from(state.value(kConflictsKey).value_or("[]"));
}

void save_account(Context& c) {
  DevicesState& d = c.model.devices;
  if (!d.edited || !c.writable()) return;
  DeviceSyncState state(c.services.store->sqlite_handle());
  state.set_value(kFolderKey, d.folder_url);
  state.set_value(kUserKey, d.user);
  state.set_value(kPasswordKey, d.password);
  state.set_value(kDeviceNameKey, d.device_name);
  d.edited = false;
  actions::Changed kept;
  kept.settings = true;
  kept.musician_change = false;  // this device's own, like its display choices
  c.apply(kept);
  sync_in(c, kDevicesEveryMs);  // the syncs by themselves go on, with this account
}

void cancel_timer(Context& c) {
  DevicesState& d = c.model.devices;
  if (d.timer == 0) return;
  c.out.push_back(effect::CancelTimer{d.timer});
  d.timer = 0;
}

// The next automatic sync in `delay_ms`, unless one is due sooner, or the
// server is being waited for (a change does not cut a backoff short).
void sync_in(Context& c, int64_t delay_ms) {
  DevicesState& d = c.model.devices;
  if (!d.configured() || d.paused || !may_sync(c)) return;
  const double due = c.now + static_cast<double>(delay_ms);
  if (d.timer != 0) {
    if (d.timer_due_ms <= due || d.waits > 0) return;
    cancel_timer(c);
  }
  d.timer = c.model.next_id++;
  d.timer_due_ms = due;
  c.out.push_back(effect::StartTimer{d.timer, delay_ms});
}

// `asked`: "Sync devices now". By itself, the page syncs only with the
// account as saved (never fields half typed) and not while refused.
void start_sync(Context& c, bool asked) {
  DevicesState& d = c.model.devices;
  if (!d.configured() || !may_sync(c)) return;
  if (!asked && (d.edited || d.paused)) return;
  if (d.syncing) {
    d.again = true;
    return;
  }
  cancel_timer(c);
  d.syncing = true;
  d.files_fetched = 0;
  c.out.push_back(effect::SyncDevices{d.folder_url, d.user, d.password, d.device_name, c.now});
}

void on_synced(Context& c, const event::DevicesSynced& e) {
  DevicesState& d = c.model.devices;
  d.syncing = false;
  d.last = e.outcome;
  if (e.outcome.failure.empty()) d.last_at_ms = c.now;
  ++d.syncs;
  if (!e.outcome.conflicts.empty() && c.services.store) {
    d.conflicts.insert(d.conflicts.begin(), e.outcome.conflicts.begin(), e.outcome.conflicts.end());
    if (d.conflicts.size() > kDevicesConflictsKept) d.conflicts.resize(kDevicesConflictsKept);
    keep_conflicts(c);  // saved with the sync's own bookkeeping just below
  }
  // What came from the other devices is shown; what the sync noted for
  // itself (how far it sent and merged) is saved either way.
  actions::Changed changed;
  changed.history = true;
  if (e.outcome.wrote_here) changed.collection = changed.sets = changed.practice = true;
  changed.musician_change = false;
  c.apply(changed);
  const std::string& failure = e.outcome.failure;
  if (failure == "credentials" || failure == "missing" || failure == "address" || failure == "refused") {
    d.paused = true;  // asking again would be refused again: the musician fixes it first
    d.again = false;
    cancel_timer(c);
    return;
  }
  if (failure == "unavailable" || failure == "full") {
    sync_in(c, kDevicesWaits.backoff_before(std::min(d.waits, 30) + 2));
    ++d.waits;
    return;
  }
  d.waits = 0;
  if (d.again) {
    d.again = false;
    sync_in(c, 0);
  } else {
    sync_in(c, kDevicesEveryMs);
  }
}

void on_field(Context& c, const event::DevicesFieldEdited& e) {
  DevicesState& d = c.model.devices;
  std::string* field = e.field == "folder_url" ? &d.folder_url
                       : e.field == "user"     ? &d.user
                       : e.field == "password" ? &d.password
                       : e.field == "device_name" ? &d.device_name
                                                  : nullptr;
  if (!field || *field == e.text) return;
  *field = e.text;
  d.edited = true;
  d.paused = false;  // what was refused may work now
}

}  // namespace

bool on_devices_timer(Context& c, uint64_t id) {
  DevicesState& d = c.model.devices;
  if (id == 0 || id != d.timer) return false;
  d.timer = 0;
  start_sync(c, false);
  return true;
}

void devices_after_change(Context& c) { sync_in(c, kDevicesAfterChangeMs); }

void handle_devices(Context& c, const Event& event) {
  DevicesState& d = c.model.devices;
  if (const auto* e = std::get_if<event::LockChanged>(&event)) {
    // The page opened. A tab that took over (2) reads the database again
    // first: the sync waits for that store (StorageReloaded), never the old one.
    if (e->state == 2) d.reload_pending = true;
    if (e->state != 1) return;
    load_account(c);
    sync_in(c, 0);
  } else if (const auto* e = std::get_if<event::StorageReloaded>(&event)) {
    d.reload_pending = false;
    if (!e->error.empty()) return;
    load_account(c);
    sync_in(c, 0);
  } else if (const auto* e = std::get_if<event::DevicesFieldEdited>(&event)) {
    on_field(c, *e);
  } else if (std::holds_alternative<event::DevicesFieldLeft>(event)) {
    save_account(c);
  } else if (std::holds_alternative<event::SyncDevicesNow>(event)) {
    if (!c.writable()) return;
    save_account(c);
    d.paused = false;
    d.waits = 0;
    d.asked = true;
    if (!d.configured()) {
      d.last = {};
      d.last.failure = "address";
      d.last.message = "Type your WebDAV folder's address first.";
      ++d.syncs;
      return;
    }
    start_sync(c, true);
  } else if (const auto* e = std::get_if<event::DevicesSyncProgress>(&event)) {
    d.files_fetched = e->files_fetched;
  } else if (const auto* e = std::get_if<event::DevicesSynced>(&event)) {
    on_synced(c, *e);
  } else if (std::holds_alternative<event::ClearDeviceConflicts>(event)) {
    if (d.conflicts.empty() || !c.writable()) return;
    d.conflicts.clear();
    keep_conflicts(c);
    actions::Changed kept;
    kept.settings = true;
    kept.musician_change = false;
    c.apply(kept);
  } else if (const auto* e = std::get_if<event::OnlineChanged>(&event)) {
    if (!e->online) return;
    d.waits = 0;  // back online: the server is worth asking now
    sync_in(c, 0);
  }
}

}  // namespace tt::web
