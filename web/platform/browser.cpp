#include "web/platform/browser.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>

namespace tt::web {
namespace {

std::string take_string(char* owned) {
  std::string out = owned ? owned : "";
  std::free(owned);
  return out;
}

}  // namespace

EM_JS(void, js_mount_storage, (), {
  FS.mkdir('/data');
  FS.mount(IDBFS, {}, '/data');
  FS.syncfs(true, function(err) {
    var msg = err ? ('Could not load saved data: ' + err) : "";
    Module.ccall('tt_on_storage_loaded', null, ['string'], [msg]);
  });
});

EM_JS(void, js_persist_storage, (), {
  Module.ttSaving = true;
  FS.syncfs(false, function(err) {
    Module.ttSaving = false;
    var msg = "";
    if (err) {
      msg = String(err && err.name ? err.name : err);
      if (msg.toLowerCase().indexOf("quota") >= 0) msg = 'Browser storage is full (quota exceeded)';
    }
    Module.ccall('tt_on_persisted', null, ['string'], [msg]);
  });
});

EM_JS(void, js_reload_storage, (), {
  FS.syncfs(true, function(err) {
    Module.ccall('tt_on_storage_reloaded', null, ['string'], [err ? String(err) : ""]);
  });
});

EM_JS(void, js_request_db_lock, (), {
  if (!navigator.locks) { Module.ccall('tt_on_lock', null, ['number'], [1]); return; }
  navigator.locks.request('tunetrack-database', {ifAvailable: true}, function(lock) {
    Module.ccall('tt_on_lock', null, ['number'], [lock ? 1 : 0]);
    if (!lock) {
      // Wait for the owner to go away, then take over.
      navigator.locks.request('tunetrack-database', function() {
        Module.ccall('tt_on_lock', null, ['number'], [2]);
        return new Promise(function() {});
      });
      return;
    }
    return new Promise(function() {});  // hold the lock for the tab's lifetime
  });
  if (typeof BroadcastChannel !== 'undefined') {
    Module.ttChannel = new BroadcastChannel('tunetrack');
    Module.ttChannel.onmessage = function(e) {
      if (e.data === 'saved') Module.ccall('tt_on_other_tab_saved', null, [], []);
    };
  }
});

EM_JS(void, js_notify_other_tabs, (), {
  if (Module.ttChannel) Module.ttChannel.postMessage('saved');
});

EM_JS(void, js_fetch_url, (int id, const char* url_ptr, int timeout_ms, const char* probe_ptr), {
  var url = UTF8ToString(url_ptr);
  var probe = UTF8ToString(probe_ptr);
  var controller = new AbortController();
  Module.ttFetches = Module.ttFetches || {};
  Module.ttFetches[id] = controller;
  var timedOut = false;
  var timer = setTimeout(function() { timedOut = true; controller.abort(); }, timeout_ms);
  var done = function(status, body, retryAfter, error) {
    clearTimeout(timer);
    delete Module.ttFetches[id];
    // The body on the heap (ccall's 'string' would copy it onto the small
    // wasm stack); a body too big for memory is a failure, said as such.
    var bodyPtr = allocateUTF8(body);
    if (!bodyPtr) { bodyPtr = allocateUTF8(""); status = 0; error = 'answer too large (' + body.length + ' bytes)'; }
    try {
      Module.ccall('tt_on_fetch_done', null, ['number', 'number', 'number', 'string', 'string'],
                   [id, status, bodyPtr, retryAfter, error]);
    } finally {
      _free(bodyPtr);
    }
  };
  fetch(url, {headers: {'Accept': 'application/json'}, signal: controller.signal, credentials: 'omit'})
    .then(function(response) {
      var retryAfter = response.headers.get('Retry-After') || "";
      return response.text().then(function(text) { done(response.status, text, retryAfter, ""); });
    })
    .catch(function(err) {
      if (timedOut) return done(0, "", "", 'timeout');
      if (controller.signal.aborted) return done(0, "", "", 'aborted');
      if (navigator.onLine === false) return done(0, "", "", 'offline: this device has no network connection');
      if (!probe) return done(0, "", "", 'network error: ' + err.message);
      // No answer at all. If the proxy does not answer either, the page is
      // offline (no network, or the proxy is down): said at once, where
      // retrying for seconds would only make the musician wait. If it does,
      // this was one dropped request, worth retrying.
      var probeController = new AbortController();
      var probeTimer = setTimeout(function() { probeController.abort(); }, 3000);
      var host = "";
      try { host = new URL(probe).host; } catch (e) {}
      fetch(probe, {cache: 'no-store', credentials: 'omit', signal: probeController.signal}).then(function() {
        clearTimeout(probeTimer);
        done(0, "", "", 'network error: ' + err.message);
      }, function() {
        clearTimeout(probeTimer);
        done(0, "", "", 'offline: the proxy at ' + host + ' cannot be reached');
      });
    });
});

EM_JS(void, js_abort_fetch, (int id), {
  if (Module.ttFetches && Module.ttFetches[id]) Module.ttFetches[id].abort();
});

EM_JS(void, js_set_timer, (int id, int delay_ms), {
  Module.ttTimers = Module.ttTimers || {};
  Module.ttTimers[id] = setTimeout(function() {
    delete Module.ttTimers[id];
    Module.ccall('tt_on_timer', null, ['number'], [id]);
  }, delay_ms);
});

EM_JS(void, js_clear_timer, (int id), {
  if (Module.ttTimers && Module.ttTimers[id] !== undefined) {
    clearTimeout(Module.ttTimers[id]);
    delete Module.ttTimers[id];
  }
});

EM_JS(double, js_now_ms, (), { return Date.now(); });
EM_JS(int, js_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });

EM_JS(char*, js_location_hash, (), {
  var h = window.location.hash.substring(1);
  return typeof stringToNewUTF8 !== "undefined" ? stringToNewUTF8(h) : allocateUTF8(h);
});

EM_JS(void, js_set_location_hash, (const char* fragment_ptr, int push), {
  var f = UTF8ToString(fragment_ptr);
  var url = window.location.pathname + window.location.search + (f ? '#' + f : "");
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
});

EM_JS(void, js_open_in_new_tab, (const char* url_ptr), {
  window.open(UTF8ToString(url_ptr), '_blank', 'noopener');
});

EM_JS(void, js_copy_to_clipboard, (const char* text_ptr), {
  var text = UTF8ToString(text_ptr);
  Module.ttLastCopied = text;
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).catch(function() {});
  }
});

EM_JS(void, js_download_bytes, (const char* name_ptr, const char* mime_ptr, const char* data, int length), {
  var bytes = HEAPU8.slice(data, data + length);
  var blob = new Blob([bytes], {type: UTF8ToString(mime_ptr)});
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name_ptr);
  Module.ttLastDownload = {name: a.download, size: length};
  document.body.appendChild(a);
  a.click();
  setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

EM_JS(void, js_download_file, (const char* name_ptr, const char* path_ptr), {
  var bytes = FS.readFile(UTF8ToString(path_ptr));
  var blob = new Blob([bytes], {type: 'application/octet-stream'});
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name_ptr);
  document.body.appendChild(a);
  a.click();
  setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

EM_JS(void, js_pick_text_file, (), {
  var input = document.getElementById('tt-file');
  input.value = "";
  input.onchange = function() {
    var file = input.files && input.files[0];
    if (!file) return;
    file.text().then(function(text) {
      // On the heap, not the stack: ccall's 'string' copies onto the wasm
      // stack (a few MB), which a big export overflows.
      var content = allocateUTF8(text);
      if (!content) {
        Module.ccall('tt_on_file_picked', null, ['string', 'string'],
                     ["", 'The file is too large to import here (' + Math.round(text.length / 1e6) + ' MB)']);
        return;
      }
      try {
        Module.ccall('tt_on_file_picked', null, ['number', 'string'], [content, ""]);
      } finally {
        _free(content);
      }
    }, function(err) {
      Module.ccall('tt_on_file_picked', null, ['string', 'string'], ["", 'Could not read the file: ' + err]);
    });
  };
  input.click();
});

EM_JS(double, js_fit_canvas, (int* width, int* height), {
  var canvas = Module.canvas;
  var dpr = window.devicePixelRatio || 1;
  var w = Math.max(1, Math.round(canvas.clientWidth * dpr));
  var h = Math.max(1, Math.round(canvas.clientHeight * dpr));
  if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  HEAP32[width >> 2] = w;
  HEAP32[height >> 2] = h;
  return dpr;
});

EM_JS(void, js_set_text_input_active, (int active), {
  Module.ttTextInputWanted = active !== 0;  // for tests: a field is ready for typing
  var input = document.getElementById('tt-keyboard');
  if (!input) return;
  if (active && document.activeElement !== input) { input.value = ""; input.focus({preventScroll: true}); }
  if (!active && document.activeElement === input) { input.blur(); Module.canvas.focus(); }
});

// localStorage can be missing or refuse (private modes, a full quota): the
// choices then last as long as the page.
EM_JS(char*, js_load_preference, (const char* key), {
  var value = "";
  try { value = window.localStorage.getItem(UTF8ToString(key)) || ""; } catch (e) {}
  return allocateUTF8(value);
});

EM_JS(void, js_store_preference, (const char* key, const char* value), {
  try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
  if (Module.ttOnPreference) Module.ttOnPreference(UTF8ToString(key), UTF8ToString(value));
});

EM_JS(int, js_system_prefers_dark, (), {
  return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
});

EM_JS(int, js_has_touch_screen, (), {
  return window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? 1 : 0;
});

void mount_storage() { js_mount_storage(); }
void persist_storage() { js_persist_storage(); }
void reload_storage() { js_reload_storage(); }
void request_db_lock() { js_request_db_lock(); }
void notify_other_tabs() { js_notify_other_tabs(); }
void fetch_url(int id, const std::string& url, int timeout_ms, const std::string& probe_url) {
  js_fetch_url(id, url.c_str(), timeout_ms, probe_url.c_str());
}
void abort_fetch(int id) { js_abort_fetch(id); }
void set_timer(int id, int delay_ms) { js_set_timer(id, delay_ms); }
void clear_timer(int id) { js_clear_timer(id); }
double now_ms() { return js_now_ms(); }
int utc_offset_minutes() { return js_utc_offset_minutes(); }
std::string location_hash() { return take_string(js_location_hash()); }
void set_location_hash(const std::string& fragment, bool push) { js_set_location_hash(fragment.c_str(), push ? 1 : 0); }
void open_in_new_tab(const std::string& url) { js_open_in_new_tab(url.c_str()); }
void copy_to_clipboard(const std::string& text) { js_copy_to_clipboard(text.c_str()); }
void download_text(const std::string& filename, const std::string& mime, const std::string& text) {
  js_download_bytes(filename.c_str(), mime.c_str(), text.data(), static_cast<int>(text.size()));
}
void download_file(const std::string& filename, const std::string& path) {
  js_download_file(filename.c_str(), path.c_str());
}
void pick_text_file() { js_pick_text_file(); }
double fit_canvas_to_window(int* width, int* height) { return js_fit_canvas(width, height); }
void set_text_input_active(bool active) { js_set_text_input_active(active ? 1 : 0); }
std::string load_preference(const std::string& key) { return take_string(js_load_preference(key.c_str())); }
void store_preference(const std::string& key, const std::string& value) { js_store_preference(key.c_str(), value.c_str()); }
bool system_prefers_dark() { return js_system_prefers_dark() != 0; }
bool has_touch_screen() { return js_has_touch_screen() != 0; }

}  // namespace tt::web
