#include "web/model/snapshot.h"

#include <nlohmann/json.hpp>

#include "core/music_key.h"
#include "core/tune_set.h"
#include "core/time_format.h"
#include "core/version.h"
#include "web/model/snapshot_slices.h"
#include "web/screens/ui.h"

namespace tt::web {

namespace {



nlohmann::json sync_progress_json(const SyncProgress& p) {
  return {{"stage", to_string(p.stage)}, {"percent", p.percent}, {"pages_done", p.pages_done},
          {"pages_total", p.pages_total}, {"tunes_fetched", p.tunes_fetched}};
}

nlohmann::json incipits_snapshot(const Model& m) {
  const Incipits& in = m.incipits;
  size_t drawn = 0, unavailable = 0;
  for (const int64_t id : in.on_screen) {
    const auto it = in.cache.find(id);
    if (it != in.cache.end() && it->second.texture != 0) ++drawn;
    if (it != in.cache.end() && it->second.unavailable) ++unavailable;
  }
  return {{"enabled", in.enabled ? nlohmann::json(*in.enabled) : nlohmann::json(nullptr)},
          {"on_screen", in.on_screen.size()},
          {"drawn", drawn},
          {"unavailable", unavailable},  // on screen, with no music to draw
          {"cached", in.cache.size()},
          {"drawing", in.renders.size()}};
}

// The mirror's nodes: what a screen reader or a finger finds, where (CSS px).
nlohmann::json widgets_snapshot(const Ui& ui, double dpr) {
  using nlohmann::json;
  json out = json::array();
  for (const A11yNode& n : ui.nodes) {
    json w = {{"role", n.role}, {"name", n.name}, {"interactive", is_interactive(n.role)},
              {"rect", {n.rect[0] / dpr, n.rect[1] / dpr, n.rect[2] / dpr, n.rect[3] / dpr}},
              {"size", {n.size[0] / dpr, n.size[1] / dpr}}};
    if (!n.key.empty()) w["key"] = n.key;
    if (n.checkable) w["checked"] = n.checked;
    if (n.disabled) w["disabled"] = true;
    out.push_back(std::move(w));
  }
  return out;
}

// The page as an app (issue 11): service worker, offline, storage, proxy.
nlohmann::json app_snapshot(const Model& m) {
  const AppShell& a = m.app;
  return {{"worker", a.worker},
          {"offline_ready", a.offline_ready()},
          {"build", a.build},
          {"error", a.error},
          {"update_available", a.update_available || a.replaced},
          {"update_accepted", a.update_accepted},
          {"browser_online", a.browser_online}};
}

nlohmann::json storage_snapshot(const Model& m) {
  using nlohmann::json;
  const StorageState& s = m.storage;
  return {{"persisted", s.persisted ? json(*s.persisted) : json(nullptr)},
          {"usage_bytes", s.usage_bytes >= 0 ? json(s.usage_bytes) : json(nullptr)},
          {"quota_bytes", s.quota_bytes >= 0 ? json(s.quota_bytes) : json(nullptr)},
          {"persist_requested", s.persist_requested},
          {"database_bytes", s.database_bytes >= 0 ? json(s.database_bytes) : json(nullptr)},
          {"last_save_bytes", s.last_save_bytes >= 0 ? json(s.last_save_bytes) : json(nullptr)},
          {"last_saved_at", s.last_saved_at_ms > 0 ? json(s.last_saved_at_ms) : json(nullptr)}};
}

nlohmann::json proxy_snapshot(const Model& m) {
  const ProxyChoice& p = m.proxy_choice;
  return {{"url", m.proxy},
          {"own_origin", m.page_origin},
          {"consent", to_string(p.consent)},
          {"asking", p.consent == ProxyConsent::Asking ? p.other_host : ""},
          {"other", p.other_url}};
}

nlohmann::json keep_snapshot(const Model& m) {
  using nlohmann::json;
  const auto iso = [](const std::optional<int64_t>& ms) {
    return ms ? json(format_iso8601_utc(*ms)) : json(nullptr);
  };
  const ExportHistory& h = m.keep.history;
  return {{"last_change", iso(h.last_change_ms)}, {"last_export", iso(h.last_export_ms)},
          {"dismissed", iso(h.dismissed_ms)}};
}

}  // namespace

std::string snapshot_json(const Model& m, const Ui& ui, double dpr, const FrameProgress& frames,
                          const ChangeLogFacts& change_log) {
  const WidgetRects& widget_rects = ui.rects;
  using nlohmann::json;
  const auto& entries = m.collection.entries();
  const auto& visible = m.collection.visible();
  json rows = json::array();
  for (size_t i = 0; i < visible.size() && i < 200; ++i) {
    const auto& e = entries[visible[i]];
    rows.push_back({{"tune_id", e.tune_id}, {"name", e.name}, {"type", e.type},
                    {"learn_status", to_string(e.status)}, {"heard_count", e.heard_count},
                    {"learned_at", e.learned_at_ms ? json(*e.learned_at_ms) : json(nullptr)}, {"notes", e.notes}, {"key", e.key},
                    {"aliases", e.aliases}});
  }
  json rects = json::object();
  for (const auto& [name, r] : widget_rects) {
    // Canvas pixels -> CSS pixels, which is what input events use.
    rects[name] = {r[0] / dpr, r[1] / dpr, r[2] / dpr, r[3] / dpr};
  }
  json overflow = json::array();
  for (const auto& r : ui.overflowing) overflow.push_back({r[0] / dpr, r[1] / dpr, r[2] / dpr, r[3] / dpr});
  json banners = json::array();
  for (const auto& b : m.banners) banners.push_back(b.text);
  json sync = nullptr;
  if (m.sync_progress) {
    const SyncProgress& p = *m.sync_progress;
    sync = sync_progress_json(p);
  }
  json sets_sync = nullptr;
  if (m.sets.sync_progress) {
    const SyncProgress& p = *m.sets.sync_progress;
    sets_sync = sync_progress_json(p);
    sets_sync["sets_fetched"] = p.sets_fetched;
    sets_sync["tunes_checked"] = p.tunes_checked;
    sets_sync["tunes_to_check"] = p.tunes_to_check;
  }
  const StatusCounts& counts = m.collection.status_counts();
  const json status = {{"want_to_learn", counts.want_to_learn}, {"learning", counts.learning},
                       {"learned", counts.learned}};
  const auto& v = m.view;
  return json{
      {"ready", m.ready},
      {"read_only", m.read_only()},
      {"app_version", kAppVersion},
      {"sqlite_version", m.sqlite_version},
      {"healthz", m.healthz},
      {"total", entries.size()},
      {"shown", visible.size()},
      {"counts", status},
      {"rows", rows},
      {"view", {{"tab", v.tab}, {"search", v.filter.search}, {"type", v.filter.type},
                {"status", v.filter.status ? json(to_string(*v.filter.status)) : json(nullptr)},
                {"open_tune", v.open_tune}, {"open_set", v.open_set}}},
      {"details_loaded", v.open_tune && m.tune_details(v.open_tune) != nullptr},
      {"sync", sync},
      {"last_sync", m.last_sync ? json::parse(to_json(*m.last_sync)) : json(nullptr)},
      {"member_id", m.member_id_text},
      {"last_apply_ms", m.last_apply_ms},
      {"search_results", m.search_results.size()},
      {"search_message", m.search_message},
      {"import_summary", m.import_summary},
      {"banners", banners},
      {"saving", m.saving},
      {"highlighted", m.highlighted},
      {"rects", rects},
      // Added with the model/update shape.
      {"notes_draft", m.notes.dirty ? json{{"tune_id", m.notes.tune_id}, {"text", m.notes.text}} : json(nullptr)},
      {"requests_in_flight", m.requests.size()},
      {"notation", notation_snapshot(m)},
      {"incipits", incipits_snapshot(m)},
      {"practice", practice_snapshot(m)},
      {"last_save_ms", m.last_save_ms},
      // Added with the phone and accessibility work.
      {"thesession_status", m.thesession_status},
      {"appearance", {{"theme", to_string(m.appearance.theme)}, {"text_size", to_string(m.appearance.text_size)},
                      {"dark", m.appearance.dark()}, {"text_scale", m.appearance.text_scale()}}},
      {"widgets", widgets_snapshot(ui, dpr)},
      {"overflowing", overflow},
      {"announcements", {{"count", m.announcements.count}, {"lines", m.announcements.lines}}},
      // Added with issue 11 (the page as an installed, offline app).
      {"app", app_snapshot(m)},
      {"update_available", m.app.update_available || m.app.replaced},
      {"offline", m.app.offline},
      {"storage", storage_snapshot(m)},
      {"proxy", proxy_snapshot(m)},
      {"export_reminder", m.keep.reminder},
      {"export_history", keep_snapshot(m)},
      // Added with sets (issue 13).
      {"sets", sets_snapshot(m)},
      {"sets_shown", m.sets.shown.size()},
      {"sets_search", m.sets.search},
      {"open_set", open_set_snapshot(m)},
      {"set_add_results", m.sets.add_results},
      {"sets_message", m.sets.message},
      {"sets_sync", sets_sync},
      {"last_sets_sync", m.sets.last_sync ? json::parse(to_json(*m.sets.last_sync)) : json(nullptr)},
      {"syncing", m.syncing ? json(to_string(m.syncing_kind)) : json(nullptr)},
      {"frames", {{"drawn", frames.drawn}, {"settling", frames.settling}}},
      {"change_log", {{"records", change_log.records}, {"recent", change_log.recent},
                      {"device", change_log.device}}},
      // Added with offline music (issue 20).
      {"offline_music", {{"enabled", m.offline_music.enabled}, {"kept", m.offline_music.kept}, {"total", m.offline_music.total},
                         {"asking", m.offline_music.asking.size()}, {"not_kept", m.offline_music.not_kept.size()},
                         {"paused", m.offline_music.paused}}},
      // Added with the device sync (issue 19).
      {"devices", devices_snapshot(m)},
  }.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace tt::web
