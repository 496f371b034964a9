// A musician's session in the browser, with real clicks and typing on the
// canvas: sync a 300-tune tunebook, search and filter, reopen the view from
// its URL, change a status and press "+", reload, and everything is there.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, snapshot, waitFor, click, typeInto, nextFrames } from './harness.mjs';

let session, servers, context, page;

before(async () => {
  session = await startSession();
  ({ servers, context, page } = session);
});
after(() => session?.close());

test('sync a 300-tune member: progress, summary, and the list', async () => {
  await click(page, 'tab_sync');
  await typeInto(page, 'member_id', '100300');
  await click(page, 'default_want_to_learn');
  await click(page, 'sync_button');
  const s = await waitFor(page, (s) => s.last_sync && s.rects.sync_summary, 'the sync to finish and its summary');
  assert.equal(s.last_sync.status, 'completed');
  assert.equal(s.last_sync.tunes_fetched, 300);
  assert.equal(s.last_sync.person_tunes_added, 300);
  assert.equal(s.last_sync.progress_percent, 100);
  assert.equal(s.total, 300);
  assert.equal(s.counts.want_to_learn, 300);
  await click(page, 'tab_collection');
  const list = await waitFor(page, (s) => s.rects.row_0, 'rows to be drawn');
  assert.equal(list.shown, 300);
});

test('search and filter by typing and clicking, kept in the URL', async () => {
  // The search also matches other names, known once each tune's music is kept
  // in the background: counts are compared once that is done.
  await waitFor(page, (s) => s.offline_music.total > 0 && s.offline_music.asking === 0 &&
    s.offline_music.kept + s.offline_music.not_kept === s.offline_music.total, 'every tune\'s music kept', 60000);
  await typeInto(page, 'search', 'maire');
  let s = await waitFor(page, (s) => s.view.search === 'maire', 'the search text');
  assert.ok(s.shown > 0 && s.shown < 300, `some tunes match (${s.shown})`);
  // By its name, or by another name it has on thesession.org (known once its music is kept).
  for (const row of s.rows) assert.ok([row.name, ...row.aliases].some((n) => /Máire/.test(n)), `${row.name} matches`);
  await click(page, 'type_filter');
  await click(page, 'type_option_reel');
  s = await waitFor(page, (s) => s.view.type === 'reel', 'the type filter');
  for (const row of s.rows) assert.equal(row.type, 'reel');
  const filtered = s.shown;
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /q=maire/);
  assert.match(hash, /type=reel/);

  // The same URL in a new tab reopens the same view.
  const other = await context.newPage();
  await other.goto(`${servers.proxy.url}/${hash}`);
  await other.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  const reopened = await waitFor(other, (s) => s.ready, 'the second page');
  assert.equal(reopened.view.search, 'maire');
  assert.equal(reopened.view.type, 'reel');
  assert.equal(reopened.shown, filtered);
  await other.close();

  // Back undoes the type filter (a new history entry); Forward brings it back.
  await page.goBack();
  s = await waitFor(page, (s) => s.view.type === '', 'Back to remove the type filter');
  assert.equal(s.view.search, 'maire');
  await page.goForward();
  await waitFor(page, (s) => s.view.type === 'reel', 'Forward to restore it');

  // Nothing matches: a message and a Clear filters button.
  await typeInto(page, 'search', 'zzzz');
  s = await waitFor(page, (s) => s.shown === 0 && s.rects.clear_filters, 'the empty state');
  await click(page, 'clear_filters');
  s = await waitFor(page, (s) => s.shown === 300, 'all tunes again');
  assert.equal(s.view.search, '');
});

test('status change and "+" persist across a reload', async () => {
  await click(page, 'row_0');
  let s = await waitFor(page, (s) => s.view.open_tune > 0 && s.rects.heard_plus, 'the detail panel');
  const tune = s.view.open_tune;
  await waitFor(page, (s) => s.details_loaded && s.rects.copy_abc, 'details from thesession.org');

  // Copy the ABC to the clipboard.
  await click(page, 'copy_abc');
  const copied = await page.evaluate(() => Module.ttLastCopied);
  assert.match(copied, /^X: 1\nT: .+\nR: .+\nM: \d+\/\d+\nL: 1\/8\nK: .+\n/);  // the header the type implies
  const clipboard = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
  if (clipboard !== null) assert.equal(clipboard, copied);

  // The link opens the tune on thesession.org in a new tab, straight from the click.
  // The request is answered here: tests never reach the real site.
  await context.route('https://thesession.org/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: 'stand-in' }));
  const [tab] = await Promise.all([context.waitForEvent('page'), click(page, 'open_link')]);
  await tab.waitForURL(/thesession\.org/, { waitUntil: 'commit' }).catch(() => {});
  assert.equal(tab.url(), `https://thesession.org/tunes/${tune}`);
  await tab.close();
  const before = (await snapshot(page)).change_log;
  await click(page, 'heard_plus');
  await click(page, 'heard_plus');
  s = await waitFor(page, (s) => s.rows.find((r) => r.tune_id === tune)?.heard_count === 2, 'two hearings');
  const since = (s) => s.change_log.recent.slice(-(s.change_log.records - before.records));
  assert.deepEqual(since(s).filter((a) => a === 'heard'), ['heard', 'heard'], 'each "+" is recorded as a change');
  await click(page, 'status_learned');
  s = await waitFor(page, (s) => s.rows.find((r) => r.tune_id === tune)?.learn_status === 'learned' && !s.saving,
    'the learned status, saved');
  assert.ok(s.rows.find((r) => r.tune_id === tune).learned_at > 0, 'learned stamps the date');
  // The status, and the day's practice queue made again now that a tune left it.
  assert.deepEqual(since(s).filter((a) => a !== 'build_practice_queue'), ['heard', 'heard', 'set_status']);
  assert.match(s.change_log.device, /^[0-9a-f]{32}$/);

  await page.reload();
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  s = await waitFor(page, (s) => s.total === 300, 'the collection after reload');
  const row = s.rows.find((r) => r.tune_id === tune);
  assert.equal(row.learn_status, 'learned');
  assert.equal(row.heard_count, 2);
  assert.equal(s.view.open_tune, tune, 'the open tune came back from the URL');
  // The log was saved with the rows, and the device is the same one.
  assert.ok(s.change_log.records >= before.records + 3);
  assert.equal(s.change_log.device, before.device);
  await nextFrames(page, 2);
});
