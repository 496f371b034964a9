// Light and dark themes: the page follows the system's prefers-color-scheme
// until the musician picks one (kept on this device), and every kind of text
// has a contrast of at least 4.5:1 against what is behind it, measured from
// the drawn pixels.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, waitFor, click, nextFrames, snapshot, syncMember, screenshotPixels } from './harness.mjs';

let session, page;

before(async () => {
  session = await startSession({ launchOptions: { viewport: { width: 1000, height: 760 }, deviceScaleFactor: 2 } });
  ({ page } = session);
  await page.emulateMedia({ colorScheme: 'light' });
  await syncMember(page, 100030);
});
after(() => session?.close());

// WCAG 2 relative luminance of an sRGB pixel, and the contrast of two.
const channel = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

// The pixels of a CSS-px rectangle of the canvas.
async function pixels(rect) {
  const [x, y, w, h] = rect;
  return screenshotPixels(page, await page.screenshot({ clip: { x, y, width: w, height: h } }));
}

// The commonest colour among RGBA bytes.
function commonestOf(data) {
  const counts = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const key = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return [key >> 16, (key >> 8) & 255, key & 255];
}

// A text's contrast: the background is the rectangle's commonest colour, the
// text its pixel farthest from it (a glyph's core, where no edge blends).
async function textContrast(rect) {
  const data = await pixels(rect);
  const background = commonestOf(data);
  let best = 1;
  for (let i = 0; i < data.length; i += 4) best = Math.max(best, contrast(background, [data[i], data[i + 1], data[i + 2]]));
  return { ratio: best, background };
}

// Texts of every kind the page draws: plain, secondary (the header's status
// line), on a button, in a field, in the list and its header.
async function checkTexts(theme) {
  await click(page, 'tab_collection');
  await waitFor(page, (s) => s.rects.row_2 && s.rects.count, 'the list');
  await nextFrames(page, 3);
  const s = await snapshot(page);
  const samples = {
    'plain text': s.rects.count,
    'secondary text': s.rects.status_line,
    'a section button': s.rects.tab_practice,
    'the selected section': s.rects.tab_collection,
    'a field': s.rects.search,
    'a row': s.rects.row_2,
    'the list header': s.rects.table_header,
  };
  for (const [what, rect] of Object.entries(samples)) {
    assert.ok(rect, `${theme}: ${what} is on screen`);
    const { ratio, background } = await textContrast(rect);
    assert.ok(ratio >= 4.5, `${theme}: ${what} has contrast ${ratio.toFixed(2)} on rgb(${background})`);
  }
  return s;
}

test('the light theme by default on a light system, every text at least 4.5:1', async () => {
  const s = await checkTexts('light');
  assert.equal(s.appearance.theme, 'system');
  assert.equal(s.appearance.dark, false);
  const { background } = await textContrast(s.rects.count);
  assert.ok(luminance(background) > 0.8, `a light background: rgb(${background})`);
});

test('the system turning dark turns the page dark; every text at least 4.5:1 there too', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const s = await waitFor(page, (s) => s.appearance.dark, 'the dark theme');
  assert.equal(s.appearance.theme, 'system');
  await checkTexts('dark');
  const { background } = await textContrast((await snapshot(page)).rects.count);
  assert.ok(luminance(background) < 0.05, `a dark background: rgb(${background})`);
});

test('a theme picked on the Data screen wins over the system and is kept after a reload', async () => {
  await click(page, 'tab_data');
  await click(page, 'theme_light');
  let s = await waitFor(page, (s) => s.appearance.theme === 'light' && !s.appearance.dark, 'the light theme picked');
  await page.reload();
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  s = await waitFor(page, (s) => s.ready, 'the page again');
  assert.equal(s.appearance.theme, 'light');
  assert.equal(s.appearance.dark, false, 'light, though the system is dark');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dark')), false);
  await click(page, 'tab_data');
  await click(page, 'theme_dark');
  await waitFor(page, (s) => s.appearance.dark, 'the dark theme picked');
  await page.emulateMedia({ colorScheme: 'light' });
  await nextFrames(page, 3);
  assert.equal((await snapshot(page)).appearance.dark, true, 'dark, though the system is light');
  await checkTexts('dark, picked');
});

// The colour of the commonest pixel of a CSS-px rectangle.
const commonest = async (rect) => commonestOf(await pixels(rect));

test('the selected section is marked by a bar, not by a shade alone', async () => {
  await click(page, 'tab_collection');
  const s = await waitFor(page, (s) => s.rects.tab_collection && s.rects.tab_practice, 'the sections');
  // A button's top and bottom edges: one colour on a plain one; on the
  // chosen one a bar in the text's colour along the bottom.
  const edges = async ([x, y, w, h]) => contrast(await commonest([x + w / 4, y + 1, w / 2, 1]),
    await commonest([x + w / 4, y + h - 1.5, w / 2, 1]));
  assert.ok((await edges(s.rects.tab_collection)) >= 3, 'the chosen section has a bar of at least 3:1');
  assert.ok((await edges(s.rects.tab_practice)) < 1.2, 'a section not chosen has none');
});

test('huge text on a 1366 px screen with a tune open: names keep their room and end in an ellipsis', async (t) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  t.after(() => page.setViewportSize({ width: 1000, height: 760 }));
  await click(page, 'tab_data');
  await click(page, 'text_size_huge');
  t.after(async () => {
    await click(page, 'tab_data');
    await click(page, 'text_size_normal');
    await waitFor(page, (s) => s.appearance.text_size === 'normal', 'the normal text size again');
  });
  await click(page, 'tab_collection');
  await click(page, 'row_0');
  const s = await waitFor(page, (s) => s.appearance.text_size === 'huge' && s.view.open_tune > 0 && s.rects.name_header &&
    s.rects.detail_close, 'a tune open at the huge text size');
  const font = 16 * s.appearance.text_scale;
  assert.ok(s.rects.name_header[2] >= 6.5 * font,
    `the Name column is ${s.rects.name_header[2]} px wide: room for about 14 letters at ${font} px`);
  assert.deepEqual(s.overflowing, [], 'nothing runs past the screen');
});
