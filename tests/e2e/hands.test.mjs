// Scrolling and typing as hands expect: the mouse wheel (and a trackpad) and
// PageDown, PageUp, Home and End move the list and a tune's page on a
// desktop; on a phone a swipe scrolls and presses nothing it started on (a
// "+", a row), while a tap still presses. Every keystroke reaches the field in
// the order it was typed, however quickly, on both, and Ctrl+A selects all.
import { test, after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, waitFor, click, tap, nextFrames, snapshot, syncMember, tapField } from './harness.mjs';

// The names of the table rows the mirror lists, top first: what is on screen.
const rowsOnScreen = (s) => s.widgets.filter((w) => w.role === 'row').map((w) => w.name);

describe('desktop, 1366 x 800, a mouse', () => {
  let session, page;
  before(async () => {
    session = await startSession({ launchOptions: { viewport: { width: 1366, height: 800 } } });
    ({ page } = session);
    await syncMember(page, '100300');
    await click(page, 'tab_collection');
    await waitFor(page, (s) => s.rects.row_1, 'the list');
  });
  after(() => session?.close());

  test('the wheel scrolls the list down and back up, and so do the paging keys', async () => {
    let s = await snapshot(page);
    const top = rowsOnScreen(s);
    assert.ok(top.length > 5, `rows on screen: ${top.length}`);
    const [x, y, w] = s.rects.row_1;
    await page.mouse.move(x + w / 2, y + 5);
    await page.mouse.wheel(0, 300);  // three notches down
    s = await waitFor(page, (s) => rowsOnScreen(s)[0] !== top[0], 'the list scrolled by the wheel');
    const afterWheel = rowsOnScreen(s);
    assert.ok(top.indexOf(afterWheel[0]) >= 2, `a notch moves more than a row (first now ${afterWheel[0]})`);
    await page.mouse.wheel(0, -300);
    await waitFor(page, (s) => rowsOnScreen(s)[0] === top[0], 'back at the top by the wheel');

    await page.keyboard.press('PageDown');
    s = await waitFor(page, (s) => !rowsOnScreen(s).includes(top[0]), 'PageDown scrolled');
    const paged = rowsOnScreen(s);
    // A page less a line: the last row seen before is still in view.
    assert.ok(paged.includes(top[top.length - 2]) || paged.includes(top[top.length - 1]),
      `the page overlaps the one before (${top.slice(-2)} vs ${paged.slice(0, 2)})`);
    await page.keyboard.press('End');
    s = await waitFor(page, (s) => s.widgets.some((w) => w.role === 'row') &&
      !rowsOnScreen(s).some((n) => paged.includes(n)), 'End reached the end');
    await page.keyboard.press('PageUp');
    await nextFrames(page, 3);
    await page.keyboard.press('Home');
    await waitFor(page, (s) => rowsOnScreen(s)[0] === top[0], 'Home is the top again');
  });

  test('quick keystrokes all arrive, in order', async () => {
    await click(page, 'search');
    await page.keyboard.type('abcdefgh', { delay: 10 });
    await waitFor(page, (s) => s.view.search === 'abcdefgh', 'the text typed');
    // Six Backspaces with no pause: all between two frames.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
    await waitFor(page, (s) => s.view.search === 'ab', 'six characters deleted');
    // Backspace, then digits, then a Backspace again, all at once.
    await page.keyboard.press('Backspace');
    await page.keyboard.type('100120');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('9');
    await waitFor(page, (s) => s.view.search === 'a10012' + '9', 'the text in the order it was typed');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await waitFor(page, (s) => s.view.search === '', 'Ctrl+A and Backspace emptied the field');
    await nextFrames(page, 2);
  });

  test('the wheel scrolls an open tune\'s page to its music', async () => {
    await click(page, 'row_1');
    let s = await waitFor(page, (s) => s.view.open_tune > 0 && s.rects.notation, 'the tune with its music');
    const before = s.rects.notation[1];
    const [x, y] = s.rects.heard_plus;
    await page.mouse.move(x + 10, y + 10);
    await page.mouse.wheel(0, 200);
    s = await waitFor(page, (s) => s.rects.notation && s.rects.notation[1] < before - 50, 'the page scrolled up under the wheel');
    assert.equal(s.view.open_tune > 0, true);
  });
});

describe('phone, 360 x 740, touch', () => {
  let session, page, cdp;
  before(async () => {
    session = await startSession({
      launchOptions: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true },
    });
    ({ page } = session);
    cdp = await page.context().newCDPSession(page);
    await syncMember(page, '100060', tap);
    await tap(page, 'tab_collection');
    await waitFor(page, (s) => s.rects.row_2, 'the list');
  });
  after(() => session?.close());

  // A finger put down at (x, y), moved `dy` in small steps a frame apart, lifted.
  async function swipe(x, y, dy) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await nextFrames(page, 2);
    const steps = 8;
    for (let i = 1; i <= steps; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * i) / steps }] });
      await nextFrames(page, 1);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await nextFrames(page, 3);
  }

  test('on the phone keyboard too, quick keystrokes all arrive in order, and Ctrl+A selects all', async () => {
    await tapField(page, 'search');
    await page.keyboard.type('abcdefgh', { delay: 10 });
    await waitFor(page, (s) => s.view.search === 'abcdefgh', 'the text typed');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('100120');
    await waitFor(page, (s) => s.view.search === 'ab100120', 'deleted, then typed, in order');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('x');
    await waitFor(page, (s) => s.view.search === 'x', 'Ctrl+A selected all, the x replaced it');
    await page.keyboard.press('Backspace');
    await waitFor(page, (s) => s.view.search === '', 'emptied');
    await tap(page, 'tab_collection');  // leaves the field
  });

  test('a swipe that starts on a row scrolls the list and opens nothing', async () => {
    let s = await snapshot(page);
    const top = rowsOnScreen(s);
    const [x, y, w, h] = s.rects.row_2;
    await swipe(x + w / 2, y + h / 2, -200);
    s = await waitFor(page, (s) => rowsOnScreen(s)[0] !== top[0], 'the list scrolled by the finger');
    await nextFrames(page, 3);
    s = await snapshot(page);
    assert.equal(s.view.open_tune, 0, 'no tune was opened by the swipe');
  });

  test('a tap on "+" counts a hearing; a swipe that starts on it counts none', async () => {
    // A row in view below the list's header (the test before scrolled the
    // list; rows scrolled out above are still laid out, clipped).
    const shown = await snapshot(page);
    const [, headerY, , headerH] = shown.rects.table_header;
    const row = Object.entries(shown.rects).filter(([k, r]) => k.startsWith('row_') && r[1] >= headerY + headerH)
      .sort((a, b) => a[1][1] - b[1][1])[0][0];
    await tap(page, row);
    let s = await waitFor(page, (s) => s.view.open_tune > 0 && s.rects.heard_plus, 'the tune, full-screen');
    const tune = s.view.open_tune;
    const heard = (s) => s.rows.find((r) => r.tune_id === tune).heard_count;
    const start = heard(s);
    await tap(page, 'heard_plus');
    s = await waitFor(page, (s) => heard(s) === start + 1, 'a tap counts one');
    const [x, y, w, h] = s.rects.heard_plus;
    await swipe(x + w / 2, y + h / 2, -160);
    s = await waitFor(page, (s) => !s.rects.heard_plus || s.rects.heard_plus[1] < y - 40, 'the page scrolled under the finger');
    await nextFrames(page, 3);
    assert.equal(heard(await snapshot(page)), start + 1, 'the swipe counted no hearing');
  });
});
