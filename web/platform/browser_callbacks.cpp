// The functions the browser calls back (index.html, notation.js, playback.js,
// mirror.js, web/interop's libraries): each becomes an event or input for the page's
// runner, and marks activity so the next frames are drawn.
#include <emscripten.h>

#include <cstdio>
#include <string>

#include "core/http_outcome.h"
#include "web/accessibility/mirror.h"
#include "web/accessibility/mirror_input.h"
#include "web/accessibility/widget_registry.h"
#include "web/model/snapshot.h"
#include "web/platform/browser.h"
#include "web/platform/browser_app.h"
#include "web/platform/notation_bridge.h"
#include "web/platform/page_device_sync.h"
#include "web/platform/page.h"
#include "web/screens/theme.h"
#include "web/interop/js_interop.h"

using tt::web::mark_activity;
using tt::web::page_runner;
using tt::web::page_settling;
using tt::web::start_frame_loop;

namespace {

std::string text(const char* s) { return s ? s : ""; }

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void tt_on_storage_loaded(const char* error, double database_bytes, double saved_at_ms) {
  mark_activity();
  if (!page_runner().window) return;  // no WebGL: main() already said so on the page
  page_runner().dispatch(tt::web::event::PreferencesLoaded{tt::web::load_preference(tt::web::kThemePreference),
                                                      tt::web::load_preference(tt::web::kTextSizePreference),
                                                      tt::web::system_prefers_dark()});

  page_runner().dispatch(tt::web::event::StorageLoaded{text(error), database_bytes, saved_at_ms});
  page_runner().dispatch(tt::web::event::UrlChanged{tt::web::location_hash()});
  start_frame_loop();  // the first frame comes after the data
  js_page_ready();
  tt::web::start_app_shell();  // after the data: the worker's downloads never delay the first frame
}
EMSCRIPTEN_KEEPALIVE void tt_on_persisted(const char* error, double database_bytes, double written_bytes) {
  mark_activity();
  page_runner().dispatch(tt::web::event::Saved{text(error), database_bytes, written_bytes});
}
EMSCRIPTEN_KEEPALIVE void tt_on_storage_reloaded(const char* error) { mark_activity(); page_runner().dispatch(tt::web::event::StorageReloaded{text(error)}); }
EMSCRIPTEN_KEEPALIVE void tt_on_lock(int state) { mark_activity(); page_runner().dispatch(tt::web::event::LockChanged{state}); }
EMSCRIPTEN_KEEPALIVE void tt_on_other_tab_saved() { mark_activity(); page_runner().dispatch(tt::web::event::OtherTabSaved{}); }
EMSCRIPTEN_KEEPALIVE void tt_on_timer(int id) {
  mark_activity();
  if (tt::web::device_sync_timer_fired(id)) return;  // a device sync's backoff, not the update's
  page_runner().dispatch(tt::web::event::TimerFired{static_cast<uint64_t>(id)});
}
EMSCRIPTEN_KEEPALIVE void tt_on_hash_changed(const char* fragment) { mark_activity(); page_runner().dispatch(tt::web::event::UrlChanged{text(fragment)}); }
EMSCRIPTEN_KEEPALIVE void tt_on_file_picked(const char* content, const char* error) {
  mark_activity();
  page_runner().dispatch(tt::web::event::FilePicked{text(content), text(error)});
}
EMSCRIPTEN_KEEPALIVE void tt_on_fetch_done(int id, int status, const char* body, const char* retry_after,
                                           const char* error) {
  mark_activity();
  tt::HttpOutcome outcome;
  outcome.status = status;
  outcome.body = text(body);
  outcome.retry_after_ms = tt::parse_retry_after_ms(text(retry_after));
  const std::string err = text(error);
  if (err == "timeout") outcome.timed_out = true;
  else if (err.rfind("offline: ", 0) == 0) { outcome.offline = true; outcome.transport_error = err.substr(9); }
  else if (!err.empty()) outcome.transport_error = err;
  if (tt::web::device_sync_answered(id, outcome)) return;  // the device sync's own request
  page_runner().dispatch(tt::web::event::FetchDone{static_cast<uint64_t>(id), outcome});
}
EMSCRIPTEN_KEEPALIVE void tt_on_text_input(const char* typed) { mark_activity(); page_runner().input.text(typed); }
// The text of a paste into the canvas (index.html), for ImGui's Ctrl+V.
EMSCRIPTEN_KEEPALIVE void tt_on_paste(const char* text) { page_runner().input.pasted(text); }
// A key typed on the phone's hidden field (index.html): a GLFW key code,
// pressed and let go, with Ctrl (or Cmd) and Shift as they were held.
EMSCRIPTEN_KEEPALIVE void tt_on_key_tap(int key, int ctrl, int shift) {
  mark_activity();
  page_runner().input.key_tap(key, ctrl != 0, shift != 0);
}
// Mouse and touch, from index.html. phase: 1 press, 2 move, 0 release;
// coordinates in canvas pixels; touch: 1 for a finger.
EMSCRIPTEN_KEEPALIVE void tt_on_pointer(float x, float y, int phase, int touch) {
  mark_activity();
  page_runner().input.pointer(x, y, static_cast<tt::web::Input::Phase>(phase), touch != 0);
}
// The wheel, from index.html: steps (a notch is 1), positive up or left as ImGui counts.
EMSCRIPTEN_KEEPALIVE void tt_on_wheel(float x_steps, float y_steps) {
  mark_activity();
  page_runner().input.wheel(x_steps, y_steps);
}
// notation.js: a render finished (its texture and note boxes, or an error).
EMSCRIPTEN_KEEPALIVE void tt_on_notation_rendered(int id, const char* json) {
  mark_activity();
  page_runner().dispatch(tt::web::event::NotationRendered{static_cast<uint64_t>(id), tt::web::parse_rendered_notation(text(json))});
}
// notation.js: the player started, moved to a note, ended or failed.
EMSCRIPTEN_KEEPALIVE void tt_on_playback(int id, const char* json) {
  mark_activity();
  page_runner().dispatch(tt::web::parse_playback(static_cast<uint64_t>(id), text(json)));
}
// index.html: prefers-color-scheme changed.
EMSCRIPTEN_KEEPALIVE void tt_on_color_scheme(int dark) {
  mark_activity();
  page_runner().dispatch(tt::web::event::SystemThemeChanged{dark != 0});
}
// The accessibility mirror (mirror.js): the field with ImGui id `item` holds
// `text_now`; `done`: it was left or Enter pressed. The next frame's field
// takes it (web/accessibility/mirror_input.h).
EMSCRIPTEN_KEEPALIVE void tt_on_mirror_text(uint32_t item, const char* text_now, int done) {
  mark_activity();
  tt::web::mirror_typed(item, text(text_now), done != 0);
}
// The accessibility mirror (mirror.js): the entry `label` of a combobox's list was chosen.
EMSCRIPTEN_KEEPALIVE void tt_on_mirror_choice(uint32_t item, const char* label) {
  mark_activity();
  tt::web::mirror_chose(item, text(label));
}
// The accessibility mirror (mirror.js): an action that is not a tap.
EMSCRIPTEN_KEEPALIVE void tt_on_mirror_action(const char* action) {
  mark_activity();
  // A row of the table, on screen or not: opened as a click on it would.
  long long tune_id = 0;
  if (std::sscanf(action, "open_tune %lld", &tune_id) == 1) {
    page_runner().dispatch(tt::web::event::OpenTune{tune_id});
    return;
  }
  int row = 0;
  if (std::sscanf(action, "show_row %d", &row) == 1) {
    tt::web::mirror_wants_row_shown(row);
    return;
  }
  tt::web::perform_mirror_action(action);
}
// web/platform/browser_app.cpp: the service worker's state changed.
EMSCRIPTEN_KEEPALIVE void tt_on_app_shell(const char* worker, int update_waiting, int replaced, const char* build,
                                          const char* error) {
  mark_activity();
  page_runner().dispatch(tt::web::event::AppShellChanged{text(worker), update_waiting != 0, replaced != 0, text(build), text(error)});
}
EMSCRIPTEN_KEEPALIVE void tt_on_online(int online) { mark_activity(); page_runner().dispatch(tt::web::event::OnlineChanged{online != 0}); }
// persisted: -1 unknown, 0 no, 1 yes; usage and quota -1 when unknown.
EMSCRIPTEN_KEEPALIVE void tt_on_storage_estimated(int persisted, double usage, double quota) {
  mark_activity();
  tt::web::event::StorageEstimated e;
  if (persisted >= 0) e.persisted = persisted == 1;
  e.usage_bytes = usage;
  e.quota_bytes = quota;
  page_runner().dispatch(e);
}
// The automation hook: window.tunetrack.snapshot() returns this.
EMSCRIPTEN_KEEPALIVE const char* tt_snapshot() {
  static std::string json;
  tt::web::ChangeLogFacts change_log;
  if (tt::Store* store = page_runner().services.store.get()) {
    try {
      auto [records, recent] = store->recent_changes(8);
      change_log = {records, std::move(recent), store->device_id()};
    } catch (const tt::StoreError&) {
      // A database that cannot be read says so in its banner; the snapshot goes on.
    }
  }
  json = tt::web::snapshot_json(page_runner().model, page_runner().ui, page_runner().dpr,
                               {page_runner().schedule.drawn, page_settling() || page_runner().model.busy()}, change_log);
  return json.c_str();
}
// The accessibility mirror (mirror.js): every row of the collection's list
// now (a11y_node.h's mirror_rows_json), asked for once the list stays still.
EMSCRIPTEN_KEEPALIVE const char* tt_mirror_rows() {
  static std::string json;
  json = tt::web::mirror_rows_json(page_runner().model.collection);
  return json.c_str();
}
// Frame times in ms over the last frames: "count p50 p95 max|count p50 p95 max"
// (whole frame | UI without the WebGL calls).
EMSCRIPTEN_KEEPALIVE const char* tt_frame_stats() {
  static std::string stats;
  stats = page_runner().frame_total.summary() + "|" + page_runner().frame_ui.summary();
  return stats.c_str();
}
EMSCRIPTEN_KEEPALIVE void tt_reset_frame_stats() {
  page_runner().frame_total.clear();
  page_runner().frame_ui.clear();
}
}
