// A link's ?proxy= (issue 11): the page asks, naming the host, before any
// request goes there (health check included); refused, nothing reaches that
// address and the page says it uses its own proxy; accepted, requests go
// there. The answer is remembered across reloads. Local counting servers on
// 127.0.0.1 stand for the other proxies.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { startSession, waitFor, click, nextFrames, snapshot } from './harness.mjs';

let session, page, own;

// Answers /healthz as a tunetrack proxy would (CORS open), counting every request.
function countingProxy(version) {
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(req.url);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify({ status: 'ok', version, upstream: { state: 'closed' } }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({ hits, host: `127.0.0.1:${port}`, url: `http://127.0.0.1:${port}`, close: () => server.close() });
  }));
}

async function reopen(url) {
  await page.goto(url);
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready, null, { timeout: 30000 });
  await nextFrames(page, 3);
}

const others = [];
before(async () => {
  session = await startSession();
  ({ page } = session);
  own = session.servers.proxy.url;
});
after(async () => {
  for (const o of others) o.close();
  await session?.close();
});

test('refused: nothing is sent to the other address, the page says so, and remembers', async () => {
  const other = await countingProxy('other-refused');
  others.push(other);
  await reopen(`${own}/?proxy=${encodeURIComponent(other.url)}`);
  let s = await waitFor(page, (s) => s.proxy.consent === 'asking', 'the question');
  assert.equal(s.proxy.asking, other.host);
  assert.equal(s.proxy.url, own, 'the own proxy meanwhile');
  await click(page, 'proxy_use_own');
  s = await waitFor(page, (s) => s.proxy.consent === 'refused' && s.healthz.startsWith('proxy '), 'the refusal');
  assert.equal(s.proxy.url, own);
  assert.ok(s.banners.some((b) => b.includes(other.host) && /own proxy/.test(b)), JSON.stringify(s.banners));

  await reopen(`${own}/?proxy=${encodeURIComponent(other.url)}`);
  s = await waitFor(page, (s) => s.healthz.startsWith('proxy '), 'the own proxy answering');
  assert.equal(s.proxy.consent, 'refused', 'not asked again');
  assert.equal(s.proxy.url, own);
  assert.deepEqual(other.hits, [], 'nothing ever reached the other address');
});

test('accepted: requests go to the other proxy, and the answer is remembered', async () => {
  const other = await countingProxy('other-accepted');
  others.push(other);
  await reopen(`${own}/?proxy=${encodeURIComponent(other.url)}/`);
  let s = await waitFor(page, (s) => s.proxy.consent === 'asking', 'the question');
  assert.equal(s.proxy.asking, other.host);
  await nextFrames(page, 3);
  assert.deepEqual(other.hits, [], 'nothing before the answer');
  await click(page, 'proxy_use_other');
  s = await waitFor(page, (s) => s.healthz.startsWith('proxy other-accepted, '), 'the other proxy answering');
  assert.equal(s.proxy.url, other.url);
  assert.deepEqual(other.hits, ['/healthz']);

  await reopen(`${own}/?proxy=${encodeURIComponent(other.url)}`);
  s = await waitFor(page, (s) => s.healthz.startsWith('proxy other-accepted, '), 'the other proxy again');
  assert.equal(s.proxy.consent, 'accepted', 'not asked again');
  assert.equal(other.hits.length, 2);
  await click(page, 'tab_data');
  assert.ok((await snapshot(page)).rects.proxy_in_use);
});

test('an address that is not http(s) is refused with a clear message', async () => {
  await reopen(`${own}/?proxy=${encodeURIComponent('javascript:alert(1)')}`);
  const s = await waitFor(page, (s) => s.banners.some((b) => /not an http/.test(b)), 'the message');
  assert.equal(s.proxy.url, own);
  assert.equal(s.proxy.consent, 'own');
});
