// Keeping every collected tune's music for offline (web/update/update_offline_music.cpp),
// in headless Chromium: a 1,000-tune tunebook synced, then how long the
// background keeping takes (through the proxy to the fake thesession.org,
// which answers after `latencyMs` as a far server would), and the page's
// frames while it runs against the same page once it is done, in the same
// run (a search typed at a person's pace). Prints figures; never fails on time.
import { startServers, newProfileDir, launch, openApp, removeProfileDir, waitFor, click, snapshot } from '../e2e/harness.mjs';
import { syncTunebook, resetFrameStats, frameStats, typeASearch } from './bench_page.mjs';

const latencyMs = 60;
const member = 101000;  // the fake's member with 1,000 tunes
const servers = await startServers({ latencyMs });
const profile = newProfileDir();
const context = await launch(profile);
const ms = (n) => `${n.toFixed(1)} ms`;
const show = (label, f) => console.log(`${label}: frame p50 ${ms(f.total.p50)}, p95 ${ms(f.total.p95)}, max ${ms(f.total.max)} (UI p95 ${ms(f.ui.p95)}, ${f.total.count} frames)`);
try {
  const page = await openApp(context, servers.proxy.url);
  await syncTunebook(page, member);
  const started = Date.now();
  await click(page, 'tab_collection');
  await click(page, 'search');

  // Typing while the music is being kept.
  await resetFrameStats(page);
  await typeASearch(page);
  const during = await frameStats(page);
  const partway = (await snapshot(page)).offline_music;

  const done = await waitFor(page, (s) => s.offline_music.total === 1000 && s.offline_music.kept === 1000 && !s.saving,
    'every tune\'s music kept', 600000);
  const took = (Date.now() - started) / 1000;

  // The same typing once it is done: the baseline.
  await click(page, 'search');
  await resetFrameStats(page);
  await typeASearch(page);
  const after = await frameStats(page);

  console.log(`== offline music: ${member - 100000} tunes, the fake answering after ${latencyMs} ms`);
  console.log(`kept ${done.offline_music.kept} of ${done.offline_music.total} in ${took.toFixed(1)} s ` +
              `(${(done.offline_music.kept / took).toFixed(1)} tunes/s; ${partway.kept} kept when the typing ended)`);
  show('typing while it runs', during);
  show('typing once done     ', after);
  console.log(`ratio while/after: p50 ${(during.total.p50 / after.total.p50).toFixed(2)}x, p95 ${(during.total.p95 / after.total.p95).toFixed(2)}x`);
  console.log(`database on the device: ${(done.storage.database_bytes / 1024).toFixed(0)} KB`);
} finally {
  await context.close();
  removeProfileDir(profile);
  servers.stop();
}
