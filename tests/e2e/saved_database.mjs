// The database as the browser keeps it, read and written from outside the
// app (web/page/page_store.js describes the form): for tests that damage it,
// or put it back in the whole-file form of older builds. Call these on a page
// of the app's origin that is not running the app (the proxy's /healthz).
// Bytes cross into the page as base64.

const toBase64 = (bytes) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text) => new Uint8Array(Buffer.from(text, 'base64'));

// -> { meta, bytes } of the page store, the blocks put together.
export async function readPageStore(page) {
  const got = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('tunetrack-pages');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['meta', 'blocks'], 'readonly');
      const meta = tx.objectStore('meta').get('commit');
      const blocks = tx.objectStore('blocks').getAll();
      tx.oncomplete = () => {
        db.close();
        const bytes = new Uint8Array(meta.result ? meta.result.size : 0);
        blocks.result.forEach((b, i) => bytes.set(new Uint8Array(b).subarray(0, bytes.length - i * meta.result.blockSize),
                                                   i * meta.result.blockSize));
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
        resolve({ meta: meta.result, base64: btoa(text), count: blocks.result.length });
      };
      tx.onerror = () => reject(tx.error);
    };
  }));
  return { meta: got.meta, blocks: got.count, bytes: fromBase64(got.base64) };
}

// Replaces the page store with `bytes` in blocks of `blockSize`, leaving out
// the blocks numbered in `missing` (a damaged store).
export async function writePageStore(page, bytes, { blockSize = 65536, missing = [] } = {}) {
  await page.evaluate(([base64, blockSize, missing]) => new Promise((resolve, reject) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const open = indexedDB.open('tunetrack-pages', 1);
    open.onupgradeneeded = () => ['blocks', 'meta', 'aside'].forEach((name) => open.result.createObjectStore(name));
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['meta', 'blocks'], 'readwrite');
      const store = tx.objectStore('blocks');
      store.clear();
      const count = Math.ceil(bytes.length / blockSize);
      for (let i = 0; i < count; i++) {
        if (!missing.includes(i)) store.put(bytes.slice(i * blockSize, (i + 1) * blockSize), i);
      }
      tx.objectStore('meta').put({ txn: 1000, size: bytes.length, blockSize, blocks: count, savedAt: Date.now() }, 'commit');
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [toBase64(bytes), blockSize, missing]);
}

// Puts `bytes` where builds before the page store kept the database
// (Emscripten's IDBFS, database "/data"), and removes the page store.
export async function writeWholeFileForm(page, bytes) {
  await page.evaluate((base64) => new Promise((resolve, reject) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const drop = indexedDB.deleteDatabase('tunetrack-pages');
    drop.onerror = () => reject(drop.error);
    drop.onsuccess = () => {
      const open = indexedDB.open('/data', 21);
      open.onupgradeneeded = () => {
        if (!open.result.objectStoreNames.contains('FILE_DATA')) {
          open.result.createObjectStore('FILE_DATA').createIndex('timestamp', 'timestamp', { unique: false });
        }
      };
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(['FILE_DATA'], 'readwrite');
        const store = tx.objectStore('FILE_DATA');
        store.put({ timestamp: new Date(), mode: 16893 }, '/data');
        store.put({ timestamp: new Date(), mode: 33206, contents: bytes }, '/data/tunetrack.db');
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    };
  }), toBase64(bytes));
}

// Whether the whole-file form is still there.
export async function wholeFileFormExists(page) {
  return page.evaluate(() => indexedDB.databases().then((all) => all.some((d) => d.name === '/data')));
}
