// Your devices, in the browser: two profiles (a laptop and a phone) keep one
// collection through the musician's own WebDAV folder, served by nginx with
// its dav modules on the page's origin (deploy/nginx.conf). The laptop's
// tunes reach the phone with "Sync devices now"; a change on the phone
// reaches the laptop without anything pressed there, within a minute; the
// account is still there after a reload; a wrong app password is said, and not asked again by itself; the password
// never shows in the page's snapshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServers, newProfileDir, removeProfileDir, launch, openApp, snapshot, waitFor, click, scrollTo, readyToType,
  syncMember, changeStatus, nextFrames,
} from './harness.mjs';
import { startDeployedNginx } from './deployed_nginx.mjs';

const PASSWORD = 'ann-app-password';
let servers, nginx;
const profiles = [];
const contexts = [];

before(async () => {
  servers = await startServers();
  nginx = await startDeployedNginx(servers.proxy.url, { ann: PASSWORD });
});
after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  for (const p of profiles) removeProfileDir(p);
  await nginx?.stop();
  servers?.stop();
});

async function device() {
  const profile = newProfileDir();
  profiles.push(profile);
  const context = await launch(profile);
  contexts.push(context);
  return openApp(context, nginx.url);
}

// Types `text` over what field `name` holds (it is scrolled into view first).
async function fill(page, name, text) {
  await scrollTo(page, name);
  await click(page, name);
  await readyToType(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 10 });
  await nextFrames(page, 2);
}

async function setUpDevices(page, name, password = PASSWORD) {
  await click(page, 'tab_data');
  await fill(page, 'devices_folder_url', `${nginx.url}/devices/ann/`);
  await fill(page, 'devices_user', 'ann');
  await fill(page, 'devices_password', password);
  await fill(page, 'devices_name', name);
  await waitFor(page, (s) => s.devices.folder_url.endsWith('/devices/ann/') && s.devices.device_name === name &&
                             s.devices.password_kept, 'the account typed');
}

async function syncNow(page) {
  const before = (await snapshot(page)).devices.syncs;
  await scrollTo(page, 'sync_devices');
  await click(page, 'sync_devices');
  return waitFor(page, (s) => s.devices.syncs > before && !s.devices.syncing && !s.saving, 'the device sync', 60000);
}

const statusOf = (s, id) => (s.rows || []).find((r) => r.tune_id === id)?.learn_status;

test('a collection reaches the phone, and the phone\'s change reaches the laptop by itself', { timeout: 240000 }, async () => {
  const laptop = await device();
  await syncMember(laptop, 100005);
  await setUpDevices(laptop, 'laptop');
  let s = await syncNow(laptop);
  assert.equal(s.devices.last.failure, '', s.devices.last.message);
  assert.ok(s.devices.last.changes_sent > 0, 'the laptop sent its tunes');
  assert.ok(!JSON.stringify(s).includes(PASSWORD), 'the app password is never in the snapshot');
  // Kept on this device: a reload (a real sync has run) still has the account.
  await laptop.reload();
  await laptop.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  s = await waitFor(laptop, (s) => s.devices.configured && s.devices.password_kept && s.devices.device_name === 'laptop',
                    'the account after a reload');
  assert.ok(s.devices.last_at_ms > 0, 'when it last synced');

  const phone = await device();
  await setUpDevices(phone, 'phone');
  s = await syncNow(phone);
  assert.equal(s.devices.last.failure, '', s.devices.last.message);
  s = await waitFor(phone, (s) => s.total === 5 && !s.saving, 'the laptop\'s five tunes on the phone');
  assert.deepEqual(s.devices.last.devices, ['phone', 'laptop']);

  // The phone learns a tune; the laptop is not touched.
  const tune = s.rows[0].tune_id;
  const laptopBefore = await snapshot(laptop);
  assert.notEqual(statusOf(laptopBefore, tune), 'learned');
  const changedAt = Date.now();
  await changeStatus(phone, tune, 'status_learned');
  await waitFor(laptop, (s) => statusOf(s, tune) === 'learned', 'the phone\'s change on the laptop, by itself', 60000);
  const took = Date.now() - changedAt;
  assert.ok(took < 60000, `within a minute (${took} ms)`);
  assert.equal((await snapshot(laptop)).devices.last.failure, '');
});

test('a wrong app password is said, and the page does not keep asking', async () => {
  const other = await device();
  await setUpDevices(other, 'tablet', 'not-the-password');
  const s = await syncNow(other);
  assert.equal(s.devices.last.failure, 'credentials');
  assert.match(s.devices.last.message, /password|credentials|refused/i);
  assert.equal(s.devices.paused, true);
  assert.equal(s.devices.next_in_ms, null, 'no automatic retry of a refused password');
  assert.equal(s.total, 0, 'nothing changed here');
});
