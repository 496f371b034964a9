#pragma once
// Everything the web app asks of the browser, in one place: storage
// (the database in memory, its blocks in IndexedDB), fetch, timers, the URL fragment, clipboard, downloads,
// file picking, Web Locks and cross-tab notices. Asynchronous answers come
// back through the tt_on_* functions exported from browser_callbacks.cpp. The runner
// (web/platform/runner.cpp) calls these to perform the effects `update` asks for.
#include <string>

#include "core/http_request.h"

namespace tt::web {

// The database at `path` is read from IndexedDB (converted once from the
// older whole-file form), then SQLite opens it: -> tt_on_storage_loaded(error).
void mount_storage(const std::string& path, int block_size);
void persist_storage(const std::string& path);  // its changed blocks: -> tt_on_persisted(error)
void reload_storage(const std::string& path);   // read-only tabs: -> tt_on_storage_reloaded(error)
void request_db_lock();                    // -> tt_on_lock(owner)
void notify_other_tabs();                  // the owner tab saved: others reload

// -> tt_on_fetch_done(...). A fetch that gets no answer at all tries
// `probe_url` once: no answer there either is reported as "offline: ...".
void fetch_url(int id, const std::string& url, int timeout_ms, const std::string& probe_url);
// Any request (the WebDAV folder's); `no_store`: past the browser's cache.
// -> tt_on_fetch_done(...), as fetch_url.
void send_http(int id, const HttpRequest& request, int timeout_ms, bool no_store, const std::string& probe_url = "");
void abort_fetch(int id);
void set_timer(int id, int delay_ms);      // -> tt_on_timer(id)
void clear_timer(int id);
double now_ms();                           // wall clock, epoch milliseconds
int utc_offset_minutes();                  // the device's time zone now, east positive

std::string location_hash();               // without '#'
void set_location_hash(const std::string& fragment, bool push);  // push: a new history entry

void open_in_new_tab(const std::string& url);
void copy_to_clipboard(const std::string& text);
void download_text(const std::string& filename, const std::string& mime, const std::string& text);
void download_file(const std::string& filename, const std::string& path);  // from the in-memory FS
void pick_text_file();                     // -> tt_on_file_picked(text, error)

// Sizes the canvas backing store to its CSS size times devicePixelRatio;
// returns the ratio.
double fit_canvas_to_window(int* width, int* height);

// The phone keyboard: a hidden text field focused while ImGui edits text.
// `secret`: a password is typed (the hidden field hides it from the keyboard too).
void set_text_input_active(bool active, bool secret);

// This device's display choices (localStorage; "" when none or unavailable).
std::string load_preference(const std::string& key);
void store_preference(const std::string& key, const std::string& value);
bool system_prefers_dark();                // prefers-color-scheme; changes -> tt_on_color_scheme
bool has_touch_screen();                   // a coarse pointer (a finger) is the main one

}  // namespace tt::web
