#include "web/runner.h"

#include <type_traits>

#include "web/browser.h"

namespace tt::web {

Runner::Runner() : services(kDatabasePath, now_ms) { model.proxy = proxy_base_url(); }

void Runner::dispatch(const Event& event) {
  std::vector<Effect> effects;
  try {
    effects = update(model, services, event);
  } catch (const std::exception& e) {
    // Nothing may escape into JavaScript: say what failed and keep the page.
    model.banners.push_back({Banner::Kind::Error, std::string("Something went wrong: ") + e.what() +
                                                       ". Your saved collection is untouched; reload the page."});
    return;
  }
  for (const Effect& effect : effects) perform(effect);
}

void Runner::dispatch_ui_events() {
  std::vector<Event> events;
  events.swap(ui.events);
  for (const Event& e : events) dispatch(e);
}

void Runner::perform(const Effect& effect) {
  std::visit(
      [](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        // Browser ids are JavaScript numbers; ours stay far below 2^31.
        if constexpr (std::is_same_v<T, effect::Fetch>) fetch_url(static_cast<int>(e.id), e.url, e.timeout_ms);
        else if constexpr (std::is_same_v<T, effect::AbortFetch>) abort_fetch(static_cast<int>(e.id));
        else if constexpr (std::is_same_v<T, effect::StartTimer>) set_timer(static_cast<int>(e.id), static_cast<int>(e.delay_ms));
        else if constexpr (std::is_same_v<T, effect::CancelTimer>) clear_timer(static_cast<int>(e.id));
        else if constexpr (std::is_same_v<T, effect::Save>) persist_storage();
        else if constexpr (std::is_same_v<T, effect::ReloadStorage>) reload_storage();
        else if constexpr (std::is_same_v<T, effect::RequestLock>) request_db_lock();
        else if constexpr (std::is_same_v<T, effect::NotifyOtherTabs>) notify_other_tabs();
        else if constexpr (std::is_same_v<T, effect::SetUrl>) set_location_hash(e.fragment, e.push);
        else if constexpr (std::is_same_v<T, effect::CopyToClipboard>) copy_to_clipboard(e.text);
        else if constexpr (std::is_same_v<T, effect::OpenInNewTab>) open_in_new_tab(e.url);
        else if constexpr (std::is_same_v<T, effect::DownloadText>) download_text(e.filename, e.mime, e.text);
        else if constexpr (std::is_same_v<T, effect::DownloadFile>) download_file(e.filename, e.path);
        else if constexpr (std::is_same_v<T, effect::PickTextFile>) pick_text_file();
      },
      effect);
}

}  // namespace tt::web
