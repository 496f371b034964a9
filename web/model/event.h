#pragma once
// What can happen to the page: answers from the browser (storage, network,
// timers, the URL, other tabs) and what the user did on a screen. `update`
// (web/update/update.h) takes one at a time.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/http_outcome.h"
#include "core/view_state.h"
#include "core/thesession_api.h"
#include "core/fsrs.h"
#include "web/screens/appearance.h"
#include "web/model/devices_model.h"
#include "web/model/notation_model.h"

namespace tt::web {
namespace event {

// From the browser.
// IndexedDB read into the file system: the database's size (-1: none yet)
// and when it was last saved (0: never).
struct StorageLoaded { std::string error; double database_bytes = -1; double saved_at_ms = 0; };
struct LockChanged { int state = 0; };            // 1 this tab owns the database, 0 read-only, 2 took over
// IndexedDB write finished: on success, the database's size and the bytes written.
struct Saved { std::string error; double database_bytes = -1; double written_bytes = -1; };
struct OtherTabSaved {};
struct StorageReloaded { std::string error; };    // read-only tabs: the other tab's data read again
struct FetchDone { uint64_t id = 0; HttpOutcome outcome; };
struct TimerFired { uint64_t id = 0; };
struct FilePicked { std::string text, error; };
struct UrlChanged { std::string fragment; };      // Back, Forward, a pasted link
struct Tick {};                                   // once per frame: debounced work falls due
struct NotationRendered { uint64_t request = 0; NotationImage image; };
// The page as an app (web/update/update_app.cpp). PageOpened comes first of all,
// before the database is loaded: which proxy to talk to is known before any
// request is made.
struct PageOpened {
  std::string origin;                             // location.origin
  std::string proxy_param;                        // the ?proxy= value, "" without one
  std::map<std::string, std::string> proxy_answers;  // remembered: origin -> "allow" | "deny"
  bool online = true;                             // navigator.onLine
};
struct AppShellChanged {                          // the service worker's state
  std::string worker;                             // see AppShell::worker
  bool update_waiting = false;
  bool replaced = false;                          // another tab activated a newer build
  std::string build;                              // "" when not known
  std::string error;
};
struct OnlineChanged { bool online = true; };
struct StorageEstimated { std::optional<bool> persisted; double usage_bytes = -1, quota_bytes = -1; };
// The player: "started", "note" (the note now sounding), "ended", "error".
struct PlaybackChanged {
  uint64_t request = 0;
  std::string state;
  int note = -1;
  int bar = 0;
  double peak = 0;
  std::string error;
};

// From the screens.
struct ViewChanged { ViewState view; bool new_history_entry = true; };  // typing replaces the entry
struct SortChanged { CollectionSort sort; };
struct OpenTune { int64_t tune_id = 0; };
struct CloseTune {};
struct AddTune { TuneSummary tune; };
struct RemoveTune { int64_t tune_id = 0; };
struct SetStatus { int64_t tune_id = 0; LearnStatus status = LearnStatus::WantToLearn; };
struct Heard { int64_t tune_id = 0; bool undo = false; };
struct NotesEdited { int64_t tune_id = 0; std::string text; };
struct NotesLeft { int64_t tune_id = 0; };        // the field lost focus: commit now
struct CopyAbc { int64_t tune_id = 0; };
struct OpenOnTheSession { int64_t tune_id = 0; };
struct MemberIdEdited { std::string text; };
struct DefaultStatusPicked { LearnStatus status = LearnStatus::WantToLearn; };
struct StartSync {};
struct CancelSync {};
struct RemoteSearchEdited { std::string text; };
struct ExportCollection { bool json = true; };
struct PickImportFile {};
struct DownloadDamagedCopy {};
struct DismissBanner { size_t index = 0; };
struct AcceptUpdate {};                           // "Reload to update"
struct DismissExportReminder {};                  // "Not now"
struct AnswerProxyQuestion { bool use_other = false; };
// The tune page's music (web/update/update_notation.cpp).
struct NotationWidth { int64_t tune_id = 0; int width_css = 0; };
struct ChooseSetting { int64_t tune_id = 0; size_t index = 0; };
struct SetTranspose { int semitones = 0; };
struct SetTempo { int percent = 100; };
struct SetLoop { std::optional<std::pair<int, int>> bars; };
struct PickBar { int bar = 0; };                  // a click on the notation
struct SetCountIn { bool on = true; };
struct ChooseInstrument { std::string id; };
struct PlayPause {};
// A number field being typed into ("tempo", "loop_from", "loop_to",
// "practice_limit", "practice_new_limit"): a draft until the field is left or
// Enter is pressed, so "120" is not taken as 1, then 12, then 120.
struct NumberEdited { std::string field; int value = 0; };
struct NumberLeft { std::string field; };
struct IncipitRows { std::vector<int64_t> tune_ids; };  // the list's rows on screen changed
struct SetIncipits { bool on = true; };
struct SetOfflineMusic { bool on = true; };  // keep every tune's music for offline (this device)
// The Practice tab (web/update/update_practice.cpp).
struct Rate { int64_t tune_id = 0; Rating rating = Rating::Good; };
struct UndoRating {};
struct AnswerPromotion { int64_t tune_id = 0; bool promote = false; };
struct SetPracticeLimits { int per_day = 10; int new_per_day = 3; };
// The Sets tab (web/update/update_sets.cpp). Positions are 0-based entries of the set.
struct NewSet {};                                  // creates "New set" and opens it
struct SetNameEdited { int64_t set_id = 0; std::string text; };
struct SetNameLeft { int64_t set_id = 0; };        // the name field was left: rename now
struct SetsSearchEdited { std::string text; };
struct SetAddSearchEdited { std::string text; };
struct AddToSet { int64_t set_id = 0; int64_t tune_id = 0; };
struct MoveSetEntry { int64_t set_id = 0; size_t from = 0, to = 0; };
struct RemoveSetEntry { int64_t set_id = 0; size_t position = 0; };
struct DeleteSet { int64_t set_id = 0; };
struct PlaySet {};                                 // the open set: play it through, or stop
struct NextSetTune {};                             // the open set's player: on to the next tune
struct QueueSetToday { int64_t set_id = 0; bool queue = true; };  // false: take it out again
struct RateSet { int64_t set_id = 0; Rating rating = Rating::Good; };
struct StartSetsSync {};                           // "Bring in my sets"
struct ExportSetsCsv {};
// Appearance (web/update/update_appearance.cpp). The saved choices arrive once at
// start, before the first frame; the system's light/dark whenever it changes.
struct PreferencesLoaded { std::string theme, text_size; bool system_dark = false; };
struct SystemThemeChanged { bool dark = false; };
struct SetTheme { ThemeChoice theme = ThemeChoice::System; };
struct SetTextSize { TextSize size = TextSize::Normal; };
// Your devices (web/update/update_devices.cpp). A field typed into (field:
// "folder_url", "user", "password", "device_name"), a field left (the
// account is kept then), "Sync devices now", and the sync's progress and end.
struct DevicesFieldEdited { std::string field, text; };
struct DevicesFieldLeft {};
struct SyncDevicesNow {};
struct DevicesSyncProgress { int files_fetched = 0; };
struct DevicesSynced { DevicesSyncOutcome outcome; };
struct ClearDeviceConflicts {};

}  // namespace event

using Event = std::variant<event::StorageLoaded, event::LockChanged, event::Saved, event::OtherTabSaved,
                           event::StorageReloaded, event::FetchDone, event::TimerFired, event::FilePicked,
                           event::UrlChanged, event::Tick, event::ViewChanged, event::SortChanged,
                           event::OpenTune, event::CloseTune, event::AddTune, event::RemoveTune,
                           event::SetStatus, event::Heard, event::NotesEdited, event::NotesLeft,
                           event::CopyAbc, event::OpenOnTheSession, event::MemberIdEdited,
                           event::DefaultStatusPicked, event::StartSync, event::CancelSync,
                           event::RemoteSearchEdited, event::ExportCollection, event::PickImportFile,
                           event::DownloadDamagedCopy, event::DismissBanner, event::NotationRendered,
                           event::PlaybackChanged, event::NotationWidth, event::ChooseSetting,
                           event::SetTranspose, event::SetTempo, event::SetLoop, event::PickBar,
                           event::SetCountIn, event::ChooseInstrument, event::PlayPause, event::IncipitRows,
                           event::SetIncipits, event::Rate, event::UndoRating, event::AnswerPromotion,
                           event::SetPracticeLimits, event::NumberEdited, event::NumberLeft,
                           event::PreferencesLoaded, event::SystemThemeChanged, event::SetTheme,
                           event::SetTextSize,
                           event::PageOpened, event::AppShellChanged, event::OnlineChanged,
                           event::StorageEstimated, event::AcceptUpdate, event::DismissExportReminder,
                           event::AnswerProxyQuestion, event::NewSet, event::SetNameEdited,
                           event::SetNameLeft, event::SetsSearchEdited, event::SetAddSearchEdited, event::AddToSet,
                           event::MoveSetEntry, event::RemoveSetEntry, event::DeleteSet, event::PlaySet,
                           event::NextSetTune, event::QueueSetToday, event::RateSet, event::StartSetsSync,
                           event::ExportSetsCsv, event::SetOfflineMusic, event::DevicesFieldEdited,
                           event::DevicesFieldLeft, event::SyncDevicesNow, event::DevicesSyncProgress,
                           event::DevicesSynced, event::ClearDeviceConflicts>;

}  // namespace tt::web
