// The page as an installed app: which proxy it talks to (a link's address
// only once agreed to), the service worker's updates (taken only when the
// musician accepts, and only once nothing is left to save), offline as a
// state, the browser storage the collection lives in, and the reminder to
// export.
#include "core/parse_number.h"
#include "shell/actions/settings_actions.h"
#include "web/update/update_context.h"

namespace tt::web {
namespace {

// The export reminder's history in the store's settings (epoch ms).
constexpr const char* kFirstChange = "keep.first_change_ms";
constexpr const char* kLastChange = "keep.last_change_ms";
constexpr const char* kLastExport = "keep.last_export_ms";
constexpr const char* kDismissed = "keep.export_reminder_dismissed_ms";

std::optional<int64_t> read_ms(Store& store, const char* key) {
  const auto text = store.setting(key);
  if (!text) return std::nullopt;
  const auto ms = parse_int(*text, 0, int64_t{1} << 53);  // a damaged value reads as "never"
  return ms ? std::optional<int64_t>(ms.value) : std::nullopt;
}

// Writes one time to the settings, for the owning tab only.
actions::Changed write_ms(Context& c, const char* key, int64_t ms) {
  if (!c.services.store || !c.model.owns_database || c.model.storage_unavailable) return {};
  return actions::change_setting(*c.services.store, key, std::to_string(ms)).changed;
}

void on_page_opened(Context& c, const event::PageOpened& e) {
  Model& m = c.model;
  m.page_origin = e.origin;
  m.proxy_choice = choose_proxy(e.origin, e.proxy_param, e.proxy_answers);
  m.proxy = m.proxy_choice.url;
  m.app.browser_online = e.online;
  m.app.offline = !e.online;
  if (!m.proxy_choice.note.empty()) c.banner(Banner::Kind::Info, m.proxy_choice.note);
  c.out.push_back(effect::EstimateStorage{});
}

void on_proxy_answer(Context& c, const event::AnswerProxyQuestion& e) {
  Model& m = c.model;
  if (m.proxy_choice.consent != ProxyConsent::Asking) return;
  m.proxy_choice = answer_proxy_question(m.proxy_choice, m.page_origin, e.use_other);
  m.proxy = m.proxy_choice.url;
  c.out.push_back(effect::RememberProxyAnswer{m.proxy_choice.other_origin, e.use_other});
  if (e.use_other) {
    m.healthz = "checking...";
    c.fetch(Purpose::Health, m.proxy + "/healthz", kHealthTimeoutMs);
  } else {
    c.banner(Banner::Kind::Info, m.proxy_choice.note);
  }
}

void on_app_shell(Context& c, const event::AppShellChanged& e) {
  AppShell& app = c.model.app;
  app.worker = e.worker;
  app.error = e.error;
  if (!e.build.empty()) app.build = e.build;
  app.update_available = e.update_waiting;
  app.replaced = app.replaced || e.replaced;
}

void on_saved(Context& c, const event::Saved& e) {
  if (!e.error.empty()) return;
  StorageState& s = c.model.storage;
  // After the first change worth keeping: ask the browser not to clear the
  // storage under pressure (Chrome decides silently, Firefox asks the user).
  if (!s.persist_requested && s.persisted != true) {
    s.persist_requested = true;
    c.out.push_back(effect::RequestPersistence{});
  } else {
    c.out.push_back(effect::EstimateStorage{});
  }
}

void on_fetch_done(Context& c, const event::FetchDone& e) {
  // Any HTTP answer means the proxy is there, whatever it said.
  if (e.outcome.offline) c.model.app.offline = true;
  else if (e.outcome.status > 0) c.model.app.offline = false;
}

}  // namespace

void load_export_history(Context& c) {
  Store* store = c.services.store.get();
  if (!store) return;
  c.model.keep.history = {read_ms(*store, kFirstChange), read_ms(*store, kLastChange), read_ms(*store, kLastExport),
                          read_ms(*store, kDismissed)};
}

void note_change(Context& c) {
  ExportHistory& h = c.model.keep.history;
  const auto now = static_cast<int64_t>(c.now);
  // Inside the save itself (Context::save): written, never applied again.
  if (!h.first_change_ms && write_ms(c, kFirstChange, now).any()) h.first_change_ms = now;
  if (write_ms(c, kLastChange, now).any()) h.last_change_ms = now;
}

void handle_app(Context& c, const Event& event) {
  const auto now = static_cast<int64_t>(c.now);
  if (const auto* e = std::get_if<event::PageOpened>(&event)) {
    on_page_opened(c, *e);
  } else if (const auto* e = std::get_if<event::AnswerProxyQuestion>(&event)) {
    on_proxy_answer(c, *e);
  } else if (const auto* e = std::get_if<event::AppShellChanged>(&event)) {
    on_app_shell(c, *e);
  } else if (const auto* e = std::get_if<event::OnlineChanged>(&event)) {
    c.model.app.browser_online = e->online;
    c.model.app.offline = !e->online;  // back online: the next answer confirms it
    // Back online: ask the proxy again, so the header says what is true now.
    if (e->online && !c.model.proxy.empty()) c.fetch(Purpose::Health, c.model.proxy + "/healthz", kHealthTimeoutMs);
  } else if (const auto* e = std::get_if<event::StorageEstimated>(&event)) {
    StorageState& s = c.model.storage;
    if (e->persisted) s.persisted = e->persisted;
    s.usage_bytes = e->usage_bytes;
    s.quota_bytes = e->quota_bytes;
  } else if (const auto* e = std::get_if<event::Saved>(&event)) {
    on_saved(c, *e);
  } else if (const auto* e = std::get_if<event::FetchDone>(&event)) {
    on_fetch_done(c, *e);
  } else if (std::holds_alternative<event::StorageLoaded>(event) ||
             std::holds_alternative<event::StorageReloaded>(event)) {
    load_export_history(c);
  } else if (std::holds_alternative<event::ExportCollection>(event)) {
    const actions::Changed changed = write_ms(c, kLastExport, now);
    if (changed.any()) c.model.keep.history.last_export_ms = now;
    c.apply(changed);
  } else if (std::holds_alternative<event::DismissExportReminder>(event)) {
    const actions::Changed changed = write_ms(c, kDismissed, now);
    if (changed.any()) c.model.keep.history.dismissed_ms = now;
    c.apply(changed);
  } else if (std::holds_alternative<event::AcceptUpdate>(event)) {
    if (!c.model.app.update_available && !c.model.app.replaced) return;
    commit_notes(c);  // what is typed is saved before the page reloads
    c.model.app.update_accepted = true;
  }
}

void follow_app(Context& c) {
  Model& m = c.model;
  m.keep.reminder = m.ready && m.owns_database && !m.storage_unavailable &&
                    export_reminder_due(m.keep.history, static_cast<int64_t>(c.now));
  // Reload only once every change is in IndexedDB and no sync is writing.
  AppShell& app = m.app;
  if (app.update_accepted && !app.update_started && !m.saving && !m.save_again && !m.notes.dirty && !m.syncing) {
    app.update_started = true;
    c.out.push_back(effect::ActivateUpdate{});
  }
}

}  // namespace tt::web
