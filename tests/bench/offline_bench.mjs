// The installed app's benchmarks (issue 11) in headless Chromium. Prints
// figures; never fails on time.
//   bytes: what the worker, manifest and icons add to the app
//   start: navigation to the first frame (window.tunetrack.firstFrameAt) on a
//          first visit, on a later visit with the service worker warm, on a
//          later visit with workers blocked (the HTTP cache revalidating, as
//          before issue 11), and offline (the proxy stopped)
// Medians of RUNS fresh profiles; the proxy and fake are on loopback, so the
// network costs little here: on a real link the worker saves more.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import {
  startServers, stopServer, launch, openApp, waitForOfflineReady, newProfileDir, removeProfileDir, paths,
} from '../e2e/harness.mjs';

const RUNS = Number(process.env.TT_BENCH_RUNS || 5);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const web = paths.web();
console.log('== offline app: added bytes');
let raw = 0, gz = 0;
for (const name of ['sw.js', 'version.json', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png',
                    'icons/icon-maskable-512.png', 'icons/apple-touch-icon.png']) {
  const file = join(web, name);
  if (!existsSync(file)) { console.log(`${name}: missing (build the wasm target first)`); continue; }
  const bytes = readFileSync(file);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`${name.padEnd(28)} ${kb(bytes.length).padStart(9)} raw ${kb(zipped).padStart(9)} gzip`);
}
console.log(`${'total'.padEnd(28)} ${kb(raw).padStart(9)} raw ${kb(gz).padStart(9)} gzip`);

// A phone on a fair mobile link (DevTools' network emulation): 150 ms round
// trips, 10 Mbit/s down. Answers the worker gives from its cache skip it.
const MOBILE = { offline: false, latency: 150, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) };

async function firstFrame(context, url, throttle = null) {
  const page = context.pages()[0] || (await context.newPage());
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', throttle);
  }
  await page.goto(url);
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.firstFrameAt, null, { timeout: 30000 });
  return { page, ms: await page.evaluate(() => window.tunetrack.firstFrameAt) };
}

const blockedWorkers = (profile) => launch(profile, { serviceWorkers: 'block' });

console.log(`\n== offline app: navigation to the first frame (median of ${RUNS} fresh profiles)`);
const first = [], warm = [], noWorker = [], offline = [];
for (let run = 0; run < RUNS; run++) {
  const servers = await startServers();
  const profile = newProfileDir(), plain = newProfileDir();
  try {
    let context = await launch(profile);
    const visit = await firstFrame(context, servers.proxy.url);
    first.push(visit.ms);
    await openApp(context, servers.proxy.url);  // settles; then the worker holds the shell
    await waitForOfflineReady(context.pages()[0]);
    await context.close();
    context = await launch(profile);
    warm.push((await firstFrame(context, servers.proxy.url)).ms);
    await context.close();

    // The same later visit without a worker: the HTTP cache revalidates each file.
    let blocked = await blockedWorkers(plain);
    await firstFrame(blocked, servers.proxy.url);
    await blocked.close();
    blocked = await blockedWorkers(plain);
    noWorker.push((await firstFrame(blocked, servers.proxy.url)).ms);
    await blocked.close();

    await stopServer(servers.proxy);
    context = await launch(profile);
    offline.push((await firstFrame(context, servers.proxy.url)).ms);
    await context.close();
  } finally {
    servers.stop();
    removeProfileDir(profile);
    removeProfileDir(plain);
  }
}
const show = (label, v) => console.log(`${label.padEnd(44)} ${median(v).toFixed(0).padStart(6)} ms   (runs: ${v.map((x) => x.toFixed(0)).join(', ')})`);
show('first visit', first);
show('later visit, service worker warm', warm);
show('later visit, workers blocked (HTTP cache)', noWorker);
show('later visit, offline (proxy stopped)', offline);
const mobileFirst = [], mobileWarm = [];
for (let run = 0; run < Math.min(RUNS, 3); run++) {
  const servers = await startServers();
  const profile = newProfileDir();
  try {
    let context = await launch(profile);
    mobileFirst.push((await firstFrame(context, servers.proxy.url, MOBILE)).ms);
    await waitForOfflineReady(context.pages()[0]);
    await context.close();
    context = await launch(profile);
    mobileWarm.push((await firstFrame(context, servers.proxy.url, MOBILE)).ms);
    await context.close();
  } finally {
    servers.stop();
    removeProfileDir(profile);
  }
}
show('first visit, mobile link (150 ms, 10 Mbit/s)', mobileFirst);
show('later visit, mobile link, worker warm', mobileWarm);
const faster = (a, b) => `${((1 - median(a) / median(b)) * 100).toFixed(0)} % faster (${(median(b) / median(a)).toFixed(2)}x)`;
console.log(`warm worker vs first visit: ${faster(warm, first)}; goal >= 30 %`);
console.log(`warm worker vs HTTP cache only: ${faster(warm, noWorker)}`);
console.log(`on the mobile link, warm worker vs first visit: ${faster(mobileWarm, mobileFirst)}`);
