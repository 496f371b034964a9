// What a save costs against the collection's size, in headless Chromium: a
// status change from the tap to IndexedDB-durable, and the bytes it wrote,
// in a 135-tune collection and in 10,000 tunes with notes (about 30 MB), in
// one run; then start-up with the 30 MB collection (navigation to the first
// frame, and to the collection shown). With an older build's web folder as
// argument, the same for it, and the ratios: to see what the page store
// changed, give it the build just before it (the same database, whole-file
// saves); an older one makes a smaller database. Prints figures; never fails
// on time.
//   node tests/bench/save_bench.mjs [BEFORE_WEB_DIR]   (from tests/e2e, as `make bench` runs it)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServers, launch, openApp, waitFor, newProfileDir, removeProfileDir, changeStatus, importExport, paths } from '../e2e/harness.mjs';
import { syncTunebook } from './bench_page.mjs';
import { writeSyntheticExport } from '../e2e/synthetic_export.mjs';

const RUNS = 5;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const ratio = (a, b) => (a / Math.max(b, 0.001)).toFixed(2);
const kb = (bytes) => (bytes === undefined || bytes === null ? 'not reported' : `${(bytes / 1024).toFixed(0)} KB`);

// Status changes on one tune, back and forth: durable times and bytes written.
async function statusChanges(page, id) {
  const durable = [], bytes = [];
  for (let i = 0; i < RUNS; i++) {
    const s = await changeStatus(page, id, i % 2 ? 'status_want_to_learn' : 'status_learned');
    durable.push(s.last_save_ms);
    bytes.push(s.storage.last_save_bytes);
  }
  return { durable: median(durable), bytes: median(bytes) };
}

async function startUp(context, url) {
  const firstFrame = [], shown = [];
  for (let i = 0; i < 3; i++) {
    const page = context.pages()[0];
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => window.tunetrack && window.tunetrack.firstFrameAt, null, { timeout: 120000 });
    firstFrame.push(await page.evaluate(() => window.tunetrack.firstFrameAt));
    await waitFor(page, (s) => s.total === 10000, 'the collection after a reload', 120000);
    shown.push(Date.now() - t0);
  }
  return { firstFrame: median(firstFrame), shown: median(shown) };
}

const work = mkdtempSync(join(tmpdir(), 'tunetrack-save-bench-'));
const exportFile = join(work, 'big.json');
writeSyntheticExport(exportFile, { count: 10000, notesChars: 3000 });  // a musician who writes a lot
const sides = [{ name: 'this build', dir: paths.web() }];
if (process.argv[2]) sides.unshift({ name: 'before', dir: process.argv[2] });
try {
  for (const side of sides) {
    process.env.TT_WEB_DIR = side.dir;  // the harness's proxy serves this build
    side.servers = await startServers();
    for (const size of ['small', 'big']) {
      const profile = newProfileDir();
      const context = await launch(profile);
      try {
        const page = await openApp(context, side.servers.proxy.url);
        if (size === 'small') await syncTunebook(page, 100135);  // types the number however old the page
        else await importExport(page, exportFile, 10000);
        const s = await waitFor(page, (s) => !s.saving, 'the collection saved', 120000);
        side[size] = await statusChanges(page, s.rows[0].tune_id);
        side[size].database = (await waitFor(page, () => true, 'a snapshot')).storage.database_bytes;
        if (size === 'big') side.start = await startUp(context, side.servers.proxy.url);
      } finally {
        await context.close();
        removeProfileDir(profile);
      }
    }
    side.servers.stop();
    side.servers = null;
  }
  console.log(`\n== a status change, tap to IndexedDB-durable (median of ${RUNS}); import file ${(statSync(exportFile).size / 1e6).toFixed(0)} MB`);
  for (const side of sides) {
    console.log(`${side.name}: 135 tunes ${side.small.durable.toFixed(0)} ms (wrote ${kb(side.small.bytes)} of ${kb(side.small.database)}); ` +
                `10,000 tunes with notes ${side.big.durable.toFixed(0)} ms (wrote ${kb(side.big.bytes)} of ${kb(side.big.database)}): ` +
                `${ratio(side.big.durable, side.small.durable)}x (goal <= 2x)`);
    console.log(`${side.name}: start-up with 10,000 tunes: first frame ${side.start.firstFrame.toFixed(0)} ms, ` +
                `collection shown ${side.start.shown.toFixed(0)} ms after navigation (median of 3)`);
  }
  if (sides.length === 2) {
    const [b, a] = sides;
    console.log(`this build / before: durable at 10,000 tunes ${ratio(a.big.durable, b.big.durable)}x; ` +
                `first frame ${ratio(a.start.firstFrame, b.start.firstFrame)}x; collection shown ${ratio(a.start.shown, b.start.shown)}x`);
  }
} finally {
  for (const side of sides) if (side.servers) side.servers.stop();
  rmSync(work, { recursive: true, force: true });
}
