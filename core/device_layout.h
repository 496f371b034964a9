#pragma once
// The device sync's folder in the musician's WebDAV storage, and what one
// sync moves: pure decisions over names and stamps (the shell lists, fetches
// and uploads).
//
//   <folder>/tunetrack-devices/<device id>/changes-<first>-<last>.json
//       that device's changes stamped first..last (hybrid clock, text order
//       is stamp order): written once, under a name no other device uses
//       (its folder is its own), uploaded under a temporary name and moved
//       into place, so a file half written is never taken;
//   <folder>/tunetrack-devices/<device id>/snapshot-<stamp>.json
//       everything that device had merged, compacted (core/device_snapshot.h),
//       <stamp> the newest change it holds: written like a change file once
//       the device has merged kChangeFilesPerSnapshot change files since its
//       last, so a new device fetches each device's newest snapshot and the
//       few change files newer than what they cover;
//   <folder>/tunetrack-devices/<device id>/device.json
//       its name and what it has merged of every device (rewritten only by
//       that device).
//
// A device never writes or deletes in another device's folder. When it writes
// a snapshot, it removes its older snapshots and its change files that every
// device it knows of has merged (their device.json says so; the snapshot
// holds them too); a device that has never synced is unknown, and starts from
// the snapshots.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hybrid_clock.h"

namespace tt {

inline constexpr std::string_view kDevicesFolder = "tunetrack-devices";

// "tunetrack-devices/<device id>": a device's own folder.
std::string device_folder_path(const std::string& device);

// A file name of a device's changes: "changes-<first>-<last>.json".
struct ChangeFileName {
  HlcStamp first, last;
};
std::string change_file_name(const ChangeFileName& range);
// Only names change_file_name makes; anything else (a temporary upload, a
// stray file) is not a change file.
std::optional<ChangeFileName> parse_change_file_name(std::string_view name);
// A snapshot's name: "snapshot-<newest>.json".
std::string snapshot_file_name(const HlcStamp& newest);
std::optional<HlcStamp> parse_snapshot_file_name(std::string_view name);
inline constexpr int kChangeFilesPerSnapshot = 16;

// Where an upload is written before it is moved into place; never taken as a
// change file. `nonce`: a few random hex digits, so two tries never collide.
std::string upload_name(const std::string& final_name, const std::string& nonce);

// What this device has merged of each device: the last stamp of every change
// file taken (files are taken whole and in order, per device).
using MergedUpTo = std::map<std::string, HlcStamp>;

// A device's device.json: {"name": "<its name>", "merged": {"<device>": "<stamp>", ...}}.
struct DeviceAbout {
  std::string name;  // at most kMaxDeviceNameBytes
  MergedUpTo merged;
};
inline constexpr size_t kMaxDeviceNameBytes = 100;
std::string device_about_text(const DeviceAbout& about);
// Nothing for a text that is not one (a device's whose state is then unknown).
std::optional<DeviceAbout> parse_device_about(std::string_view text);

// One device's folder as listed.
struct DeviceFolderListing {
  std::string device;
  std::vector<std::string> names;
};

// The change files to fetch: every change file of another device newer than
// what is merged of it, in stamp order per device.
struct FileToFetch {
  std::string device;
  std::string name;
  ChangeFileName range;
};
std::vector<FileToFetch> files_to_fetch(const std::vector<DeviceFolderListing>& listing, const std::string& this_device,
                                        const MergedUpTo& merged);

// The snapshots to take before any change file: the newest of each other
// device this one has merged nothing of (`range` is its stamp twice). Every
// device's own, not only the newest of all: a device removes only its own
// change files, all of them held by its newest snapshot, so taking that one
// leaves no hole, while another device's snapshot may predate them.
std::vector<FileToFetch> snapshots_to_take(const std::vector<DeviceFolderListing>& listing,
                                           const std::string& this_device, const MergedUpTo& merged);

// What this device removes of its own folder (`own`) after writing a
// snapshot: its older snapshots, and the change files its newest snapshot
// holds (the device's stamps only grow, so those ending at or before the
// snapshot's) that every other device has merged, by what their device.json
// says: nullopt when it could not be read, and then no change file goes (that
// device may still need them). Nothing without a snapshot.
std::vector<std::string> own_files_to_remove(const DeviceFolderListing& own,
                                             const std::map<std::string, std::optional<MergedUpTo>>& others);

}  // namespace tt
