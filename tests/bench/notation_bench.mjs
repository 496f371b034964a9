// The tune page's music in headless Chromium (SwiftShader: no GPU here).
// Prints figures; never fails on time.
//   sizes: what notation adds to the download, and that the first frame does
//          not wait for it (the same page with notation blocked, same run)
//   open:  click on a tune -> its details shown (what the page did before) and
//          -> its notation drawn
//   scroll: CPU time per frame while the notation scrolls
//   drift: note highlights against their scheduled onsets over 32 bars at 120 %
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import {
  startServers, launch, openApp, waitFor, click, nextFrames, newProfileDir, removeProfileDir, paths, syncMember,
} from '../e2e/harness.mjs';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const pct = (v, p) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * p))];
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const web = paths.web();

console.log('== notation: added download (loaded only when a tune is opened / played)');
for (const name of ['notation.js', 'playback.js', 'vendor/abcjs-basic-min.js']) {
  const bytes = readFileSync(join(web, name));
  console.log(`${name.padEnd(28)} ${kb(bytes.length).padStart(7)} raw ${kb(gzipSync(bytes, { level: 9 }).length).padStart(7)} gzip`);
}
const sounds = join(web, 'sounds');
if (existsSync(sounds)) {
  for (const dir of readdirSync(sounds).filter((d) => d.endsWith('-mp3'))) {
    const files = readdirSync(join(sounds, dir));
    const bytes = files.reduce((n, f) => n + statSync(join(sounds, dir, f)).size, 0);
    console.log(`sounds/${dir.padEnd(21)} ${kb(bytes).padStart(7)} in ${files.length} notes (mp3; a tune fetches only its own notes)`);
  }
}

const servers = await startServers();
try {
  console.log('\n== notation: navigation to the first frame, with and without notation (fresh profiles, median of 3 each)');
  const firstFrame = async (blockNotation) => {
    const profile = newProfileDir();
    const context = await launch(profile);
    if (blockNotation) await context.route(/notation\.js|abcjs/, (route) => route.abort());  // the page as it was
    const page = context.pages()[0];
    await page.goto(servers.proxy.url);
    await page.waitForFunction(() => window.tunetrack && window.tunetrack.firstFrameAt);
    const at = await page.evaluate(() => window.tunetrack.firstFrameAt);
    await context.close();
    removeProfileDir(profile);
    return at;
  };
  const withNotation = [], without = [];
  for (let i = 0; i < 3; i++) { without.push(await firstFrame(true)); withNotation.push(await firstFrame(false)); }
  console.log(`first frame: ${median(withNotation).toFixed(0)} ms with notation, ${median(without).toFixed(0)} ms with notation.js and abcjs blocked (${(median(withNotation) / median(without)).toFixed(2)}x)`);

  const profile = newProfileDir();
  const context = await launch(profile);
  const page = await openApp(context, servers.proxy.url);
  const synced = await syncMember(page, 100012);
  await page.evaluate(() => { location.hash = 'tab=collection'; });
  await waitFor(page, (s) => s.rects.row_0, 'the list');
  await page.evaluate(() => window.tunetrack.snapshot());

  console.log('\n== notation: from a click on a tune to its details and to its notation drawn (ms, in-page clock)');
  // Watches every frame until the tune is open, then until its notation is on screen.
  const watch = (tuneId) => page.evaluate((tuneId) => new Promise((resolve) => {
    const start = performance.now();
    let open = 0;
    const step = () => {
      const s = window.tunetrack.snapshot();
      if (!open && s.view.open_tune === tuneId) open = performance.now() - start;
      if (s.notation.tune === tuneId && (s.notation.rendered || s.notation.error) && s.rects.notation) {
        resolve({ open, notation: performance.now() - start, engrave: s.notation.engrave_ms, raster: s.notation.raster_ms });
      } else if (performance.now() - start > 20000) resolve({ open, notation: NaN });
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }), tuneId);
  const rows = synced.rows.slice(0, 10);
  const openAll = async () => {
    const opens = [];
    for (let i = 0; i < rows.length; i++) {
      const r = (await page.evaluate(() => window.tunetrack.snapshot())).rects[`row_${i}`];
      await page.mouse.move(r[0] + 20, r[1] + r[3] / 2);
      await nextFrames(page, 1);
      const timing = watch(rows[i].tune_id);
      await page.mouse.down();
      await page.mouse.up();
      opens.push(await timing);
      await page.evaluate(() => { location.hash = 'tab=collection'; });
      await waitFor(page, (s) => s.view.open_tune === 0 && s.rects.row_0, 'the list again');
      await nextFrames(page, 3);
    }
    return opens;
  };
  const show = (label, opens) => {
    const m = (f) => median(opens.map(f)).toFixed(0);
    console.log(`${label}:\n  click -> tune open ${m((o) => o.open)} (input frames), -> notation on screen ${m((o) => o.notation)}, ` +
      `max ${Math.max(...opens.map((o) => o.notation)).toFixed(0)}; of which open -> notation ${m((o) => o.notation - o.open)} ` +
      `(abcjs engraving ${m((o) => o.engrave)}, SVG to texture ${m((o) => o.raster)})`);
  };
  show('10 tunes, details fetched from the fake thesession.org', await openAll());
  show('the same 10 again, details from the store (goal < 150 to the notation)', await openAll());

  console.log('\n== notation: CPU time per frame while the notation scrolls');
  await page.evaluate((id) => { location.hash = `tune=${id}`; }, rows[0].tune_id);
  const s = await waitFor(page, (s) => s.notation.rendered && s.rects.notation, 'the notation');
  const [nx, ny, nw] = s.rects.notation;
  await page.mouse.move(nx + nw / 2, Math.min(ny + 100, 700));
  const stats = async () => {
    const [total, ui] = (await page.evaluate(() => Module.ccall('tt_frame_stats', 'string', [], []))).split('|')
      .map((part) => { const [count, p50, p95, max] = part.split(' ').map(Number); return { count, p50, p95, max }; });
    return { total, ui };
  };
  await page.evaluate(() => Module.ccall('tt_reset_frame_stats', null, [], []));
  for (let i = 0; i < 120; i++) { await page.mouse.wheel(0, i < 60 ? 40 : -40); await nextFrames(page, 1); }
  const scroll = await stats();
  const showFrames = (label, f) => console.log(`${label.padEnd(30)} p50 ${f.p50.toFixed(2)} ms  p95 ${f.p95.toFixed(2)} ms  max ${f.max.toFixed(2)} ms  (${f.count} frames)`);
  showFrames('UI work (ImGui + our code)', scroll.ui);
  showFrames('whole frame incl. WebGL calls', scroll.total);

  console.log('\n== notation: playback timing, 32 bars at 120 % (a reel), highlights vs scheduled onsets');
  const examples = await (await fetch(`${servers.fake.url}/_control/examples`)).json();
  await page.evaluate((id) => { location.hash = `tune=${id}`; }, examples.types.reel);
  let p = await waitFor(page, (s) => s.notation.tune === examples.types.reel && s.notation.rendered, 'the reel');
  if (p.notation.count_in) await click(page, 'count_in');
  await click(page, 'tempo');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('120');
  await page.keyboard.press('Tab');
  await waitFor(page, (s) => s.notation.tempo_percent === 120, 'tempo 120');
  await click(page, 'play');
  // 32 bars: the tune's 16 written bars, repeats unfolded, is about that.
  await waitFor(page, (s) => !s.notation.playing, 'the tune to end', 120000);
  const log = await page.evaluate(() => window.Module.ttPlaybackLog);
  const lateAudio = log.map((e) => e.at - e.scheduled);
  const w0 = log[0].wall - log[0].scheduled;
  const wallDrift = log.map((e) => e.wall - e.scheduled - w0);
  console.log(`${log.length} notes over ${(log[log.length - 1].scheduled / 1000).toFixed(1)} s`);
  console.log(`highlight after its onset (audio clock): p50 ${median(lateAudio).toFixed(1)} ms, p95 ${pct(lateAudio, 0.95).toFixed(1)} ms, max ${Math.max(...lateAudio).toFixed(1)} ms (goal < 10)`);
  console.log(`wall clock vs schedule, first note to last: drift ${wallDrift[wallDrift.length - 1].toFixed(1)} ms; p95 |deviation| ${pct(wallDrift.map(Math.abs), 0.95).toFixed(1)} ms`);
  await context.close();
  removeProfileDir(profile);
} finally {
  servers.stop();
}
