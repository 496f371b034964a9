// Input that must land where the user aims: the first click right after a
// reload (Emscripten's GLFW used to report the pointer at 0,0 for it, about
// 1 in 25), and a detail panel whose buttons do not move when the tune's
// details arrive from thesession.org (a quick click used to hit the wrong one),
// and a shortcut whose keys reach the page across two frames.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, waitFor, click, typeInto, rect, fakeFaults, nextFrames, snapshot } from './harness.mjs';

let session, servers, page;

before(async () => {
  session = await startSession();
  ({ servers, page } = session);
});
after(() => session?.close());


test('the first click after a reload lands where the pointer is, every time', async () => {
  const tabs = ['tab_sync', 'tab_data', 'tab_add'];
  for (let i = 0; i < 25; i++) {
    await page.reload();
    await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
    const target = tabs[i % tabs.length];
    const { x, y } = await rect(page, target);
    await page.mouse.click(x, y);  // no approach, no pause: a quick hand
    const want = target.slice(4);
    await waitFor(page, (s) => s.view.tab === want, `click ${i + 1} on ${target} to select it`, 5000);
    await click(page, 'tab_collection');
  }
});

test('the status buttons stay put while the details arrive', async (t) => {
  // Without incipits, which would fetch the rows' details before the tune is opened.
  if ((await snapshot(page)).incipits.enabled !== false) await click(page, 'incipits_toggle');
  await waitFor(page, (s) => s.incipits.enabled === false, 'incipits off');
  // Nor the music kept for offline, which would fetch them after the sync.
  await click(page, 'tab_data');
  await click(page, 'offline_music_toggle');
  await waitFor(page, (s) => s.offline_music.enabled === false, 'offline music off');
  await click(page, 'tab_sync');
  await typeInto(page, 'member_id', '100012');
  await click(page, 'sync_button');
  await waitFor(page, (s) => s.last_sync && s.last_sync.status === 'completed' && !s.saving, 'the sync');
  await click(page, 'tab_collection');
  t.after(() => fakeFaults(servers).clear());
  await fakeFaults(servers).add({ path_contains: '/tunes/', fault: 'delay', delay_ms: 1500 });
  await click(page, 'row_0');
  const opened = await waitFor(page, (s) => s.view.open_tune > 0 && !s.details_loaded && s.rects.status_learned,
    'the detail panel while its details load');
  // As a hand sees it: ImGui adds a panel's scroll bar a frame after its
  // content outgrows it, so the panel's very first frame is not its layout.
  const loading = await waitFor(page, (s) => s.frames.drawn >= opened.frames.drawn + 2 || !s.frames.settling,
    'the loading panel drawn twice');
  assert.equal(loading.details_loaded, false, 'the details are still on their way (delayed 1.5 s)');
  const loaded = await waitFor(page, (s) => s.details_loaded && s.rects.copy_abc, 'the details', 10000);
  for (const name of ['status_want_to_learn', 'status_learning', 'status_learned', 'heard_plus', 'notes']) {
    assert.deepEqual(loaded.rects[name], loading.rects[name], `${name} did not move`);
  }
});

// Keys as the browser delivers them, all in one task, so no frame can fall
// between them (Emscripten's GLFW listens on window).
async function keyEvents(page, events) {
  await page.evaluate((events) => {
    for (const [type, key, keyCode, ctrlKey] of events) {
      const init = { key, keyCode, which: keyCode, ctrlKey, bubbles: true, cancelable: true };
      if (type === 'keypress') init.charCode = key.charCodeAt(0);
      window.dispatchEvent(new KeyboardEvent(type, init));
    }
  }, events);
}

test('Ctrl held over frames and let go together with A still selects all', async () => {
  await click(page, 'tab_sync');
  await click(page, 'member_id');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('100120', { delay: 15 });
  await waitFor(page, (s) => s.member_id === '100120', 'the typed number');
  // Ctrl goes down in one frame; A, the release of both, and the next
  // character arrive before the next frame (a busy page, a quick hand).
  await keyEvents(page, [['keydown', 'Control', 17, true]]);
  await nextFrames(page, 2);
  await keyEvents(page, [
    ['keydown', 'a', 65, true], ['keyup', 'a', 65, true], ['keyup', 'Control', 17, false],
    ['keydown', '5', 53, false], ['keypress', '5', 53, false], ['keyup', '5', 53, false],
  ]);
  const s = await waitFor(page, (s) => s.member_id !== '100120', 'the field to change');
  assert.equal(s.member_id, '5', 'Ctrl+A selected all, and 5 replaced it');
});

// Frames are drawn only while something happens (a phone keeps its battery),
// yet what a change brings is always drawn: the page settles, then stays put.
test('an idle page stops drawing, and a change is drawn however slow the frame', async () => {
  await click(page, 'tab_sync');
  const settled = await waitFor(page, (s) => !s.frames.settling, 'the page to settle', 10000);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await snapshot(page)).frames.drawn, settled.frames.drawn, 'no frame drawn while idle');
  await click(page, 'tab_data');
  const s = await waitFor(page, (s) => s.view.tab === 'data' && s.rects.text_size_normal, 'the Data tab drawn');
  assert.ok(s.frames.drawn > settled.frames.drawn, 'the change was drawn');
});
