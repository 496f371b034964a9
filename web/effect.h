#pragma once
// What `update` asks the browser to do. The runner (web/runner.cpp) performs
// each one and feeds the answer back as an event (web/event.h).
#include <cstdint>
#include <string>
#include <variant>

namespace tt::web {
namespace effect {

struct Fetch { uint64_t id = 0; std::string url; int timeout_ms = 15000; };  // -> FetchDone
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

}  // namespace effect

using Effect = std::variant<effect::Fetch, effect::AbortFetch, effect::StartTimer, effect::CancelTimer,
                            effect::Save, effect::ReloadStorage, effect::RequestLock, effect::NotifyOtherTabs,
                            effect::SetUrl, effect::CopyToClipboard, effect::OpenInNewTab,
                            effect::DownloadText, effect::DownloadFile, effect::PickTextFile>;

}  // namespace tt::web
