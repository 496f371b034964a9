// The database file between memory and IndexedDB (its blocks: web/page/page_store.js),
// the one-writer tab lock, the other tabs told of a save, and this browser's preferences (localStorage).
// An Emscripten JS library (linked with --js-library): every function the
// C++ side calls in the browser is declared in web/interop/js_interop.h.
mergeInto(LibraryManager.library, {
  // Reads the saved database into the in-memory file system, converting the
  // older whole-file form once (its copy is dropped only after the new form is saved).
  js_mount_storage: function(pathPtr, blockSize) {
    var path = UTF8ToString(pathPtr);
    // unsaved: blocks a failed save did not write; everything: the next save
    // writes the whole file; aside: set-aside files already kept.
    Module.ttStorage = { path: path, blockSize: blockSize, unsaved: new Set(), everything: true, aside: new Set(),
                         savedAt: 0, savedBytes: -1, size: -1 };
    FS.mkdir(path.substring(0, path.lastIndexOf('/')));
    ttLoadStorage(path, blockSize, true).then(function(msg) {
      var st = Module.ttStorage;
      Module.ccall('tt_on_storage_loaded', null, ['string', 'number', 'number'], [msg, st.size, st.savedAt]);
    });
  },
  // -> Promise of "" or what went wrong. `convert`: at start-up only.
  $ttLoadStorage: function(path, blockSize, convert) {
    var st = Module.ttStorage;
    if (!window.ttPageStore || !window.indexedDB) {
      return Promise.resolve('Could not load saved data: this browser has no IndexedDB');
    }
    return window.ttPageStore.load(path, blockSize).then(function(got) {
      got.aside.forEach(function(file) { FS.writeFile(file.name, file.bytes); st.aside.add(file.name); });
      st.savedAt = got.savedAt;
      st.size = got.bytes ? got.bytes.length : -1;
      if (!got.bytes) return '';
      FS.writeFile(path, got.bytes, { canOwn: true });
      if (got.damage) console.warn('tunetrack: the saved database is damaged: ' + got.damage);
      // A conversion, blocks of another size, or a store with damage (a file
      // SQLite still accepts): the next save writes the whole file.
      st.everything = got.converted || got.blockSize !== blockSize || !!got.damage;
      if (!got.converted || !convert) return '';
      return ttSaveStorage([]).then(function() { window.ttPageStore.forgetOldForm(); return ''; },
                                    function(err) { console.warn('tunetrack: conversion not saved yet: ' + err); return ''; });
    }, function(err) { return 'Could not load saved data: ' + (err && err.message ? err.message : err); });
  },
  // Saves `blocks` (and whatever a failed save left) from the in-memory file.
  // The bytes are copied now, so a later change cannot leak into this save.
  $ttSaveStorage: function(blocks) {
    var st = Module.ttStorage;
    var node = FS.lookupPath(st.path).node;
    var size = node.usedBytes, count = Math.ceil(size / st.blockSize), everything = st.everything;
    var list;
    if (everything) {
      list = [];
      for (var i = 0; i < count; i++) list.push(i);
    } else {
      var wanted = new Set(st.unsaved);
      blocks.forEach(function(b) { wanted.add(b); });
      list = Array.from(wanted);
    }
    var writes = [], bytes = 0;
    list.forEach(function(b) {
      if (b >= count) return;
      var start = b * st.blockSize, end = Math.min(start + st.blockSize, size);
      writes.push([b, node.contents.slice(start, end)]);
      bytes += end - start;
    });
    // Damaged databases set aside (update_storage.cpp) are kept too, once each.
    var dir = st.path.substring(0, st.path.lastIndexOf('/') + 1);
    var aside = [];
    FS.readdir(dir).forEach(function(name) {
      if (name.indexOf('tunetrack-damaged-') === 0 && !st.aside.has(dir + name)) aside.push([dir + name, FS.readFile(dir + name)]);
    });
    st.unsaved = new Set();
    st.everything = false;
    return window.ttPageStore.save(writes, size, st.blockSize, everything, aside).then(function(commit) {
      aside.forEach(function(a) { st.aside.add(a[0]); });
      st.savedAt = commit.savedAt;
      st.savedBytes = bytes;
      st.size = size;
    }, function(err) {
      // Nothing of this save was written: all of it goes with the next one.
      if (everything) st.everything = true;
      else list.forEach(function(b) { st.unsaved.add(b); });
      throw err;
    });
  },
  // Main-thread work that can wait (engraving) starts once the save in
  // flight completes: its completion event would otherwise queue behind tens
  // of milliseconds of engraving, and "Saved." with it. At most 250 ms later.
  $ttWhenSaved: function(fn) {
    var st = Module.ttStorage;
    if (!Module.ttSaving || !st) { fn(); return; }
    var run = function() { if (fn) { var f = fn; fn = null; f(); } };
    st.afterSave = st.afterSave || [];
    st.afterSave.push(run);
    setTimeout(run, 250);
  },
  js_mount_storage__deps: ['$ttLoadStorage', '$ttSaveStorage'],
  js_persist_storage__deps: ['$ttSaveStorage'],
  js_reload_storage__deps: ['$ttLoadStorage'],
  js_persist_storage: function(pathPtr, blocksPtr, count) {
    Module.ttSaving = true;
    var blocks = Array.from(HEAP32.subarray(blocksPtr >> 2, (blocksPtr >> 2) + count));
    var saving;
    try {
      saving = ttSaveStorage(blocks);
    } catch (e) {
      blocks.forEach(function(b) { Module.ttStorage.unsaved.add(b); });  // the VFS has forgotten them
      saving = Promise.reject(e);
    }
    var st = Module.ttStorage;
    saving.then(function() { return ""; }, function(err) {
      var msg = String(err && err.name ? err.name : err);
      if (msg.toLowerCase().indexOf("quota") >= 0) msg = 'Browser storage is full (quota exceeded)';
      return msg;
    }).then(function(msg) {
      Module.ttSaving = false;
      Module.ccall('tt_on_persisted', null, ['string', 'number', 'number'], [msg, st.size, st.savedBytes]);
      var waiting = st.afterSave || [];
      st.afterSave = [];
      waiting.forEach(function(run) { run(); });
    });
  },
  js_reload_storage: function(pathPtr) {
    var st = Module.ttStorage;
    ttLoadStorage(st.path, st.blockSize, false).then(function(msg) {
      Module.ccall('tt_on_storage_reloaded', null, ['string'], [msg]);
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
