// The database file in IndexedDB (Emscripten's IDBFS), the one-writer tab lock, the
// other tabs told of a save, and this browser's preferences (localStorage).
// An Emscripten JS library (linked with --js-library): every function the
// C++ side calls in the browser is declared in web/interop/js_interop.h.
mergeInto(LibraryManager.library, {
  js_mount_storage: function() {
    FS.mkdir('/data');
    FS.mount(IDBFS, {}, '/data');
    FS.syncfs(true, function(err) {
      var msg = err ? ('Could not load saved data: ' + err) : "";
      Module.ccall('tt_on_storage_loaded', null, ['string'], [msg]);
    });
  },
  js_persist_storage: function() {
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
  },
  js_reload_storage: function() {
    FS.syncfs(true, function(err) {
      Module.ccall('tt_on_storage_reloaded', null, ['string'], [err ? String(err) : ""]);
    });
  },
  js_request_db_lock: function() {
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
  },
  js_notify_other_tabs: function() {
    if (Module.ttChannel) Module.ttChannel.postMessage('saved');
  },
  // localStorage can be missing or refuse (private modes, a full quota): the
  // choices then last as long as the page.
  js_load_preference: function(key) {
    var value = "";
    try { value = window.localStorage.getItem(UTF8ToString(key)) || ""; } catch (e) {}
    return allocateUTF8(value);
  },
  js_store_preference: function(key, value) {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
    if (Module.ttOnPreference) Module.ttOnPreference(UTF8ToString(key), UTF8ToString(value));
  }
});
