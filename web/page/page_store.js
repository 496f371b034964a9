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
  var LOAD_BATCH = 256;  // blocks per getAll: a megabyte at a time, never the whole file at once
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

  // The file the commit record describes. Missing or short blocks are
  // reported as damage and left as zeros: SQLite's check then finds the file
  // damaged and the page sets it aside, as it does any damaged database.
  function readBlocks(meta) {
    var bytes = new Uint8Array(meta.size);
    var damage = [];
    function batch(first) {
      if (first >= meta.blocks) return Promise.resolve();
      var last = Math.min(first + LOAD_BATCH, meta.blocks) - 1;
      var range = IDBKeyRange.bound(first, last);
      var store = db.transaction(BLOCKS, 'readonly').objectStore(BLOCKS);
      return Promise.all([request(store.getAllKeys(range)), request(store.getAll(range))]).then(function (got) {
        var keys = got[0], values = got[1];
        if (keys.length !== last - first + 1) damage.push((last - first + 1 - keys.length) + ' blocks missing');
        for (var i = 0; i < keys.length; i++) {
          var at = keys[i] * meta.blockSize;
          var expected = Math.min(meta.blockSize, meta.size - at);
          var block = new Uint8Array(values[i]);
          if (block.length !== expected) damage.push('block ' + keys[i] + ' has ' + block.length + ' bytes');
          bytes.set(block.subarray(0, Math.max(0, Math.min(block.length, meta.size - at))), at);
        }
        return batch(last + 1);
      });
    }
    return batch(0).then(function () { return { bytes: bytes, damage: damage.join('; ') }; });
  }

  function readAside() {
    var store = db.transaction(ASIDE, 'readonly').objectStore(ASIDE);
    return Promise.all([request(store.getAllKeys()), request(store.getAll())]).then(function (got) {
      return got[0].map(function (name, i) { return { name: name, bytes: new Uint8Array(got[1][i]) }; });
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
      if (created || !old.objectStoreNames.contains(OLD_STORE)) { old.close(); return null; }
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
      return opening.then(function () {
        return request(db.transaction(META, 'readonly').objectStore(META).get('commit'));
      }).then(function (meta) {
        if (meta) {
          lastTxn = meta.txn;
          return Promise.all([readBlocks(meta), readAside()]).then(function (got) {
            return { bytes: got[0].bytes, blockSize: meta.blockSize, damage: got[0].damage, aside: got[1],
                     savedAt: meta.savedAt, converted: false };
          });
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
