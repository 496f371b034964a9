// The unhappy paths: thesession.org unavailable (message after 3 attempts,
// nothing changed, Retry works once it recovers), and a second tab that opens
// read-only and follows the first tab's changes.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServers, launch, openApp, snapshot, waitFor, click, typeInto, readyToType, newProfileDir, removeProfileDir,
} from './harness.mjs';

let servers, context;
const profile = newProfileDir();

before(async () => {
  // The proxy itself gives up quickly, so the page's own retries are what is tested.
  servers = await startServers({ proxyArgs: ['--retry-attempts', '1', '--breaker-failures', '100'] });
  context = await launch(profile);
});
after(async () => { await context?.close(); servers?.stop(); removeProfileDir(profile); });

const control = (path, init) => fetch(`${servers.fake.url}/_control/${path}`, init);

test('unavailable: the error after 3 attempts, then Retry once it recovers', async (t) => {
  const page = await openApp(context, servers.proxy.url);
  t.after(() => page.close());
  t.after(() => control('faults', { method: 'DELETE' }));
  await control('faults', { method: 'POST', body: JSON.stringify({ path_contains: '/tunebook', fault: 'status', status: 503 }) });
  await click(page, 'tab_sync');
  await typeInto(page, 'member_id', '100120');
  await click(page, 'sync_button');
  let s = await waitFor(page, (s) => s.last_sync && s.rects.retry_button, 'the sync to fail', 30000);
  assert.equal(s.last_sync.status, 'failed');
  assert.match(s.last_sync.message, /unavailable.*\(after 3 attempts\)/);
  assert.equal(s.total, 0, 'nothing changed');
  assert.ok(s.rects.sync_error, 'the message is on screen');

  await control('faults', { method: 'DELETE' });
  await click(page, 'retry_button');
  s = await waitFor(page, (s) => s.last_sync && s.last_sync.status === 'completed' && !s.saving, 'the retried sync', 30000);
  assert.equal(s.total, 120);
});

test('not found names the member', async (t) => {
  const page = await openApp(context, servers.proxy.url);
  t.after(() => page.close());
  await click(page, 'tab_sync');
  await typeInto(page, 'member_id', '');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await click(page, 'sync_button');
  const s = await waitFor(page, (s) => s.last_sync && s.last_sync.status === 'failed', 'the failure');
  assert.match(s.last_sync.message, /No member 5 on thesession.org/);
  assert.ok(!s.rects.retry_button, 'no Retry: the same number would fail the same way');
  assert.ok(s.rects.member_where, 'the form says where to find the number');
});

test('a profile address pasted with Ctrl+V is read as its member number', async (t) => {
  const page = await openApp(context, servers.proxy.url);
  t.after(() => page.close());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: servers.proxy.url });
  await click(page, 'tab_sync');
  await typeInto(page, 'member_id', '');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  const address = 'https://thesession.org/members/100007';
  await page.evaluate((text) => navigator.clipboard.writeText(text), address);
  await readyToType(page);
  await page.keyboard.press('Control+V');
  let s = await waitFor(page, (s) => s.member_id === address, 'the whole address in the field (no digits-only filter)');
  await click(page, 'sync_button');
  s = await waitFor(page, (s) => s.last_sync && s.last_sync.status === 'completed' && !s.saving, 'the sync', 30000);
  assert.equal(s.last_sync.tunes_fetched, 7, "member 100007's tunebook");
  assert.equal(s.member_id, '100007', 'the field shows the number the address gave');
});

test('a second tab is read-only and follows the first', async (t) => {
  const first = await openApp(context, servers.proxy.url);
  t.after(() => first.close());
  await waitFor(first, (s) => !s.read_only, 'the first tab to own the database');
  const second = await openApp(context, servers.proxy.url);
  t.after(() => second.close());
  let s = await waitFor(second, (s) => s.read_only && s.banners.length > 0, 'the second tab to be read-only');
  assert.match(s.banners.join(' '), /read-only/);
  const before = s.total;

  await first.bringToFront();  // the user switches back to the first tab
  await click(first, 'tab_add');
  await typeInto(first, 'remote_search', 'Lament');
  await waitFor(first, (s) => s.search_results > 0, 'search results');
  // Add the first result not already in the collection.
  await click(first, 'result_0');
  await waitFor(first, (s) => !s.saving, 'the first tab to save');
  s = await waitFor(second, (s) => s.total !== before, 'the second tab to pick up the change');
  assert.ok(s.total >= before);
  assert.equal(s.read_only, true);

  // Edits in the read-only tab are refused with a message, and change nothing.
  await second.bringToFront();
  await click(second, 'tab_add');
  await typeInto(second, 'remote_search', 'Harbour');
  await waitFor(second, (s) => s.search_results > 0, 'search results in the second tab');
  await click(second, 'result_0');
  const after = await snapshot(second);
  assert.equal(after.total, s.total);

  // When the first tab closes, the second takes over.
  await first.close();
  await waitFor(second, (s) => !s.read_only, 'the second tab to take over');
});
