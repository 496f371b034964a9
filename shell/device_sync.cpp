#include "shell/device_sync.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>

#include "core/device_apply.h"
#include "core/device_file.h"
#include "core/device_layout.h"
#include "core/device_outbox.h"
#include "shell/device_snapshots.h"
#include "shell/device_sync_state.h"

namespace tt {
namespace {

using nlohmann::json;

const std::string kRoot(kDevicesFolder);

// This device's records not sent yet, as device changes. The outbox's
// memory of the things they hold moves on with them: saved (save()) only
// once they are uploaded.
struct Outbox {
  std::vector<DeviceChange> changes;
  int64_t sent_seq = 0;
  OutboxMemory memory;
  OutboxKeys keys;

  Outbox(Store& store, DeviceSyncState& state) : sent_seq(state.sent_seq()) {
    const std::vector<ChangeRecord> records = store.change_log(sent_seq);
    if (records.empty()) return;
    keys = outbox_keys_of(records);
    memory = state.outbox_memory(keys.to_read);
    const DeviceUids uids = state.uids(store.device_id());
    for (const ChangeRecord& record : records) {
      auto made = device_changes_of(record, memory, uids);
      changes.insert(changes.end(), std::make_move_iterator(made.begin()), std::make_move_iterator(made.end()));
      sent_seq = record.seq;
    }
  }
  void save(DeviceSyncState& state) const {
    if (!keys.to_save.empty() || sent_seq != state.sent_seq()) state.save_outbox(sent_seq, memory, keys.to_save);
  }
};

DeviceMerge with(DeviceMerge merge, const std::vector<DeviceChange>& more) {
  merge.add(more);
  return merge;
}

// Keeps the first failure, which ends the sync.
struct Step {
  DeviceSyncReport& report;
  bool failed(const WebDavError& error) {
    if (error.failure == WebDavFailure::None) return false;
    report.error = error;
    return true;
  }
};

}  // namespace

std::string random_nonce() {
  std::random_device random;
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 12; ++i) out += kHex[random() % 16];
  return out;
}

Task<DeviceSyncReport> sync_devices(Store& store, WebDavFolder& folder, DeviceSyncOptions options) {
  DeviceSyncReport report;
  Step step{report};
  const auto finish = [&] {
    report.traffic = folder.traffic();
    return report;
  };
  DeviceSyncState state(store.sqlite_handle());
  state.use_folder(folder.url().origin() + folder.url().path());
  const std::string me = store.device_id();
  std::map<std::string, std::string> names = state.device_names();
  const std::string my_name =
      !options.device_name.empty() ? options.device_name : names.count(me) ? names[me] : std::string("tunetrack");
  const bool renamed = !names.count(me) || names[me] != my_name;
  names[me] = my_name;

  // 1. This device's new changes, as one file in its own folder.
  const Outbox outbox(store, state);
  const std::vector<DeviceChange>& mine = outbox.changes;
  if (!mine.empty()) {
    // Named by its lowest and highest stamps (the log's are in order; a replayed record's may not be).
    const auto [lowest, highest] = std::minmax_element(mine.begin(), mine.end(), [](const DeviceChange& a, const DeviceChange& b) {
      return a.at.hlc < b.at.hlc;
    });
    const std::string name = change_file_name({lowest->at.hlc, highest->at.hlc});
    const std::string text = device_file_text(me, mine);
    const std::vector<std::string> folders{kRoot, device_folder_path(me)};
    for (const std::string& path : folders) {
      if (step.failed((co_await folder.make_folder(path)).error)) co_return finish();
    }
    const std::string own = device_folder_path(me);
    if (step.failed((co_await folder.write_new(own, name, text, options.nonce)).error)) {
      co_return finish();
    }
    state.add_file({me, name, text});
    report.changes_sent = static_cast<int>(mine.size());
  }
  outbox.save(state);

  // 2. The other devices' new files: one listing per folder.
  const auto root = co_await folder.list(kRoot);
  if (!root.ok() && root.error.failure == WebDavFailure::Missing && mine.empty()) {
    // Nobody has synced into this folder yet and this device has nothing to
    // send: done, if the folder itself is there.
    if (step.failed((co_await folder.list("")).error)) co_return finish();
    report.devices = names;
    co_return finish();
  }
  if (step.failed(root.error)) co_return finish();
  std::vector<DeviceFolderListing> listing;
  for (const WebDavEntry& entry : *root.value) {
    if (!entry.is_folder || !is_device_id(entry.name) || entry.name == me) continue;
    const std::string device_folder = device_folder_path(entry.name);
    const auto files = co_await folder.list(device_folder);
    if (step.failed(files.error)) co_return finish();
    DeviceFolderListing one{entry.name, {}};
    for (const WebDavEntry& file : *files.value) {
      if (!file.is_folder) one.names.push_back(file.name);
    }
    listing.push_back(std::move(one));
  }
  const MergedUpTo merged_before = state.merged_up_to();
  MergedUpTo merged_up_to = merged_before;
  std::set<std::string> refused_devices;
  // A device nothing was merged of yet: its snapshot first, then the change files newer.
  if (step.failed(co_await take_snapshots(folder, state, listing, me, merged_up_to, refused_devices, report))) {
    co_return finish();
  }
  const std::vector<FileToFetch> wanted_files = files_to_fetch(listing, me, merged_up_to);
  for (const FileToFetch& wanted : wanted_files) {
    if (refused_devices.count(wanted.device)) continue;
    const std::string path = device_folder_path(wanted.device) + "/" + wanted.name;
    const auto fetched = co_await folder.fetch(path);
    if (step.failed(fetched.error)) co_return finish();
    auto parsed = parse_device_file(*fetched.value);
    if (parsed) parsed.error = device_file_mismatch(*parsed, wanted.device, wanted.range);
    parsed.ok = parsed.error.empty();
    if (!parsed) {
      report.refused.push_back(path + ": " + parsed.error);
      refused_devices.insert(wanted.device);
      continue;
    }
    state.add_file({wanted.device, wanted.name, *fetched.value});
    merged_up_to[wanted.device] = wanted.range.last;
    ++report.files_fetched;
    report.changes_received += static_cast<int>(parsed->changes.size());
    if (options.on_file_fetched) options.on_file_fetched(report.files_fetched);
  }
  // The names of the devices something new came from, from their own small files.
  DeviceAbouts abouts(folder);
  for (const auto& merged : merged_up_to) {
    const std::string& device = merged.first;
    if (merged_before.count(device) && merged_before.at(device) == merged.second) continue;
    if (const auto about = co_await abouts.of(device)) names[device] = about->name;
  }

  // 3. Everything merged, and what differs written here as one change: only
  // when another device's changes came (this device's own are here already).
  // Its clock moves past every stamp it has seen, so what it does next orders
  // after them even when its wall clock is hours slow.
  const bool snapshot_due = state.change_files_held() >= options.snapshot_every;
  std::optional<HeldChanges> held;
  if (report.files_fetched > 0 || snapshot_due) {
    held = held_changes(state, me, [&](const HlcStamp& seen) { store.observe_stamp(seen); });
  }
  if (report.files_fetched > 0) {
    // What the musician changed here since step 1 (the page goes on while
    // the network answers) is merged as well, or the write below would undo
    // it. It is not held: it travels in the next sync's file.
    const Outbox late(store, state);
    const MergedCollection merged = late.changes.empty() ? held->merge.collection(names)
                                                         : with(held->merge, late.changes).collection(names);
    const DeviceApply apply = changes_toward(merged, store.everything_as_changes(), state.uids(me),
                                             store.practice_parameters(), options.now_ms);
    if (!apply.changes.empty()) {
      store.as_one_change(kDeviceSyncAction, [&] {
        store.make_changes(apply.changes);
        state.add_uids("rating", apply.new_rating_uids);
        state.add_uids("set", apply.new_set_uids);
        return 0;
      });
      report.wrote_here = true;
    }
    report.conflicts = merged.conflicts;
  }
  state.save_merged_up_to(merged_up_to);
  state.save_device_names(names);

  // 3b. From time to time, everything held as one snapshot for new devices
  // (and this device's folder tidied).
  if (snapshot_due) {
    const WebDavError written = co_await write_snapshot(folder, state, *held, listing, abouts, me, options.nonce, report);
    if (step.failed(written)) co_return finish();
  }

  // 4. What this device has merged, for the others (and its name): only when it moved.
  if (report.files_fetched > 0 || renamed || !mine.empty()) {
    const std::string own = device_folder_path(me);
    const std::string about_text = device_about_text({my_name, merged_up_to});
    if (step.failed((co_await folder.make_folder(own)).error)) co_return finish();
    const auto about = co_await folder.replace(own, "device.json", about_text, options.nonce);
    if (step.failed(about.error)) co_return finish();
  }
  report.devices = names;
  state.set_value("last_sync_ms", std::to_string(options.now_ms));  // a sync that went all the way
  co_return finish();
}

}  // namespace tt
