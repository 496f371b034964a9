// The database in IndexedDB as blocks, so a save writes what changed and not
// the whole file (ARCHITECTURE.md, "In the browser"). IndexedDB only: the
// page's glue (web/interop/storage.js) copies between it and the in-memory
// file SQLite uses.
//
// The IndexedDB database "tunetrack-pages" holds:
//   blocks: block number -> the bytes of that block (the last may be short)
//   meta:   "commit" -> { txn, size, blockSize, blocks, savedAt }: the file
//           the blocks make up. Written in the same IndexedDB transaction as
//           the blocks, so a save is all there or not there at all.
//   aside:  file name -> bytes: damaged databases set aside for download.
// IndexedDB completes overlapping write transactions in the order they were
// made, and the page makes one save at a time, so a completed save covers
// every earlier one.
(function () {
  'use strict';
  var NAME = 'tunetrack-pages';
  var BLOCKS = 'blocks', META = 'meta', ASIDE = 'aside';
  var LOAD_BATCH = 512;  // blocks per getAll: a few megabytes at a time, never the whole file at once
  // Where the page kept the database before (Emscripten's IDBFS: one record per file).
  var OLD_NAME = '/data', OLD_STORE = 'FILE_DATA';

  var db = null;  // opened by load(); saves use it synchronously, so their order is kept
  var lastTxn = 0;  // the commit record's number, counted by this page (the only writer)

  function request(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }

  function finished(tx) {
    return new Promise(function (resolve, reject) {
      tx.oncomplete = function () { resolve(); };
      tx.onerror = function () { reject(tx.error); };
      tx.onabort = function () { reject(tx.error || new Error('the save was aborted')); };
    });
  }

  function open() {
    var r = indexedDB.open(NAME, 1);
    r.onupgradeneeded = function () {
      r.result.createObjectStore(BLOCKS);
      r.result.createObjectStore(META);
      r.result.createObjectStore(ASIDE);
    };
    r.onblocked = function () { console.warn('tunetrack: the page store is held open by an older tab'); };
    return request(r).then(function (opened) {
      // A newer page asking for a newer version: let it, this page reloads.
      opened.onversionchange = function () { opened.close(); };
      return opened;
    });
  }

  // The saved file as the commit record describes it, read in ONE read-only
  // transaction, so a save by another tab can never be half seen. Missing
  // or short blocks are reported as damage and left as zeros: SQLite's check
  // then finds the file damaged and the page sets it aside, as it does any
  // damaged database. -> Promise of null (nothing saved) or
  // { meta, bytes, damage, aside: [{name, bytes}] }.
  function readSaved() {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction([META, BLOCKS, ASIDE], 'readonly');
      var got = null;
      var damage = [];
      tx.oncomplete = function () { resolve(got && { meta: got.meta, bytes: got.bytes, damage: damage.join('; '), aside: got.aside }); };
      tx.onerror = function () { reject(tx.error); };
      tx.onabort = function () { reject(tx.error || new Error('reading the saved collection was aborted')); };
      // Requests are made from the callbacks, never after a promise: the
      // transaction stays open only while its callbacks run.
      tx.objectStore(META).get('commit').onsuccess = function (e) {
        var meta = e.target.result;
        if (!meta) return;
        got = { meta: meta, bytes: new Uint8Array(meta.size), aside: [] };
        var blocks = tx.objectStore(BLOCKS);
        for (var first = 0; first < meta.blocks; first += LOAD_BATCH) readBatch(blocks, meta, first, Math.min(first + LOAD_BATCH, meta.blocks) - 1);
        var aside = tx.objectStore(ASIDE);
        aside.getAllKeys().onsuccess = function (keys) {
          aside.getAll().onsuccess = function (values) {
            got.aside = keys.target.result.map(function (name, i) { return { name: name, bytes: new Uint8Array(values.target.result[i]) }; });
          };
        };
      };
      // getAll alone when every block is there (the keys are then first..last);
      // the keys are asked for only to place the blocks of a damaged range.
      function readBatch(blocks, meta, first, last) {
        var range = IDBKeyRange.bound(first, last);
        blocks.getAll(range).onsuccess = function (v) {
          var values = v.target.result;
          if (values.length === last - first + 1) {
            place(meta, values, null, first);
            return;
          }
          damage.push((last - first + 1 - values.length) + ' blocks missing');
          blocks.getAllKeys(range).onsuccess = function (k) { place(meta, values, k.target.result, first); };
        };
      }
      function place(meta, values, keys, first) {
        for (var i = 0; i < values.length; i++) {
          var key = keys ? keys[i] : first + i;
          var at = key * meta.blockSize;
          var expected = Math.min(meta.blockSize, meta.size - at);
          var block = new Uint8Array(values[i]);
          if (block.length !== expected) damage.push('block ' + key + ' has ' + block.length + ' bytes');
          got.bytes.set(block.subarray(0, Math.max(0, Math.min(block.length, meta.size - at))), at);
        }
      }
    });
  }

  // The database file in the older whole-file form, or null when there is none.
  function readOldForm(path) {
    if (!indexedDB.databases) return probeOldForm(path);
    return indexedDB.databases().then(function (all) {
      var there = all.some(function (d) { return d.name === OLD_NAME; });
      return there ? probeOldForm(path) : null;
    }, function () { return probeOldForm(path); });
  }

  function probeOldForm(path) {
    var r = indexedDB.open(OLD_NAME);
    var created = false;
    r.onupgradeneeded = function () { created = true; };  // it did not exist: nothing to convert
    return request(r).then(function (old) {
      if (created || !old.objectStoreNames.contains(OLD_STORE)) {
        old.close();
        if (created) indexedDB.deleteDatabase(OLD_NAME);  // leave nothing behind
        return null;
      }
      return request(old.transaction(OLD_STORE, 'readonly').objectStore(OLD_STORE).get(path)).then(function (entry) {
        old.close();
        return entry && entry.contents ? new Uint8Array(entry.contents) : null;
      });
    });
  }

  window.ttPageStore = {
    // -> { bytes (null: nothing saved yet), blockSize, damage, aside: [{name, bytes}], converted }
    load: function (path, blockSize) {
      var opening = db ? Promise.resolve(db) : open().then(function (opened) { db = opened; return db; });
      return opening.then(readSaved).then(function (saved) {
        if (saved) {
          lastTxn = saved.meta.txn;
          return { bytes: saved.bytes, blockSize: saved.meta.blockSize, damage: saved.damage, aside: saved.aside,
                   savedAt: saved.meta.savedAt, converted: false };
        }
        // Nothing in the page store yet: a first start, or one after an update from the whole-file form.
        return readOldForm(path).then(function (old) {
          return { bytes: old, blockSize: blockSize, damage: '', aside: [], savedAt: 0, converted: !!old };
        });
      });
    },

    // Writes `blocks` ([number, bytes] pairs) and the commit record in one
    // IndexedDB transaction; blocks past the new end are dropped in it too.
    // -> Promise of the commit record written.
    // `everything`: the blocks are the whole file (a first save or a
    // conversion), so any other block left over is dropped.
    save: function (blocks, size, blockSize, everything, aside) {
      var count = Math.ceil(size / blockSize);
      var tx = db.transaction([BLOCKS, META, ASIDE], 'readwrite', { durability: 'strict' });
      var store = tx.objectStore(BLOCKS);
      if (everything) store.clear();
      else store.delete(IDBKeyRange.lowerBound(count));
      for (var i = 0; i < blocks.length; i++) store.put(blocks[i][1], blocks[i][0]);
      for (var j = 0; j < aside.length; j++) tx.objectStore(ASIDE).put(aside[j][1], aside[j][0]);
      var commit = { txn: lastTxn + 1, size: size, blockSize: blockSize, blocks: count, savedAt: Date.now() };
      tx.objectStore(META).put(commit, 'commit');
      return finished(tx).then(function () { lastTxn = commit.txn; return commit; });
    },

    // After a conversion is saved: the whole-file copy is no longer read.
    forgetOldForm: function () {
      try { indexedDB.deleteDatabase(OLD_NAME); } catch (e) {}
    }
  };
})();
