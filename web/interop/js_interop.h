#pragma once
// Everything the C++ side calls in the browser, in one place: each function
// here is JavaScript in an Emscripten library beside this header
// (web/interop/*.js, linked with --js-library), never an EM_JS block in a
// C++ file. Strings returned as char* are malloc'ed copies the caller frees.
// The browser answers through the tt_on_* functions exported by
// web/platform/browser_callbacks.cpp. The page's globals (Module.tt*) are set
// and read only by these libraries, index.html and web/page/*.js.
//
// Only the browser build (Emscripten) links these.

#include <cstdint>

extern "C" {

// --- The database file, the tab lock and preferences (storage.js; the page
// store itself is web/page/page_store.js). The database lives in memory at
// `path`; IndexedDB keeps it as blocks of `block_size` bytes, and a save
// writes the blocks written since the last one (shell/dirty_block_vfs.h).
void js_mount_storage(const char* path, int block_size);
void js_persist_storage(const char* path, const int32_t* blocks, int count);
void js_reload_storage(const char* path);
void js_request_db_lock();
void js_notify_other_tabs();
// localStorage can be missing or refuse (private modes, a full quota): the
// choices then last as long as the page.
char* js_load_preference(const char* key);
void js_store_preference(const char* key, const char* value);

// --- Requests, timers and the clock (network.js). Answers come back through tt_on_fetch_done and tt_on_timer.
// `request_json`: {method, url, headers: {name: value}, user, password, cache}.
void js_http_send(int id, const char* request_json, const char* body, int body_length, int timeout_ms,
                  const char* probe_ptr);
void js_abort_fetch(int id);
void js_set_timer(int id, int delay_ms);
void js_clear_timer(int id);
double js_now_ms();
int js_utc_offset_minutes();

// --- The page around the canvas (page.js).
char* js_location_hash();
void js_set_location_hash(const char* fragment_ptr, int push);
void js_open_in_new_tab(const char* url_ptr);
void js_copy_to_clipboard(const char* text_ptr);
void js_download_bytes(const char* name_ptr, const char* mime_ptr, const char* data, int length);
void js_download_file(const char* name_ptr, const char* path_ptr);
void js_pick_text_file();
double js_fit_canvas(int* width, int* height);
void js_set_text_input_active(int active, int secret);
int js_system_prefers_dark();
int js_has_touch_screen();
double js_last_input_ms();
// The page's loader: the app is up; the first frame is drawn; it cannot run (why).
void js_page_ready();
void js_mark_first_frame();
void js_fatal(const char* message);

// --- The app shell and the proxy question (app.js).
char* js_page_origin();
char* js_proxy_param();
// Kept in localStorage, not the database: it must be known before the
// database loads, and it belongs to this browser rather than the collection.
char* js_remembered_proxy_answers();
void js_remember_proxy_answer(const char* origin_ptr, int allow);
int js_browser_online();
void js_start_app_shell();
void js_activate_update();
void js_estimate_storage(int ask);

// --- Notation and playback (notation_glue.js).
// GL and GLctx are Emscripten's WebGL state: a texture made here gets a GL
// name the C++ renderer can bind like any other.
void js_install_notation_textures();
void js_render_notation(int id, const char* abc, int width_css, int transpose, double dpr, int incipit);
void js_release_texture(int id);
void js_start_playback(int id, const char* request);
void js_stop_playback();

// --- The accessibility mirror (mirror_glue.js).
void js_mirror_update(const char* json);
void js_mirror_announce(const char* text);
// The collection's list changed: the mirror asks for its rows (tt_mirror_rows) once typing pauses.
void js_mirror_rows_changed();
// The mirror benchmark's baseline switches it off (tests/bench/mirror_bench.mjs).
int js_mirror_wanted();

}  // extern "C"
