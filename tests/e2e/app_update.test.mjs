// Updates (issue 11): a new build put where the page comes from is fetched in
// the background; the open page offers "Reload to update"; a real click on it
// saves what is being typed, then reloads into the new build with all data.
// The second build is a copy of the web app with a changed index.html and
// its worker rewritten by the project's own build step.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startServers, startProxy, stopServer, launch, openApp, snapshot, waitFor, click, rect, syncMember, nextFrames,
  waitForOfflineReady, newProfileDir, removeProfileDir, paths,
} from './harness.mjs';

const buildPwa = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'pwa', 'build_pwa.mjs');
let servers, proxy, web, profile, context, page;

before(async () => {
  web = mkdtempSync(join(tmpdir(), 'tunetrack-web-'));
  cpSync(paths.web(), web, { recursive: true });
  servers = await startServers();
  proxy = await startProxy(servers.fake.url, { web });
  profile = newProfileDir();
  context = await launch(profile);
  page = await openApp(context, proxy.url);
  await syncMember(page, 100010);
  await waitForOfflineReady(page);
});
after(async () => {
  await context?.close();
  await stopServer(proxy);
  servers.stop();
  removeProfileDir(profile);
  rmSync(web, { recursive: true, force: true });
});

// A page being reloaded can be between documents: ask again until it answers.
async function snapshotAfterReload(predicate, what) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    try {
      const s = await page.evaluate(() => window.tunetrack && window.tunetrack.ready ? window.tunetrack.snapshot() : null);
      if (s && predicate(s)) return s;
    } catch { /* navigating */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('a new build is offered, and accepting it reloads into it keeping everything', async () => {
  const before = await snapshot(page);
  const oldBuild = before.app.build;
  assert.equal(before.update_available, false);

  // The second build: a changed page, its worker and version rewritten.
  const index = join(web, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</html>', '<!-- tunetrack test build 2 -->\n</html>'));
  rmSync(`${index}.gz`);  // the proxy would serve the older compressed copy
  execFileSync(process.execPath, [buildPwa, web]);
  const newBuild = JSON.parse(readFileSync(join(web, 'version.json'), 'utf8')).build;
  assert.notEqual(newBuild, oldBuild);

  // What the page does hourly and when shown again, now.
  await page.evaluate(() => window.tunetrack.checkForUpdate());
  let s = await waitFor(page, (s) => s.update_available, 'the update to be offered');
  assert.equal(s.app.build, oldBuild, 'the running page keeps its build until asked');

  // A note being typed when the update is accepted is saved, not lost.
  await click(page, 'tab_collection');
  await click(page, 'row_0');
  const tune = (await snapshot(page)).view.open_tune;
  await click(page, 'notes');
  await page.keyboard.type('Learn the B part', { delay: 15 });
  await nextFrames(page, 2);
  // The press reloads the page: the click helper's frames after it would
  // wait on a document that is going away.
  const { x, y } = await rect(page, 'update_reload');
  await page.mouse.move(x - 3, y - 3);
  await page.mouse.move(x, y);
  await nextFrames(page, 2);
  await page.mouse.down();
  await nextFrames(page, 1);
  await page.mouse.up();

  s = await snapshotAfterReload((s) => s.app.build === newBuild && s.total === 10, 'the page in the new build');
  assert.match(await page.content(), /tunetrack test build 2/);
  assert.equal(s.update_available, false);
  const row = s.rows.find((r) => r.tune_id === tune);
  assert.equal(row.notes, 'Learn the B part');
});
