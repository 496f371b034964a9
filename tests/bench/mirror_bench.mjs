// The accessibility mirror's cost (web/page/mirror.js + web/accessibility/mirror.cpp), in
// headless Chromium with 10,000 tunes: its download size, and CPU time per
// frame with the mirror on against the same page with it paused, in the same
// run (hovering the list, typing a search, scrolling with the wheel).
// Prints figures; never fails on time.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startServers, launch, openApp, waitFor, click, nextFrames, newProfileDir, removeProfileDir, paths } from '../e2e/harness.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mirrorJs = Buffer.concat(['mirror.js', 'mirror_controls.js', 'mirror_tables.js'].map((file) => readFileSync(join(paths.web(), file))));
console.log('== mirror: download size');
console.log(`mirror.js + mirror_controls.js + mirror_tables.js ${kb(mirrorJs.length)} raw, ${kb(gzipSync(mirrorJs, { level: 9 }).length)} gzip`);

const servers = await startServers();
const profile = newProfileDir();
const context = await launch(profile);
try {
  const page = await openApp(context, servers.proxy.url);
  await click(page, 'tab_sync');
  await click(page, 'member_id');
  await page.keyboard.type('110000', { delay: 20 });
  await nextFrames(page, 3);
  await click(page, 'sync_button');
  await waitFor(page, (s) => s.last_sync && s.last_sync.status === 'completed' && !s.saving, 'the 10,000-tune sync', 180000);
  await click(page, 'tab_collection');
  await waitFor(page, (s) => s.total === 10000 && s.rects.row_3, 'the list');

  const stats = async () => {
    const [total, ui] = (await page.evaluate(() => Module.ccall('tt_frame_stats', 'string', [], []))).split('|')
      .map((part) => { const [count, p50, p95, max] = part.split(' ').map(Number); return { count, p50, p95, max }; });
    return { total, ui };
  };
  const reset = () => page.evaluate(() => Module.ccall('tt_reset_frame_stats', null, [], []));
  const scenarios = {
    hover: async () => { for (let i = 0; i < 80; i++) { await page.mouse.move(300, 150 + (i % 40) * 10); await nextFrames(page, 1); } },
    typing: async () => {
      await click(page, 'search');
      await reset();
      await page.keyboard.type("maire's reel", { delay: 60 });
      for (let i = 0; i < 12; i++) await page.keyboard.press('Backspace', { delay: 60 });
    },
    scroll: async () => { await page.mouse.move(300, 400); for (let i = 0; i < 60; i++) { await page.mouse.wheel(0, i < 30 ? 120 : -120); await nextFrames(page, 1); } },
  };
  // Each list measured with the mirror paused, on, and paused again (the
  // baseline twice, so drift shows).
  const measure = async (what) => {
    const results = {};
    for (const mode of ['paused', 'on', 'paused again']) {
      await page.evaluate((paused) => { Module.ttMirrorPaused = paused; }, mode !== 'on');
      results[mode] = {};
      for (const [name, run] of Object.entries(scenarios)) {
        await reset();
        await run();
        results[mode][name] = await stats();
      }
    }
    const nodes = await page.evaluate(() => document.querySelectorAll('#tt-mirror *').length);
    console.log(`\n== mirror: CPU time per frame, ${what} (UI work | whole frame incl. WebGL on SwiftShader), ${nodes} mirror elements`);
    for (const name of Object.keys(scenarios)) {
      const line = (mode) => {
        const f = results[mode][name];
        return `${mode.padEnd(12)} UI p50 ${f.ui.p50.toFixed(2)} p95 ${f.ui.p95.toFixed(2)} ms | frame p50 ${f.total.p50.toFixed(2)} p95 ${f.total.p95.toFixed(2)} max ${f.total.max.toFixed(2)} ms (${f.total.count} frames)`;
      };
      console.log(`${name}:`);
      for (const mode of Object.keys(results)) console.log(`  ${line(mode)}`);
      const off = (results.paused[name].total.p95 + results['paused again'][name].total.p95) / 2;
      console.log(`  mirror on / paused at p95: ${(results.on[name].total.p95 / Math.max(off, 0.001)).toFixed(2)}x; budget 16.7 ms`);
    }
  };
  // 10,000 rows: the mirror's table has the rows on screen.
  await measure('10,000 tunes');
  // One type: a list the mirror's table holds whole (up to 2,000 rows).
  await click(page, 'type_filter');
  await nextFrames(page, 3);
  await click(page, 'type_option_reel');
  const filtered = await waitFor(page, (s) => s.view.type === 'reel' && s.rects.row_3, 'the reels');
  await page.mouse.move(300, 400);
  await measure(`the ${filtered.shown} reels of 10,000 tunes, every row in the mirror's table`);
} finally {
  await context.close();
  removeProfileDir(profile);
  servers.stop();
}
