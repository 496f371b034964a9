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
//   <folder>/tunetrack-devices/<device id>/device.json
//       its name and what it has merged of every device (rewritten only by
//       that device).
//
// A device never writes or deletes in another device's folder. It removes
// its own change files once every device it knows of has merged them (their
// device.json says so) and it has written a snapshot that holds them; a
// device that has never synced is unknown, and starts from that snapshot.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hybrid_clock.h"

namespace tt {

inline constexpr std::string_view kDevicesFolder = "tunetrack-devices";

// A file name of a device's changes: "changes-<first>-<last>.json".
struct ChangeFileName {
  HlcStamp first, last;
};
std::string change_file_name(const ChangeFileName& range);
// Only names change_file_name makes; anything else (a temporary upload, a
// stray file) is not a change file.
std::optional<ChangeFileName> parse_change_file_name(std::string_view name);
// Where an upload is written before it is moved into place; never taken as a
// change file. `nonce`: a few random hex digits, so two tries never collide.
std::string upload_name(const std::string& final_name, const std::string& nonce);

// What this device has merged of each device: the last stamp of every change
// file taken (files are taken whole and in order, per device).
using MergedUpTo = std::map<std::string, HlcStamp>;

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

// This device's change files that every other device has merged (by what
// their device.json says: nullopt when it could not be read), so it may
// remove them once a snapshot holds them; none while any device's state is
// unknown.
std::vector<std::string> own_files_to_remove(const DeviceFolderListing& own,
                                             const std::map<std::string, std::optional<MergedUpTo>>& others,
                                             bool snapshot_holds_them);

}  // namespace tt
