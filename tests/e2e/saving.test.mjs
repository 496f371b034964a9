// Saving to this browser: a change writes the blocks it changed, not the
// whole database (web/page/page_store.js); a change the page called saved is
// there after the browser is killed; a database in the older whole-file form
// is converted once, without loss; a damaged page store is set aside.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServers, newProfileDir, removeProfileDir, launch, openApp, waitFor, click, syncMember, changeStatus, importExport } from './harness.mjs';
import { readPageStore, writePageStore, writeWholeFileForm, wholeFileFormExists } from './saved_database.mjs';
import { writeSyntheticExport } from './synthetic_export.mjs';

let servers, profile, context, page, files;
const TOTAL = 3300;  // 300 synced + 3,000 imported
const LARGE = 5000;  // the large import's tunes

before(async () => {
  servers = await startServers();
  files = mkdtempSync(join(tmpdir(), 'tunetrack-saving-'));
  profile = newProfileDir();
  context = await launch(profile);
  page = await openApp(context, servers.proxy.url);
  await syncMember(page, 100300);
  // And a few thousand tunes with notes: a collection of some megabytes.
  const notes = join(files, 'notes.json');
  writeSyntheticExport(notes, { count: 3000, firstId: 900001, notesChars: 1000 });
  await importExport(page, notes, TOTAL);
});
// Each test starts on the running app, whatever the one before left open.
beforeEach(async () => {
  if (page && !(await page.evaluate(() => !!(window.tunetrack && window.tunetrack.ready)).catch(() => false))) {
    await openAppAgain();
  }
});
after(async () => {
  await context?.close().catch(() => {});
  servers?.stop();
  if (profile) removeProfileDir(profile);
  if (files) rmSync(files, { recursive: true, force: true });
});

// SIGKILL to every process started with this profile (Chromium names it on
// each one's command line): as when a phone's system ends the browser.
function killProfile(dir) {
  let killed = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^[0-9]+$/.test(name))) {
    let command = '';
    try { command = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    if (command.includes(`--user-data-dir=${dir}`)) {
      try { process.kill(Number(pid), 'SIGKILL'); killed++; } catch { /* already gone */ }
    }
  }
  assert.ok(killed > 0, 'the browser was running');
}

// The app again in this tab, from the start; snapshots only once it runs.
async function openAppAgain() {
  await page.goto(servers.proxy.url);
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready, null, { timeout: 30000 });
}

async function reopen() {
  context = await launch(profile);
  page = await openApp(context, servers.proxy.url);
}


test('a status change writes a few blocks of a large collection', async () => {
  const s = await waitFor(page, (s) => s.total === TOTAL && !s.saving, 'the synced collection');
  const id = s.rows.find((r) => r.learn_status !== 'learned').tune_id;
  const saved = await changeStatus(page, id, 'status_learned');
  assert.ok(saved.storage.database_bytes > 4e6, `the database is ${saved.storage.database_bytes} bytes`);
  // A few of its 64 KB blocks (web/platform/runner.h), a small part of the file.
  assert.ok(saved.storage.last_save_bytes <= 6 * 65536 && saved.storage.last_save_bytes * 10 < saved.storage.database_bytes,
            `a status change wrote ${saved.storage.last_save_bytes} of ${saved.storage.database_bytes} bytes`);
});

test('a change the page has saved survives the browser being killed', async () => {
  const s = await waitFor(page, (s) => s.total === TOTAL, 'the collection');
  const id = s.rows.find((r) => r.learn_status !== 'learned').tune_id;
  const learned = s.counts.learned;
  await changeStatus(page, id, 'status_learned');
  // No goodbye: every process of this browser profile is killed at once.
  killProfile(profile);
  await context.close().catch(() => {});
  await reopen();
  const back = await waitFor(page, (s) => s.total === TOTAL, 'the collection after the kill');
  assert.equal(back.counts.learned, learned + 1);
  assert.equal(back.rows.find((r) => r.tune_id === id).learn_status, 'learned');
});

test('a database in the older whole-file form is converted once, without loss', async () => {
  const s = await waitFor(page, (s) => s.total === TOTAL && !s.saving, 'the collection');
  await page.goto(`${servers.proxy.url}/healthz`);  // same origin, without the app running
  const saved = await readPageStore(page);
  await writeWholeFileForm(page, saved.bytes);
  assert.equal(await wholeFileFormExists(page), true);
  await openAppAgain();
  const back = await waitFor(page, (now) => now.total === TOTAL && !now.saving, 'the converted collection');
  assert.deepEqual(back.counts, s.counts);
  await page.goto(`${servers.proxy.url}/healthz`);
  const converted = await readPageStore(page);
  // Now in blocks (the page may have written since: the day's queue, a counter in the header).
  assert.equal(Buffer.from(converted.bytes.subarray(0, 16)).toString('latin1'), 'SQLite format 3\0');
  assert.ok(converted.bytes.length >= saved.bytes.length && converted.blocks === converted.meta.blocks,
            'the whole database, every block there');
  // Dropped once the converted form is saved (IndexedDB deletes in the background).
  for (let i = 0; i < 100 && await wholeFileFormExists(page); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await wholeFileFormExists(page), false, 'the whole-file copy is dropped once converted');
  await openAppAgain();
  await waitFor(page, (now) => now.total === TOTAL, 'the collection from the page store');
});

test('a kill while a large import is being saved keeps all of it or none of it', async () => {
  const s = await waitFor(page, (s) => s.total === TOTAL && !s.saving, 'the collection');
  const file = join(files, 'large.json');
  writeSyntheticExport(file, { count: LARGE, notesChars: 1500 });
  await click(page, 'tab_data');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'import')]);
  await chooser.setFiles(file);
  // The moment its blocks are being written to IndexedDB.
  await page.waitForFunction(() => Module.ttSaving === true, null, { timeout: 60000, polling: 5 });
  killProfile(profile);
  await context.close().catch(() => {});
  await reopen();
  const back = await waitFor(page, (now) => now.total === TOTAL || now.total === TOTAL + LARGE, 'the collection after the kill');
  assert.deepEqual(back.banners, [], 'nothing damaged');
  assert.equal(back.counts.learned, s.counts.learned, 'what was there before is whole');
  await waitFor(page, (now) => now.total === back.total && !now.saving, 'the page settled');
});

test('a full browser storage is reported, loses nothing, and the save is tried again by itself', async () => {
  const s = await waitFor(page, (s) => (s.total === TOTAL || s.total === TOTAL + LARGE) && !s.saving, 'the collection');
  const cdp = await context.newCDPSession(page);
  const origin = new URL(servers.proxy.url).origin;
  const usage = await page.evaluate(() => navigator.storage.estimate().then((e) => e.usage));
  // Below what is already used (Chromium's figure can lag a little): no write fits.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: Math.floor(usage / 2) });
  const file = join(files, 'more.json');
  writeSyntheticExport(file, { count: 1000, firstId: 700001, notesChars: 2000 });
  await click(page, 'tab_data');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'import')]);
  await chooser.setFiles(file);
  const full = await waitFor(page, (now) => now.banners.some((b) => /Not saved to this browser/.test(b)),
                             'the full-storage message', 60000);
  assert.match(full.banners.join(' '), /storage is full|quota/i);
  assert.equal(full.total, s.total + 1000, 'the import is kept in the page');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });  // room again
  const saved = await waitFor(page, (now) => !now.banners.some((b) => /Not saved/.test(b)) && !now.saving &&
                                             now.storage.last_saved_at > (full.storage.last_saved_at || 0),
                              'the save tried again by itself', 120000);
  assert.equal(saved.total, s.total + 1000);
  await openAppAgain();
  await waitFor(page, (now) => now.total === s.total + 1000, 'the import after a reload');
});

test('a page store with a block missing is set aside, not used', async () => {
  await page.goto(`${servers.proxy.url}/healthz`);
  const saved = await readPageStore(page);
  await writePageStore(page, saved.bytes, { missing: [3] });
  await openAppAgain();
  const s = await waitFor(page, (s) => s.banners.length > 0, 'the damaged-database message');
  assert.match(s.banners.join(' '), /could not be read, so it was set aside, not deleted/);
  assert.equal(s.total, 0);
  await click(page, 'tab_data');
  await waitFor(page, (s) => s.rects.download_damaged, 'the damaged copy offered for download');
});
