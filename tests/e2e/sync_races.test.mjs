// A sync that ends while some of its pages are still on their way, and a new
// sync started at once (Retry, or another member): the late pages belong to
// the ended sync and must never land in the new one. (Engine request ids
// restart for every sync; the page used to hand such a page to the new
// engine as its own, and the wrong tunes went into the collection.)
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, waitFor, click, typeInto, fakeFaults } from './harness.mjs';

let session, servers, page;

before(async () => {
  session = await startSession();
  ({ servers, page } = session);
});
after(() => session?.close());

const fault = (rule) => fakeFaults(servers).add(rule);
const tunebookPage = async (member, n) =>
  (await (await fetch(`${servers.fake.url}/members/${member}/tunebook?format=json&page=${n}&perpage=50`)).json()).tunes;

// How many tunes of the collection have exactly this name (via the URL's search).
async function countNamed(name) {
  await page.evaluate((q) => { location.hash = `q=${encodeURIComponent(q)}`; }, name);
  const s = await waitFor(page, (s) => s.view.search === name, `the search for ${name}`);
  return s.shown;
}

test('a late page of a failed sync never lands in the next one', async (t) => {
  const first = 100120;   // 3 pages of 50
  const second = 100300;  // 6 pages of 50
  t.after(() => fakeFaults(servers).clear());
  await fault({ path_contains: `/members/${first}/`, page: 3, fault: 'status', status: 404 });  // fails at once...
  await fault({ path_contains: `/members/${first}/`, page: 2, fault: 'delay', delay_ms: 2500 });  // ...while page 2 is out
  await fault({ path_contains: `/members/${second}/`, page: 2, fault: 'delay', delay_ms: 5000 });

  await click(page, 'tab_sync');
  await typeInto(page, 'member_id', String(first));
  await click(page, 'sync_button');
  let s = await waitFor(page, (s) => s.last_sync && s.last_sync.status === 'failed', 'the first sync to fail');
  assert.match(s.last_sync.message, new RegExp(`No member ${first} on thesession.org`));

  // At once, sync another member; the first member's page 2 arrives meanwhile.
  await typeInto(page, 'member_id', '');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(second));
  await click(page, 'sync_button');
  s = await waitFor(page, (s) => s.last_sync && s.last_sync.status === 'completed' && !s.saving, 'the second sync', 30000);
  assert.equal(s.total, 300);

  const late = (await tunebookPage(first, 2))[0];
  const own = (await tunebookPage(second, 2))[0];
  await click(page, 'tab_collection');
  assert.equal(await countNamed(own.name), 1, 'the second member\'s page 2 is in the collection');
  assert.equal(await countNamed(late.name), 0, 'the first member\'s late page 2 is not');
});
