// The thinnest slice through every layer: the page loads its database from
// IndexedDB, draws the collection, reaches /healthz through the proxy, and a
// tune added through the app survives a browser restart with the same profile.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServers, launch, openApp, snapshot, waitFor, click, typeInto, distinctColours, newProfileDir, removeProfileDir,
} from './harness.mjs';

const servers = await startServers();
const profile = newProfileDir();
after(() => { servers.stop(); removeProfileDir(profile); });

test('the page renders, shows versions and reaches /healthz through the proxy', async () => {
  const health = await (await fetch(`${servers.proxy.url}/healthz`)).json();
  assert.equal(health.status, 'ok');
  assert.equal(health.upstream.url, servers.fake.url);

  const context = await launch(profile);
  try {
    const page = await openApp(context, servers.proxy.url);
    const s = await waitFor(page, (s) => s.healthz.startsWith('proxy '), 'the healthz answer');
    assert.equal(s.total, 0);
    assert.match(s.sqlite_version, /^3\.\d+\.\d+$/);
    // In a musician's words, not the circuit breaker's ("closed").
    assert.match(s.healthz, /thesession\.org reachable/);
    assert.equal(s.thesession_status, 'thesession.org reachable');
    assert.ok((await distinctColours(page)) > 5, 'the canvas is not blank');
    assert.deepEqual(page.ttErrors, []);
  } finally {
    await context.close();
  }
});

test('a tune added through the app survives a browser restart', async () => {
  let name;
  {
    const context = await launch(profile);
    const page = await openApp(context, servers.proxy.url);
    await click(page, 'tab_add');
    await typeInto(page, 'remote_search', 'Fancy');
    await waitFor(page, (s) => s.search_results > 0, 'search results');
    await click(page, 'result_0');
    const s = await waitFor(page, (s) => s.total === 1 && !s.saving, 'the tune to be added and saved');
    name = s.rows[0].name;
    assert.match(name, /Fancy/);
    await context.close();
  }
  {
    const context = await launch(profile);
    const page = await openApp(context, servers.proxy.url);
    const s = await snapshot(page);
    assert.equal(s.total, 1, 'the tune is still there after the restart');
    assert.equal(s.rows[0].name, name);
    assert.equal(s.rows[0].learn_status, 'want_to_learn');
    await context.close();
  }
});
