// Practice in headless Chromium: importing 10,000 tunes with 100,000
// ratings, today's queue made from them, and one rating saved until
// IndexedDB has it (and the bytes it wrote there) against one status change
// saved the same way (the baseline, same run). The collection comes from practice_bench (native),
// whose export this imports. Prints figures; never fails on time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServers, launch, openApp, waitFor, click, snapshot, newProfileDir, removeProfileDir, importExport } from '../e2e/harness.mjs';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const work = mkdtempSync(join(tmpdir(), 'tunetrack-practice-bench-'));
const exportFile = join(work, 'collection.json');
execFileSync(process.env.TT_PRACTICE_BENCH_BIN, [exportFile], { stdio: 'inherit' });

const servers = await startServers();
const profile = newProfileDir();
const context = await launch(profile);
try {
  console.log(`\n== practice in the browser: import ${(statSync(exportFile).size / 1e6).toFixed(0)} MB (10,000 tunes, 100,000 ratings)`);
  const page = await openApp(context, servers.proxy.url);
  const t0 = Date.now();
  let s = await importExport(page, exportFile, 10000);
  console.log(`imported and saved in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${s.import_summary.split('\n')[0]}`);
  // The import made today's queue (the one made at page load was empty).
  console.log(`today's queue made from them: ${s.practice.queue_ms.toFixed(1)} ms in the page (${s.practice.queue.length} tunes; goal < 20)`);
  const reads = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
    s = await waitFor(page, (s) => s.total === 10000 && s.practice.queue.length > 0, 'the collection', 120000);
    reads.push(s.practice.queue_ms);
  }
  console.log(`today's queue read back after a reload: median ${median(reads).toFixed(1)} ms`);

  console.log('\n== practice in the browser: one change, from the tap to IndexedDB-durable (ms, median of 5)');
  // A tune shown for the first time fetches its details and keeps them: a
  // save of its own, after the rating's. Each queued tune is opened first, so
  // what is timed is the rating alone (its save, from the rating on).
  for (const item of s.practice.queue) {
    await page.evaluate((id) => { location.hash = `tune=${id}`; }, item.tune_id);
    await waitFor(page, (s) => s.view.open_tune === item.tune_id && s.details_loaded && !s.saving, 'the tune\'s details kept', 60000);
  }
  await click(page, 'tab_practice');
  await waitFor(page, (s) => s.rects.rate_good && s.practice.current_tune > 0, 'a tune to rate');
  const ratings = [], statuses = [], ratingBytes = [];
  for (let i = 0; i < 5; i++) {
    const before = (await waitFor(page, (s) => !s.saving && s.requests_in_flight === 0, 'nothing else saving')).practice.done_today;
    await click(page, 'rate_good');
    s = await waitFor(page, (s) => s.practice.done_today === before + 1 && !s.saving, 'the rating saved', 60000);
    ratings.push(s.last_save_ms);
    ratingBytes.push(s.storage.last_save_bytes);
  }
  await page.evaluate(() => { location.hash = 'tune=2'; });
  for (let i = 0; i < 5; i++) {
    const status = i % 2 ? 'status_learned' : 'status_learning';  // tune 2 starts learned
    await waitFor(page, (s) => s.rects[status], 'the status buttons');
    const learned = (await snapshot(page)).counts.learned;
    await click(page, status);
    s = await waitFor(page, (s) => s.counts.learned !== learned && !s.saving, 'the status saved', 60000);
    statuses.push(s.last_save_ms);
  }
  console.log(`one rating: ${median(ratings).toFixed(0)} ms; one status change (baseline): ${median(statuses).toFixed(0)} ms ` +
    `(${(median(ratings) / median(statuses)).toFixed(2)}x; goal < 30); a rating wrote ${(median(ratingBytes) / 1024).toFixed(0)} KB ` +
    `of the ${(s.storage.database_bytes / 1e6).toFixed(1)} MB database to IndexedDB`);
} finally {
  await context.close();
  servers.stop();
  removeProfileDir(profile);
  rmSync(work, { recursive: true, force: true });
}
