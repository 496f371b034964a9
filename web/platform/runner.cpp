#include "web/platform/runner.h"

#include <type_traits>

#include "web/platform/browser.h"
#include "web/platform/browser_app.h"
#include "web/platform/notation_bridge.h"
#include "web/platform/page_device_sync.h"

namespace tt::web {

Runner::Runner() : services(kDatabasePath, now_ms) {
  services.utc_offset_minutes = utc_offset_minutes;
  services.journal_in_memory = true;  // saves are IndexedDB transactions (web/page/page_store.js)
}

void Runner::dispatch(const Event& event) {
  for (const Effect& effect : update(model, services, event)) perform(effect);
}

bool Runner::after_frame() {
  std::vector<Event> events;
  events.swap(ui.events);
  for (const Event& e : events) dispatch(e);
  std::vector<uint64_t> timers;
  timers.swap(after_frame_timers_);
  for (const uint64_t id : timers) dispatch(event::TimerFired{id});
  return !events.empty() || !timers.empty();
}

void Runner::perform(const Effect& effect) {
  // A zero-delay timer is "your next turn": here, after the next frame, so
  // what led to it is on screen first (the sync's "Adding to collection"
  // before its write). A real timer backs it up for a hidden tab, which
  // draws no frames; whichever fires second is dropped by update.
  if (const auto* timer = std::get_if<effect::StartTimer>(&effect); timer && timer->delay_ms == 0) {
    after_frame_timers_.push_back(timer->id);
    set_timer(static_cast<int>(timer->id), 250);
    return;
  }
  std::visit(
      [this](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        // Browser ids are JavaScript numbers; ours stay far below 2^31.
        if constexpr (std::is_same_v<T, effect::Fetch>) fetch_url(static_cast<int>(e.id), e.url, e.timeout_ms, e.probe_url);
        else if constexpr (std::is_same_v<T, effect::AbortFetch>) abort_fetch(static_cast<int>(e.id));
        else if constexpr (std::is_same_v<T, effect::StartTimer>) set_timer(static_cast<int>(e.id), static_cast<int>(e.delay_ms));
        else if constexpr (std::is_same_v<T, effect::CancelTimer>) clear_timer(static_cast<int>(e.id));
        else if constexpr (std::is_same_v<T, effect::Save>) persist_storage(kDatabasePath);
        else if constexpr (std::is_same_v<T, effect::ReloadStorage>) reload_storage(kDatabasePath);
        else if constexpr (std::is_same_v<T, effect::RequestLock>) request_db_lock();
        else if constexpr (std::is_same_v<T, effect::NotifyOtherTabs>) notify_other_tabs();
        else if constexpr (std::is_same_v<T, effect::SetUrl>) set_location_hash(e.fragment, e.push);
        else if constexpr (std::is_same_v<T, effect::CopyToClipboard>) copy_to_clipboard(e.text);
        else if constexpr (std::is_same_v<T, effect::OpenInNewTab>) open_in_new_tab(e.url);
        else if constexpr (std::is_same_v<T, effect::DownloadText>) download_text(e.filename, e.mime, e.text);
        else if constexpr (std::is_same_v<T, effect::DownloadFile>) download_file(e.filename, e.path);
        else if constexpr (std::is_same_v<T, effect::PickTextFile>) pick_text_file();
        else if constexpr (std::is_same_v<T, effect::RenderNotation>) render_notation(e, dpr);
        else if constexpr (std::is_same_v<T, effect::ReleaseTexture>) release_texture(e.texture);
        else if constexpr (std::is_same_v<T, effect::StartPlayback>) start_playback(e);
        else if constexpr (std::is_same_v<T, effect::StopPlayback>) stop_playback();
        else if constexpr (std::is_same_v<T, effect::StorePreference>) store_preference(e.key, e.value);
        else if constexpr (std::is_same_v<T, effect::ActivateUpdate>) activate_update();
        else if constexpr (std::is_same_v<T, effect::RequestPersistence>) estimate_storage(true);
        else if constexpr (std::is_same_v<T, effect::EstimateStorage>) estimate_storage(false);
        else if constexpr (std::is_same_v<T, effect::RememberProxyAnswer>) remember_proxy_answer(e.origin, e.allow);
        else if constexpr (std::is_same_v<T, effect::SyncDevices>) start_devices_sync(e);
      },
      effect);
}

void Runner::start_devices_sync(const effect::SyncDevices& sync) {
  if (!services.store) return;
  start_device_sync(
      *services.store, sync, [this](int files) { dispatch(event::DevicesSyncProgress{files}); },
      [this](DevicesSyncOutcome outcome) { dispatch(event::DevicesSynced{std::move(outcome)}); });
}

}  // namespace tt::web
