#include "shell/device_snapshots.h"

#include <algorithm>

#include "core/device_file.h"
#include "core/device_snapshot.h"

namespace tt {
namespace {

void cover(MergedUpTo& covers, const std::string& device, const HlcStamp& stamp) {
  auto [it, added] = covers.emplace(device, stamp);
  if (!added && it->second < stamp) it->second = stamp;
}

}  // namespace

HeldChanges held_changes(DeviceSyncState& state, const std::string& me,
                         const std::function<void(const HlcStamp&)>& observe) {
  HeldChanges held;
  for (const StoredChangeFile& file : state.files()) {
    // Each was checked when it came (or written here): one that no longer
    // reads (a newer format's, say) is left out, as it was then.
    if (parse_snapshot_file_name(file.name)) {
      const auto snapshot = parse_device_snapshot(file.text);
      if (!snapshot) continue;
      held.merge.add(snapshot->changes);
      for (const auto& [device, stamp] : snapshot->covers) {
        cover(held.covers, device, stamp);
        if (file.device != me) observe(stamp);
      }
      continue;
    }
    const auto range = parse_change_file_name(file.name);
    const auto parsed = parse_device_file(file.text);
    if (!range || !parsed) continue;
    held.merge.add(parsed->changes);
    cover(held.covers, file.device, range->last);
    ++held.change_files;
    if (file.device != me) observe(range->last);
  }
  return held;
}

Task<WebDavError> take_snapshots(WebDavFolder& folder, DeviceSyncState& state,
                                 const std::vector<DeviceFolderListing>& others, const std::string& me,
                                 MergedUpTo& merged, std::set<std::string>& refused_devices, DeviceSyncReport& report) {
  MergedUpTo covered;
  const std::vector<FileToFetch> wanted_files = snapshots_to_take(others, me, merged);
  for (const FileToFetch& wanted : wanted_files) {
    const std::string path = device_folder_path(wanted.device) + "/" + wanted.name;
    const auto fetched = co_await folder.fetch(path);
    if (!fetched.ok()) co_return fetched.error;
    auto parsed = parse_device_snapshot(*fetched.value);
    if (parsed) parsed.error = written_elsewhere(parsed->device, wanted.device);
    parsed.ok = parsed.error.empty();
    if (!parsed) {
      report.refused.push_back(path + ": " + parsed.error);
      refused_devices.insert(wanted.device);
      continue;
    }
    state.add_file({wanted.device, wanted.name, *fetched.value});
    for (const auto& [device, stamp] : parsed->covers) {
      if (device != me) cover(covered, device, stamp);
    }
    ++report.files_fetched;
    report.changes_received += static_cast<int>(parsed->changes.size());
    report.snapshots_taken.push_back(path);
  }
  for (const auto& [device, stamp] : covered) cover(merged, device, stamp);
  co_return WebDavError{};
}

Task<WebDavError> write_snapshot(WebDavFolder& folder, DeviceSyncState& state, const HeldChanges& held,
                                 const std::vector<DeviceFolderListing>& others, DeviceAbouts& abouts,
                                 const std::string& me, const std::string& nonce, DeviceSyncReport& report) {
  DeviceSnapshot snapshot{me, held.covers, held.merge.compacted()};
  if (snapshot.changes.empty()) co_return WebDavError{};
  HlcStamp newest = snapshot.covers.begin()->second;
  for (const auto& [device, stamp] : snapshot.covers) newest = std::max(newest, stamp);
  const std::string name = snapshot_file_name(newest);
  const std::string text = device_snapshot_text(snapshot);
  const std::string own = device_folder_path(me);
  if (const auto made = co_await folder.make_folder(own); !made.ok()) co_return made.error;
  if (const auto written = co_await folder.write_new(own, name, text, nonce); !written.ok()) co_return written.error;
  state.replace_files({me, name, text});
  report.snapshot_written = own + "/" + name;

  // The folder tidied: what every other device has merged, from its own
  // small file (one that cannot be read keeps every change file).
  std::map<std::string, std::optional<MergedUpTo>> merged_by;
  for (const DeviceFolderListing& other : others) {
    const auto about = co_await abouts.of(other.device);
    merged_by[other.device] = about ? std::optional<MergedUpTo>(about->merged) : std::nullopt;
  }
  const auto listed = co_await folder.list(own);
  if (!listed.ok()) co_return listed.error;
  DeviceFolderListing mine{me, {}};
  for (const WebDavEntry& entry : *listed.value) {
    if (!entry.is_folder) mine.names.push_back(entry.name);
  }
  const std::vector<std::string> old_files = own_files_to_remove(mine, merged_by);
  for (const std::string& old : old_files) {
    const std::string path = own + "/" + old;
    if (const auto removed = co_await folder.remove(path); !removed.ok()) co_return removed.error;
    ++report.files_removed;
  }
  co_return WebDavError{};
}

}  // namespace tt
