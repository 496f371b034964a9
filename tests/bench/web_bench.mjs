// Web app benchmarks in headless Chromium (SwiftShader: no GPU here, so
// frame figures are CPU time of our frame code). Prints figures; never fails on time.
//   sizes: wasm + js + page + font, raw and gzip
//   start: navigation to the first frame, against a blank page in the same browser
//   sync: applying a 2,000-tune sync (store + list reload), and the sync's wall time
//   frames: CPU time per frame with 10,000 tunes, idle and while typing a search
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import {
  startServers, launch, openApp, waitFor, click, nextFrames, newProfileDir, removeProfileDir, paths,
} from '../e2e/harness.mjs';
import { typeMemberId, syncTunebook, resetFrameStats, frameStats, typeASearch } from './bench_page.mjs';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const web = paths.web();
const file = (name) => readFileSync(join(web, name));
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log('== web: download size');
let raw = 0, gz = 0;
for (const name of ['tunetrack.wasm', 'tunetrack.js', 'index.html']) {
  const bytes = file(name);
  const zipped = existsSync(join(web, `${name}.gz`)) ? file(`${name}.gz`) : gzipSync(bytes, { level: 9 });
  raw += bytes.length;
  gz += zipped.length;
  console.log(`${name.padEnd(16)} ${kb(bytes.length).padStart(8)} raw ${kb(zipped.length).padStart(8)} gzip`);
}
const font = join(web, '..', 'fonts', 'ui.ttf');
if (existsSync(font)) {
  const bytes = readFileSync(font);
  console.log(`${'font (in wasm)'.padEnd(16)} ${kb(bytes.length).padStart(8)} raw ${kb(gzipSync(bytes, { level: 9 }).length).padStart(8)} gzip`);
}
console.log(`${'total'.padEnd(16)} ${kb(raw).padStart(8)} raw ${kb(gz).padStart(8)} gzip`);

const servers = await startServers();
try {
  console.log('\n== web: navigation to the first frame (fresh profile, localhost, median of 3)');
  const starts = [], blanks = [];
  for (let i = 0; i < 3; i++) {
    const profile = newProfileDir();
    const context = await launch(profile);
    const page = context.pages()[0];
    await page.goto(`${servers.proxy.url}/healthz`);  // baseline: a tiny document from the same server
    blanks.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await page.goto(servers.proxy.url);
    await page.waitForFunction(() => window.tunetrack && window.tunetrack.firstFrameAt);
    starts.push(await page.evaluate(() => window.tunetrack.firstFrameAt));
    await context.close();
    removeProfileDir(profile);
  }
  console.log(`first frame: ${median(starts).toFixed(0)} ms   (a bare JSON document loads in ${median(blanks).toFixed(0)} ms: ${(median(starts) / median(blanks)).toFixed(1)}x)`);

  const profile = newProfileDir();
  const context = await launch(profile);
  const page = await openApp(context, servers.proxy.url);
  const sync = (member) => syncTunebook(page, member);
  console.log('\n== web: sync (fake thesession.org on loopback, no added latency)');
  let s = await sync(102000);
  console.log(`2,000 tunes: sync ${s.last_sync.duration_ms} ms in all; applying to the store and reloading the list ${s.last_apply_ms.toFixed(0)} ms`);
  s = await sync(110000);
  console.log(`10,000 tunes: sync ${s.last_sync.duration_ms} ms in all; applying ${s.last_apply_ms.toFixed(0)} ms (collection now ${s.total})`);

  console.log('\n== web: CPU time per frame with 10,000 tunes');
  await click(page, 'tab_collection');
  const stats = () => frameStats(page);
  await resetFrameStats(page);
  // Baseline: the pointer moving over the list (an idle page draws no frames at all).
  for (let i = 0; i < 100; i++) { await page.mouse.move(300, 150 + (i % 40) * 10); await nextFrames(page, 1); }
  const idle = await stats();
  await click(page, 'search');
  await resetFrameStats(page);
  await typeASearch(page);
  const typing = await stats();
  const show = (label, f) => console.log(`${label.padEnd(22)} p50 ${f.p50.toFixed(2)} ms  p95 ${f.p95.toFixed(2)} ms  max ${f.max.toFixed(2)} ms  (${f.count} frames)`);
  console.log('UI work (ImGui + our code, before the WebGL calls):');
  show('  hover (baseline)', idle.ui);
  show('  typing a search', typing.ui);
  console.log('whole frame including WebGL calls (SwiftShader, no GPU on this machine):');
  show('  hover (baseline)', idle.total);
  show('  typing a search', typing.total);
  console.log(`typing costs ${(typing.ui.p95 / Math.max(idle.ui.p95, 0.001)).toFixed(1)}x hovering at p95; budget per frame: 16.7 ms`);
  await context.close();
  removeProfileDir(profile);
} finally {
  servers.stop();
}

// A real tunebook sync is bound by the network, not the page: the same
// 2,000-tune sync with 50 ms added to every answer of the fake, through the proxy.
const slow = await startServers({ latencyMs: 50 });
try {
  console.log('\n== web: sync through the proxy, fake thesession.org answering in 50 ms (median of 3, fresh profiles)');
  const engine = [], total = [];
  for (let run = 0; run < 3; run++) {
    const profile = newProfileDir();
    const context = await launch(profile);
    const page = await openApp(context, slow.proxy.url);
    await click(page, 'tab_sync');
    await typeMemberId(page, 102000);
    const started = Date.now();
    await click(page, 'sync_button');
    const s = await waitFor(page, (s) => s.last_sync && s.last_sync.status === 'completed' && !s.saving, 'the sync', 120000);
    total.push(Date.now() - started);
    engine.push(s.last_sync.duration_ms);
    await context.close();
    removeProfileDir(profile);
  }
  console.log(`2,000 tunes (40 pages of 50, 4 at a time): ${median(engine)} ms by the engine, ${median(total)} ms from the click to saved (runs: ${engine.join(', ')} ms)`);
} finally {
  slow.stop();
}
