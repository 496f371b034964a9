// Shared set-up for the browser tests: starts fake-thesession and
// tunetrack-proxy on loopback, launches Debian's Chromium through
// playwright-core, and gives small helpers to read the page's state and
// click or type on its canvas with real input events.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (ctest sets it; see tests/e2e/CMakeLists.txt)`);
  return value;
};

export const paths = {
  proxy: () => env('TT_PROXY_BIN'),
  fake: () => env('TT_FAKE_BIN'),
  web: () => env('TT_WEB_DIR'),
  chromium: () => process.env.TT_CHROMIUM || '/usr/bin/chromium',
};

// Starts a program that prints "... http://127.0.0.1:PORT ..." once ready.
function startServer(binary, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${binary} did not start: ${out}`)), 10000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), url: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.stderr.on('data', (chunk) => { out += chunk; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${binary} exited ${code}: ${out}`)); });
  });
}

// A tunetrack-proxy in front of `upstream`: on `port` (0: any free one),
// serving the web app from `web`. The upstream is the local fake, so its
// rate cap is off like the clients' (a 10,000-tune sync is 200 pages).
export function startProxy(upstream, { port = 0, web = paths.web(), proxyArgs = [] } = {}) {
  return startServer(paths.proxy(), [
    '--port', String(port), '--upstream', upstream, '--web', web, '--access-log', 'off',
    '--retry-delay-ms', '50', '--rate', '0', '--max-upstream-rps', '0', '--tunebook-ttl-s', '0', ...proxyArgs,
  ]);
}

// Stops a server started here and waits until it has gone (its port is free).
export function stopServer(server) {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

export async function startServers({ latencyMs = 0, proxyArgs = [] } = {}) {
  if (!existsSync(join(paths.web(), 'tunetrack.wasm'))) {
    throw new Error(`no web build in ${paths.web()}: run 'make test' (it builds build/wasm first)`);
  }
  const fake = await startServer(paths.fake(), ['--port', '0', '--latency-ms', String(latencyMs)]);
  const proxy = await startProxy(fake.url, { proxyArgs });
  const stop = () => { for (const s of [proxy, fake]) s.child.kill('SIGTERM'); };
  return { fake, proxy, stop };
}

export const chromiumArgs = [
  '--no-sandbox', '--no-first-run', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
];

export function newProfileDir() {
  return mkdtempSync(join(tmpdir(), 'tunetrack-e2e-'));
}

export function removeProfileDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

// What the page's input saw, newest last: focus moving, keys, text reaching
// a field, touches and clicks, and whether the canvas wants typing (its
// hidden keyboard field). A failed wait prints it: a lost keystroke leaves
// no other trace. Installed in every page before the app's own listeners,
// so theirs stopping an event does not hide it from the log.
function recordInput() {
  const log = [];
  window.ttInputLog = log;
  const start = performance.now();
  const add = (...what) => {
    log.push([Math.round(performance.now() - start), ...what].join(' '));
    if (log.length > 120) log.shift();
  };
  const name = (el) => !el || !el.tagName ? String(el) : el.id ? `#${el.id}`
    : el.tagName.toLowerCase() + (el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : '');
  for (const type of ['focusin', 'focusout']) document.addEventListener(type, (e) => add(type, name(e.target)), true);
  for (const type of ['touchstart', 'touchend', 'mousedown', 'mouseup']) {
    window.addEventListener(type, (e) => add(type, name(e.target)), true);
  }
  window.addEventListener('keydown', (e) => add('keydown', e.ctrlKey ? `Ctrl+${e.key}` : e.key, name(e.target)), true);
  window.addEventListener('input', (e) => add('input', name(e.target), JSON.stringify(e.target.value)), true);
  let wanted;
  const watch = () => {
    const now = !!(window.Module && window.Module.ttTextInputWanted);
    if (now !== wanted) add('canvas field wants typing:', (wanted = now));
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

const inputLog = (page) => page.evaluate(() => (window.ttInputLog || []).join('\n')).catch((e) => String(e));

// A persistent context keeps IndexedDB in `profileDir` across launches.
export async function launch(profileDir, options = {}) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: paths.chromium(),
    headless: true,
    args: chromiumArgs,
    viewport: options.viewport || { width: 1280, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor || 1,
    hasTouch: !!options.hasTouch,
    isMobile: !!options.isMobile,
    permissions: ['clipboard-read', 'clipboard-write'],
    serviceWorkers: options.serviceWorkers || 'allow',  // 'block': the page as without issue 11's worker
  });
  await context.addInitScript(recordInput);
  return context;
}

export async function openApp(context, url) {
  // Reuse the blank tab a new context opens with; otherwise open another tab.
  const page = context.pages().find((p) => p.url() === 'about:blank') || (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready, null, { timeout: 30000 });
  await nextFrames(page, 3);
  page.ttErrors = errors;
  return page;
}

export const snapshot = (page) => page.evaluate(() => window.tunetrack.snapshot());

export async function nextFrames(page, n = 2) {
  for (let i = 0; i < n; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

// Waits until `predicate(snapshot)` holds; returns that snapshot.
export async function waitFor(page, predicate, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await snapshot(page);
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  // Where the page was comes first: the whole snapshot is cut to fit a log.
  const where = last && { view: last.view, rects: Object.keys(last.rects || {}) };
  throw new Error(`timed out waiting for ${what}; the page: ${JSON.stringify(where).slice(0, 1500)}; ` +
    `last snapshot: ${JSON.stringify(last).slice(0, 2000)}; its input, newest last:\n${await inputLog(page)}`);
}

// The accessibility mirror (web/page/mirror.js) follows the next frame:
// waits until `locator` finds `n` elements and returns it.
export async function expectCount(page, locator, n, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  let count;
  while (Date.now() < deadline) {
    count = await locator.count();
    if (count === n) return locator;
    await nextFrames(page, 1);
  }
  throw new Error(`${what}: found ${count}, wanted ${n}`);
}
// The same for one element: a mirror's query that must name one thing.
export const findOne = (page, locator, what) => expectCount(page, locator, 1, what);

// The centre of a named widget, in CSS pixels, once the UI has drawn it.
// It must have stayed put across two drawn frames (or the page must have
// stopped drawing): a popup or panel still settling, or a new text size not
// yet drawn, would send the pointer to where the widget was, not where it is.
// Two reads within one frame prove nothing, which a busy machine shows.
export async function rect(page, name) {
  let previous = null;
  const s = await waitFor(page, (s) => {
    const r = s.rects[name];
    const { frames } = s;
    const steady = r && previous && r.every((v, i) => v === previous.r[i]) &&
      (frames.drawn > previous.drawn || !frames.settling);
    previous = r && { r, drawn: frames.drawn };
    return steady;
  }, `widget ${name} to stay put`);
  const [x, y, w, h] = s.rects[name];
  return { x: x + w / 2, y: y + h / 2 };
}

// Moves, presses and releases in separate frames, as a hand on a mouse does.
export async function click(page, name) {
  const { x, y } = await rect(page, name);
  // Approach the target: a move to the very spot the pointer already is
  // (as after a reload) sends the page no mousemove at all.
  await page.mouse.move(x - 3, y - 3);
  await page.mouse.move(x, y);
  await nextFrames(page, 2);
  await page.mouse.down();
  await nextFrames(page, 1);
  await page.mouse.up();
  await nextFrames(page, 2);
}

// A finger taps what it sees: a widget scrolled out of the screen (the
// phone's page scrolls as a whole) is scrolled back into view first.
export async function tap(page, name) {
  const r = (await snapshot(page)).rects[name];
  const { height } = page.viewportSize();
  if (r && (r[1] < 0 || r[1] + r[3] > height)) await scrollTo(page, name);
  const { x, y } = await rect(page, name);
  await page.touchscreen.tap(x, y);
  await nextFrames(page, 2);
}

// A text field was tapped or clicked: what is typed reaches it once ImGui has
// taken the field and, on a touch screen, the page has focused its hidden
// keyboard field; that is a frame or two later, more on a busy machine.
export async function readyToType(page) {
  await page.waitForFunction(() => {
    if (!Module.ttTextInputWanted) return false;
    const keyboard = document.getElementById('tt-keyboard');
    return !keyboard || document.activeElement === keyboard;
  }, null, { timeout: 10000 }).catch(async (e) => {
    throw new Error(`no field took the keyboard: ${e.message}; the page's input, newest last:\n${await inputLog(page)}`);
  });
}

// Scrolls with the wheel over the middle of the screen, as a hand would,
// until widget `name` is wholly in view (a long tune's music can put the
// controls under it below a phone's first screen).
export async function scrollTo(page, name) {
  const { width, height } = page.viewportSize();
  for (let i = 0; i < 40; i++) {
    const r = (await snapshot(page)).rects[name];
    if (r && r[1] >= 0 && r[1] + r[3] <= height) return rect(page, name);
    // As far as the widget is out of view (a notch or more, never a leap
    // past it): a long page takes a few turns, not dozens.
    const by = !r ? height / 2 : r[1] < 0 ? r[1] - height / 4 : r[1] + r[3] - height + height / 4;
    await page.mouse.move(width / 2, height / 2);
    await page.mouse.wheel(0, Math.sign(by) * Math.max(100, Math.abs(by)));
    await nextFrames(page, 2);
  }
  throw new Error(`widget ${name} could not be scrolled into view`);
}

// Taps a text field on a touch screen and waits until typing reaches it.
export async function tapField(page, name) {
  await tap(page, name);
  await readyToType(page);
}

export async function typeInto(page, name, text) {
  await click(page, name);
  await readyToType(page);
  await page.keyboard.type(text, { delay: 15 });
  await nextFrames(page, 2);
}

// The RGBA bytes of a screenshot (PNG), decoded by the page itself.
export async function screenshotPixels(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return Array.from(ctx.getImageData(0, 0, c.width, c.height).data);
  }, png.toString('base64'));
}

// Counts distinct colours in a screenshot of the canvas: a blank canvas has one or two.
export async function distinctColours(page) {
  const data = await screenshotPixels(page, await page.locator('#canvas').screenshot());
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return seen.size;
}

// Waits until a service worker controls the page with the whole shell cached
// (the page then opens with no network); returns that snapshot.
export function waitForOfflineReady(page) {
  return waitFor(page, (s) => s.app.offline_ready && s.app.build !== '', 'the service worker to hold the shell', 30000);
}

// Syncs member `member` from the Sync tab with real input (`press`: click or
// tap) and waits for that sync's result: the fake's member 100000+N has N tunes.
export async function syncMember(page, member, press = click) {
  await press(page, 'tab_sync');
  await press(page, 'member_id');
  await readyToType(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(member), { delay: 15 });
  // What was typed is in the field before the button is pressed (a lost
  // keystroke fails here, with the input that went astray in the message).
  await waitFor(page, (s) => s.member_id === String(member), `member ${member} typed into its field`);
  await press(page, 'sync_button');
  const tunes = Number(member) - 100000;
  return waitFor(page, (s) => s.last_sync && s.last_sync.status === 'completed' &&
    s.last_sync.tunes_fetched === tunes && !s.saving, `the sync of member ${member}`, 60000);
}

// Opens tune `id` and presses one of its status buttons ('status_learned',
// ...); returns the snapshot once the change is shown and its save is done
// (the change and its save start in the same update).
export async function changeStatus(page, id, status) {
  await page.evaluate((id) => { location.hash = `tune=${id}`; }, id);
  const before = await waitFor(page, (s) => s.view.open_tune === id && s.rects[status] && !s.saving, 'the tune page');
  await click(page, status);
  return waitFor(page, (s) => JSON.stringify(s.counts) !== JSON.stringify(before.counts) && !s.saving,
                 'the status changed and saved', 60000);
}

// Imports an export file (a collection with its practice) from the Data tab
// and returns the snapshot once all `tunes` are in and saved.
export async function importExport(page, file, tunes) {
  await click(page, 'tab_data');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'import')]);
  await chooser.setFiles(file);
  return waitFor(page, (s) => s.total === tunes && !s.saving, 'the import', 600000);
}

// The fake thesession.org's fault injection: add a rule (see
// tests/fake_thesession/fake_server.h), or clear them all.
export function fakeFaults(servers) {
  const control = (path, init) => fetch(`${servers.fake.url}/_control/${path}`, init);
  return {
    add: (rule) => control('faults', { method: 'POST', body: JSON.stringify(rule) }),
    clear: () => control('faults', { method: 'DELETE' }),
  };
}

// The usual start of a test file: servers, a fresh profile, the app open.
// `close()` undoes all of it.
export async function startSession({ serverOptions, launchOptions } = {}) {
  const servers = await startServers(serverOptions);
  const profile = newProfileDir();
  const context = await launch(profile, launchOptions);
  const page = await openApp(context, servers.proxy.url);
  const close = async () => {
    await context.close();
    servers.stop();
    removeProfileDir(profile);
  };
  return { servers, profile, context, page, close };
}
