// A 360 px wide phone with touch and a high-density screen: taps work, the
// list fills the screen, a tune opens as a full-screen panel, Back returns.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, waitFor, tap, nextFrames, distinctColours, tapField } from './harness.mjs';

let session, page;

before(async () => {
  session = await startSession({
    launchOptions: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true },
  });
  ({ page } = session);
});
after(() => session?.close());

test('sync by tapping, then open a tune full-screen and go back', async () => {
  const canvas = await page.evaluate(() => ({ w: Module.canvas.width, h: Module.canvas.height }));
  assert.equal(canvas.w, 720, 'the canvas is drawn at device resolution');
  await tap(page, 'tab_sync');
  await tapField(page, 'member_id');
  await page.keyboard.type('100040');
  await nextFrames(page, 2);
  await tap(page, 'sync_button');
  let s = await waitFor(page, (s) => s.last_sync && s.last_sync.status === 'completed', 'the sync');
  assert.equal(s.total, 40);
  await tap(page, 'tab_collection');
  s = await waitFor(page, (s) => s.rects.row_1, 'the list');
  const [, , width] = s.rects.row_1;
  assert.ok(width > 300, `rows span the phone's width (${width})`);
  await tap(page, 'row_1');
  s = await waitFor(page, (s) => s.view.open_tune > 0 && s.rects.detail_close, 'the full-screen detail');
  assert.equal(s.rects.search, undefined, 'the list is hidden behind the detail');
  assert.ok((await distinctColours(page)) > 5);
  await tap(page, 'detail_close');
  s = await waitFor(page, (s) => s.view.open_tune === 0 && s.rects.search, 'back to the list');
});
