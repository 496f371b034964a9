// Export and import through the page, and a damaged database: set aside,
// offered for download, never wiped.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSession, waitFor, click, typeInto, nextFrames } from './harness.mjs';
import { writePageStore } from './saved_database.mjs';

let session, servers, page, profile;

before(async () => {
  session = await startSession();
  ({ servers, page, profile } = session);
  await click(page, 'tab_sync');
  await typeInto(page, 'member_id', '100030');
  await click(page, 'sync_button');
  await waitFor(page, (s) => s.total === 30 && !s.saving, 'a 30-tune collection');
});
after(() => session?.close());

async function download(name) {
  const [file] = await Promise.all([page.waitForEvent('download'), click(page, name)]);
  return readFileSync(await file.path(), 'utf8');
}

test('export as JSON and CSV', async () => {
  await click(page, 'tab_data');
  const json = JSON.parse(await download('export_json'));
  assert.equal(json.format, 'tunetrack-collection');
  assert.equal(json.tunes.length, 30);
  assert.ok(json.tunes.every((t) => t.learn_status === 'want_to_learn'));
  const csv = await download('export_csv');
  assert.match(csv, /^tune_id,name,type,key,learn_status/);
  assert.equal(csv.trim().split('\r\n').length, 31);
});

test('import merges: new tunes added, existing ones kept as they are', async () => {
  await click(page, 'tab_data');
  const json = JSON.parse(await download('export_json'));
  json.tunes[0].learn_status = 'learned';  // differs from the collection: must not overwrite
  json.tunes.push({ tune_id: 29999, name: 'Imported Ríl', type: 'reel', learn_status: 'learning', heard_count: 2 });
  const file = join(profile, 'import.json');
  writeFileSync(file, JSON.stringify(json));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'import')]);
  await chooser.setFiles(file);
  const s = await waitFor(page, (s) => s.import_summary.includes('added'), 'the import summary');
  assert.match(s.import_summary, /^1 added, 29 already there, 1 kept as they were/);
  assert.equal(s.total, 31);
  assert.equal(s.counts.learned, 0, 'the differing entry was not overwritten');
});

test('a damaged database is set aside, offered for download, and a new one starts', async () => {
  const garbage = 'this is not a database '.repeat(400);
  await page.goto(`${servers.proxy.url}/healthz`);  // same origin, without the app running
  await writePageStore(page, new TextEncoder().encode(garbage));
  await page.goto(servers.proxy.url);
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  await nextFrames(page, 3);  // as openApp does: let the first frames settle
  const s = await waitFor(page, (s) => s.banners.length > 0, 'the damaged-database message');
  assert.match(s.banners.join(' '), /could not be read, so it was set aside, not deleted/);
  assert.equal(s.total, 0);
  await click(page, 'tab_data');
  const kept = await download('download_damaged');
  assert.equal(kept, garbage, 'the damaged file is offered back byte for byte');
  // The new database works.
  await click(page, 'tab_sync');
  await typeInto(page, 'member_id', '100030');
  await click(page, 'sync_button');
  await waitFor(page, (s) => s.total === 30, 'a fresh sync into the new database');
});
