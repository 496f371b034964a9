// Saving to this browser: a change writes the blocks it changed, not the
// whole database (web/page/page_store.js); a change the page called saved is
// there after the browser is killed; a database in the older whole-file form
// is converted once, without loss; a damaged page store is set aside.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { startServers, newProfileDir, removeProfileDir, launch, openApp, waitFor, click, syncMember } from './harness.mjs';
import { readPageStore, writePageStore, writeWholeFileForm, wholeFileFormExists } from './saved_database.mjs';

let servers, profile, context, page;

before(async () => {
  servers = await startServers();
  profile = newProfileDir();
  context = await launch(profile);
  page = await openApp(context, servers.proxy.url);
  await syncMember(page, 100300);
});
after(async () => {
  await context?.close().catch(() => {});
  servers?.stop();
  if (profile) removeProfileDir(profile);
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

async function reopen() {
  context = await launch(profile);
  page = await openApp(context, servers.proxy.url);
}

async function setStatus(id, status) {
  await page.evaluate((id) => { location.hash = `tune=${id}`; }, id);
  await waitFor(page, (s) => s.view.open_tune === id && s.rects[status], 'the tune page');
  const before = (await waitFor(page, (s) => !s.saving, 'no save under way')).storage.last_saved_at;
  await click(page, status);
  return waitFor(page, (s) => !s.saving && s.storage.last_saved_at !== before, 'the status saved');
}

test('a status change writes a few blocks of a large collection', async () => {
  const s = await waitFor(page, (s) => s.total === 300 && !s.saving, 'the synced collection');
  const id = s.rows.find((r) => r.learn_status !== 'learned').tune_id;
  const saved = await setStatus(id, 'status_learned');
  assert.ok(saved.storage.database_bytes > 200 * 1024, `the database is ${saved.storage.database_bytes} bytes`);
  assert.ok(saved.storage.last_save_bytes <= 16 * 4096 && saved.storage.last_save_bytes * 10 < saved.storage.database_bytes,
            `a status change wrote ${saved.storage.last_save_bytes} of ${saved.storage.database_bytes} bytes`);
});

test('a change the page has saved survives the browser being killed', async () => {
  const s = await waitFor(page, (s) => s.total === 300, 'the collection');
  const id = s.rows.find((r) => r.learn_status !== 'learned').tune_id;
  const learned = s.counts.learned;
  await setStatus(id, 'status_learned');
  // No goodbye: every process of this browser profile is killed at once.
  killProfile(profile);
  await context.close().catch(() => {});
  await reopen();
  const back = await waitFor(page, (s) => s.total === 300, 'the collection after the kill');
  assert.equal(back.counts.learned, learned + 1);
  assert.equal(back.rows.find((r) => r.tune_id === id).learn_status, 'learned');
});

test('a database in the older whole-file form is converted once, without loss', async () => {
  const s = await waitFor(page, (s) => s.total === 300 && !s.saving, 'the collection');
  await page.goto(`${servers.proxy.url}/healthz`);  // same origin, without the app running
  const saved = await readPageStore(page);
  await writeWholeFileForm(page, saved.bytes);
  assert.equal(await wholeFileFormExists(page), true);
  await page.goto(servers.proxy.url);
  const back = await waitFor(page, (now) => now.total === 300 && !now.saving, 'the converted collection');
  assert.deepEqual(back.counts, s.counts);
  await page.goto(`${servers.proxy.url}/healthz`);
  const converted = await readPageStore(page);
  assert.deepEqual(Buffer.from(converted.bytes), Buffer.from(saved.bytes), 'the same database, now in blocks');
  assert.equal(await wholeFileFormExists(page), false, 'the whole-file copy is dropped once converted');
  await page.goto(servers.proxy.url);
  await waitFor(page, (now) => now.total === 300, 'the collection from the page store');
});

test('a page store with a block missing is set aside, not used', async () => {
  await page.goto(`${servers.proxy.url}/healthz`);
  const saved = await readPageStore(page);
  await writePageStore(page, saved.bytes, { missing: [3] });
  await page.goto(servers.proxy.url);
  const s = await waitFor(page, (s) => s.banners.length > 0, 'the damaged-database message');
  assert.match(s.banners.join(' '), /could not be read, so it was set aside, not deleted/);
  assert.equal(s.total, 0);
  await click(page, 'tab_data');
  await waitFor(page, (s) => s.rects.download_damaged, 'the damaged copy offered for download');
});
