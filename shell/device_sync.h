#pragma once
// One device sync (the CLI's `sync-devices`; the page's later): this
// device's new changes sent as one change file in its own folder, the other
// devices' new change files fetched and checked, everything merged
// (core/device_merge.h) and what differs written here as one change
// (core/device_apply.h). A change made here while the files came is merged
// too, so that write keeps it; it is sent with the next sync. A file that is
// refused is named with its reason and left out, with every later file of
// its device (files are taken whole and in order); everything else is merged. A second sync with nothing new
// sends and fetches nothing: it lists the folders. A database synced with
// another folder before starts over with this one. A new device starts from
// each device's newest snapshot, and every kChangeFilesPerSnapshot files merged this
// device writes one (shell/device_snapshots.h).
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/device_layout.h"
#include "core/device_merge.h"
#include "shell/store.h"
#include "shell/webdav_folder.h"

namespace tt {

struct DeviceSyncOptions {
  std::string device_name;  // shown to the other devices; empty: keep the one saved (or "tunetrack")
  int64_t now_ms = 0;
  std::string nonce;        // a few random hex digits for temporary upload names
  int snapshot_every = kChangeFilesPerSnapshot;  // change files held before a snapshot is written
  // Called after each file that came from another device (the page shows
  // how far it got and goes on taking the musician's changes meanwhile).
  std::function<void(int files_fetched)> on_file_fetched;
};

struct DeviceSyncReport {
  WebDavError error;                       // failure None: the sync is done
  int changes_sent = 0;
  int files_fetched = 0;
  int changes_received = 0;                // new to this device
  bool wrote_here = false;                 // the collection here changed
  std::vector<std::string> refused;        // "<device folder>/<file>: why", each left out
  std::map<std::string, std::string> devices;  // every device seen: id -> name
  std::vector<NotesConflict> conflicts;    // notes kept from two devices (when anything came)
  std::vector<std::string> snapshots_taken;  // of devices nothing was merged of yet
  std::string snapshot_written;            // this device's new snapshot, if it wrote one
  int files_removed = 0;                   // of this device's own, covered by its snapshot
  WebDavTraffic traffic;
};

// A few random hex digits for DeviceSyncOptions::nonce.
std::string random_nonce();

// A task (shell/task.h): `store` and `folder` must outlive it. The command
// line runs it with run_now(); the page starts it and goes on drawing.
Task<DeviceSyncReport> sync_devices(Store& store, WebDavFolder& folder, DeviceSyncOptions options);

}  // namespace tt
