#pragma once
// "Your devices" (Data screen): the musician's WebDAV folder, this device's
// name, and how the device sync went, as plain values. Changed only by
// update (web/update/update_devices.cpp); the sync itself runs in the
// browser's shell (web/platform/page_device_sync.h) and reports back as
// event::DevicesSynced.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tt::web {

// When the page syncs by itself: a moment after a change (a burst of taps is
// one sync), every half minute while open (another device's change shows
// within a minute; nothing new costs one listing per device folder), and
// after the server was unavailable, less and less often up to five minutes.
inline constexpr int64_t kDevicesAfterChangeMs = 5000;
inline constexpr int64_t kDevicesEveryMs = 30000;
inline constexpr int64_t kDevicesMaxRetryMs = 5 * 60 * 1000;
inline constexpr size_t kDevicesConflictsKept = 50;

// A tune whose notes two devices changed at once: both texts are kept.
struct DeviceConflict {
  int64_t tune_id = 0;
  std::string tune_name;
  std::string kept_from;  // the other device's name
  double kept_at_ms = 0;
};

// What one device sync did (web/platform turns the shell's report into this).
struct DevicesSyncOutcome {
  std::string failure;  // "" done; else "credentials", "missing", "unavailable", "refused", "other"
  std::string message;  // what went wrong and what to do
  int changes_sent = 0, changes_received = 0, files_fetched = 0;
  bool wrote_here = false;  // the collection here changed
  std::vector<std::string> refused;  // remote files left out, each with why
  std::vector<std::string> devices;  // every device seen, by name (this one first)
  std::vector<DeviceConflict> conflicts;
  int64_t requests = 0, bytes_sent = 0, bytes_received = 0;
};

struct DevicesState {
  // As typed on the Data screen; kept in the database's device-sync tables
  // on this device only (never exported, never sent to the proxy).
  std::string folder_url, user, password, device_name;
  bool edited = false;          // typed since the fields were last saved
  bool syncing = false;
  int files_fetched = 0;        // by the sync under way
  bool again = false;           // asked for while one ran: once more after it
  uint64_t timer = 0;           // the next automatic sync (0: none waiting)
  double timer_due_ms = 0;
  // After a refusal of the account (wrong password, no such folder) the page
  // waits for the musician to change something rather than asking again.
  bool paused = false;
  bool reload_pending = false;  // this tab took over and reads the database again: no sync until then
  int waits = 0;                // syncs in a row the server was unavailable for (each waits longer)
  double last_at_ms = 0;        // 0: never synced on this device
  DevicesSyncOutcome last;
  // The tunes whose notes two devices changed at once, newest first (at most
  // kDevicesConflictsKept), kept on this device until the musician clears
  // the list: both texts are in the notes, this says where to look.
  std::vector<DeviceConflict> conflicts;
  int syncs = 0;                // ended in this page (the live region says each that matters)
  bool asked = false;           // "Sync devices now" pressed: its end is said whatever it did

  bool configured() const { return !folder_url.empty(); }
};

}  // namespace tt::web
