// A 360 x 740 phone at DPR 3 with a finger: on every screen nothing runs off
// the screen's edges, and everything a finger can tap is at least 44 x 44
// CSS px (buttons, fields, choices, rows, a combo's entries), at the normal
// and at the huge text size. The on-screen keyboard (the viewport shrinking)
// never hides the field being typed into.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, waitFor, tap, nextFrames, snapshot, syncMember, rect, tapField, scrollTo } from './harness.mjs';

const WIDTH = 360, HEIGHT = 740, TARGET = 44;
let session, page;

before(async () => {
  session = await startSession({
    launchOptions: { viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 3, hasTouch: true, isMobile: true },
  });
  ({ page } = session);
  await syncMember(page, 100030, tap);
});
after(() => session?.close());

// Everything on the screen now fits it, and every target is finger-sized.
async function checkScreen(what, height = HEIGHT) {
  await nextFrames(page, 3);
  const s = await snapshot(page);
  // Named by the controls on the same line, when there are any.
  const near = (r) => s.widgets.filter((w) => Math.abs(w.rect[1] - r[1]) < r[3]).map((w) => w.name).join(', ');
  assert.deepEqual(s.overflowing.map((r) => `${r.map(Math.round).join(',')} (by: ${near(r)})`), [],
    `${what}: items run past the screen's edge`);
  const interactive = s.widgets.filter((w) => w.interactive);
  assert.ok(interactive.length >= 3, `${what}: its controls are listed (${interactive.length})`);
  for (const w of s.widgets) {
    const [x, y, width] = w.rect;
    assert.ok(x >= -0.5 && x + width <= WIDTH + 0.5, `${what}: ${w.role} "${w.name}" at x ${x}..${x + width}`);
    assert.ok(y >= -0.5 && y <= height + 0.5, `${what}: ${w.role} "${w.name}" at y ${y}`);
  }
  const small = interactive.filter((w) => w.size[0] < TARGET - 0.5 || w.size[1] < TARGET - 0.5);
  assert.deepEqual(small.map((w) => `${w.role} "${w.name}" ${w.size.map(Math.round).join('x')}`), [],
    `${what}: targets smaller than ${TARGET} px`);
  return s;
}

// Opens a combo, checks its entries, and closes it again (a tap outside).
async function checkCombo(name, what) {
  await tap(page, name);
  const s = await checkScreen(`${what}, open`);
  const entries = s.widgets.filter((w) => w.role === 'option' && w.rect[1] > 0);
  assert.ok(entries.length > 1, `${what}: the open list has entries`);
  await page.touchscreen.tap(WIDTH - 4, 4);  // the header, outside the popup
  await nextFrames(page, 3);
}

async function everyScreen(label) {
  await tap(page, 'tab_collection');
  await waitFor(page, (s) => s.rects.row_1, 'the list');
  await checkScreen(`${label} collection`);
  await checkCombo('type_filter', `${label} type filter`);
  await checkCombo('status_filter', `${label} status filter`);

  await tap(page, 'row_1');
  await waitFor(page, (s) => s.details_loaded && s.notation.rendered && s.rects.play, 'the tune with its music');
  const tune = await checkScreen(`${label} tune page`);
  // The music and Play on the first screen, before the status and notes.
  assert.ok(tune.rects.notation && tune.rects.notation[1] + 80 <= HEIGHT,
    `${label} tune page: the music starts at y ${tune.rects.notation?.[1]}, on the first screen`);
  assert.ok(tune.rects.play[1] < tune.rects.notation[1], `${label} tune page: Play above the music`);
  await scrollTo(page, 'setting_select');  // under the music on a phone
  await checkCombo('setting_select', `${label} setting`);
  await tap(page, 'detail_close');
  await waitFor(page, (s) => s.view.open_tune === 0 && s.rects.search, 'back to the list');

  await tap(page, 'tab_practice');
  await waitFor(page, (s) => s.rects.rate_good && s.notation.rendered && s.rects.notation, 'a tune to rate, with its music');
  const practice = await checkScreen(`${label} practice`);
  assert.ok(practice.rects.notation[1] + 60 <= HEIGHT,
    `${label} practice: the music starts at y ${practice.rects.notation[1]}, on the first screen`);

  await tap(page, 'tab_sets');
  await waitFor(page, (s) => s.rects.set_row_0 && s.rects.bring_in_sets, 'the list of sets');
  await checkScreen(`${label} sets`);
  await tap(page, 'set_row_0');
  await waitFor(page, (s) => s.open_set && s.rects.set_entry_remove_1 && s.rects.set_play, 'a set\'s page');
  const setPage = await checkScreen(`${label} set page`);
  assert.ok(setPage.rects.set_current && setPage.rects.set_current[1] < HEIGHT,
    `${label} set page: the tune playing is named in view, under the player`);
  await scrollTo(page, 'set_add_search');  // under the tune playing and the set's tunes
  await tapField(page, 'set_add_search');
  await page.keyboard.type('a', { delay: 15 });
  await waitFor(page, (s) => s.set_add_results.length > 0 && s.rects.set_add_result_0, 'tunes to add');
  await checkScreen(`${label} set page, adding a tune`);
  await page.keyboard.press('Backspace');
  await waitFor(page, (s) => s.set_add_results.length === 0, 'the add field emptied');
  await tap(page, 'set_close');
  await waitFor(page, (s) => s.view.open_set === 0 && s.rects.set_new, 'back to the sets');

  await tap(page, 'tab_add');
  await waitFor(page, (s) => s.rects.remote_search, 'the search field');
  await checkScreen(`${label} add tune`);

  await tap(page, 'tab_sync');
  await waitFor(page, (s) => s.rects.sync_summary, 'the last sync summary');
  await checkScreen(`${label} sync`);

  await tap(page, 'tab_data');
  await waitFor(page, (s) => s.rects.text_size_huge, 'the display settings');
  await checkScreen(`${label} data`);
}

test('every screen fits 360 px and every target is 44 px, at the normal and the huge text size', async () => {
  // A tune being learned, so Practice has one to rate; search results on Add tune.
  await tap(page, 'tab_collection');
  await tap(page, 'row_1');
  await tap(page, 'status_learning');
  await waitFor(page, (s) => s.rows.some((r) => r.learn_status === 'learning'), 'the status change');
  await tap(page, 'detail_close');
  await tap(page, 'tab_add');
  await tapField(page, 'remote_search');
  await page.keyboard.type('Fancy', { delay: 15 });
  await waitFor(page, (s) => s.search_results > 0, 'search results');
  // A set of two tunes, for the Sets screens.
  await tap(page, 'tab_sets');
  await tap(page, 'set_new');
  await waitFor(page, (s) => s.open_set && s.rects.set_add_search, 'the new set');
  for (let i = 0; i < 2; i++) {
    await scrollTo(page, 'set_add_search');
    await tapField(page, 'set_add_search');
    await page.keyboard.type('e', { delay: 15 });
    await waitFor(page, (s) => s.set_add_results.length > i && s.rects[`set_add_result_${i}`], 'tunes to add');
    await scrollTo(page, `set_add_result_${i}`);
    await tap(page, `set_add_result_${i}`);
    await waitFor(page, (s) => s.open_set.entries.length === i + 1 && !s.saving, 'the tune added');
  }
  await tap(page, 'set_close');

  await everyScreen('normal text:');

  await tap(page, 'tab_data');
  await tap(page, 'text_size_huge');
  let s = await waitFor(page, (s) => s.appearance.text_size === 'huge', 'the huge text size');
  assert.equal(s.appearance.text_scale, 1.5);
  await everyScreen('huge text:');
  // Kept for the next visit.
  await page.reload();
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  s = await waitFor(page, (s) => s.ready && s.appearance.text_size === 'huge', 'the text size after a reload');
  await tap(page, 'tab_data');
  await tap(page, 'text_size_normal');
  await waitFor(page, (s) => s.appearance.text_size === 'normal', 'the normal text size again');
});

test('the on-screen keyboard does not hide the notes being typed', async () => {
  if ((await snapshot(page)).view.open_tune) await tap(page, 'detail_close');
  await tap(page, 'tab_collection');
  await tap(page, 'row_2');
  await waitFor(page, (s) => s.rects.notes, 'the notes field');
  await scrollTo(page, 'notes');  // under the music on a phone
  await tap(page, 'notes');
  // The keyboard takes the lower half: the page is resized to what is left.
  const keyboardUp = 330;
  await page.setViewportSize({ width: WIDTH, height: keyboardUp });
  await nextFrames(page, 4);
  await page.keyboard.type('Learn the B part first', { delay: 10 });
  const s = await waitFor(page, (s) => {
    const r = s.rects.notes;
    return r && r[1] >= 0 && r[1] + Math.min(r[3], 40) <= keyboardUp && s.notes_draft &&
      s.notes_draft.text === 'Learn the B part first';
  }, 'the notes field, with what was typed, in view above the keyboard');
  assert.ok(s.rects.notes[1] + s.rects.notes[3] > 0);
  // Scrolling away while the field still has the keys is the musician's
  // choice: the page stays where it was put, not pulled back to the field.
  const before = s.rects.notes[1];
  await page.mouse.move(WIDTH / 2, keyboardUp / 2);
  await page.mouse.wheel(0, -300);
  await nextFrames(page, 6);
  const moved = (await snapshot(page)).rects.notes;
  assert.ok(!moved || moved[1] > before + 20, `the page stayed scrolled (notes at ${moved?.[1]}, were at ${before})`);
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await tap(page, 'detail_close');
  await waitFor(page, (s) => s.rows.some((r) => r.notes === 'Learn the B part first'), 'the notes kept');
});
