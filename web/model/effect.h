#pragma once
// What `update` asks the browser to do. The runner (web/platform/runner.cpp) performs
// each one and feeds the answer back as an event (web/model/event.h).
#include <cstdint>
#include <string>
#include <variant>

namespace tt::web {
namespace effect {

// When the fetch fails with no answer at all, `probe_url` (the proxy's
// /healthz) is tried once: no answer there either means offline.
struct Fetch { uint64_t id = 0; std::string url; int timeout_ms = 15000; std::string probe_url; };  // -> FetchDone
struct AbortFetch { uint64_t id = 0; };
struct StartTimer { uint64_t id = 0; int64_t delay_ms = 0; };               // -> TimerFired
struct CancelTimer { uint64_t id = 0; };
struct Save {};              // the database file to IndexedDB -> Saved
struct ReloadStorage {};     // -> StorageReloaded
struct RequestLock {};       // -> LockChanged
struct NotifyOtherTabs {};   // "saved": read-only tabs reload
struct SetUrl { std::string fragment; bool push = false; };  // push: a new history entry
struct CopyToClipboard { std::string text; };
struct OpenInNewTab { std::string url; };
struct DownloadText { std::string filename, mime, text; };
struct DownloadFile { std::string filename, path; };  // from the in-memory file system
struct PickTextFile {};      // -> FilePicked
// abcjs engraves `abc` at `width_css`, the page draws it into a texture.
struct RenderNotation {
  uint64_t request = 0;
  std::string abc;
  int width_css = 0;
  int transpose = 0;
  bool incipit = false;  // small, one line, no note boxes
};  // -> NotationRendered
struct ReleaseTexture { int texture = 0; };
// Plays the notation of render `render` (its notes are what gets highlighted).
struct StartPlayback {
  uint64_t request = 0;
  uint64_t render = 0;
  double ms_per_bar = 0;
  int transpose = 0;
  std::string instrument;
  int program = 0;
  int loop_from = 0, loop_to = 0;  // bars, 0: the whole tune, no loop
  int count_in_beats = 0;
  int beats_per_bar = 0;
};  // -> PlaybackChanged
struct StopPlayback {};
struct StorePreference { std::string key, value; };  // localStorage: this device's display choices
// The page as an app (web/platform/browser_app.h).
struct ActivateUpdate {};          // the waiting build takes over, the page reloads into it
struct RequestPersistence {};      // navigator.storage.persist() -> StorageEstimated
struct EstimateStorage {};         // -> StorageEstimated
struct RememberProxyAnswer { std::string origin; bool allow = false; };  // per origin, before any database
// One device sync over the musician's WebDAV folder (web/platform/
// page_device_sync.h) -> DevicesSyncProgress..., DevicesSynced.
struct SyncDevices {
  std::string folder_url, user, password, device_name;
  double now_ms = 0;
};

}  // namespace effect

using Effect = std::variant<effect::Fetch, effect::AbortFetch, effect::StartTimer, effect::CancelTimer,
                            effect::Save, effect::ReloadStorage, effect::RequestLock, effect::NotifyOtherTabs,
                            effect::SetUrl, effect::CopyToClipboard, effect::OpenInNewTab,
                            effect::DownloadText, effect::DownloadFile, effect::PickTextFile,
                            effect::RenderNotation, effect::ReleaseTexture, effect::StartPlayback,
                            effect::StopPlayback, effect::StorePreference, effect::ActivateUpdate,
                            effect::RequestPersistence, effect::EstimateStorage, effect::RememberProxyAnswer,
                            effect::SyncDevices>;

}  // namespace tt::web
