// The canvas is invisible to screen readers; the page keeps a mirror of what
// it shows in the DOM with ARIA roles (web/page/mirror.js). Read through
// Playwright's accessibility tree: the sections as tabs, the search field as
// a real input that filters the list, the rows on screen as a table, the tune
// page's heading and buttons, a keyboard that reaches and presses them, and
// the live region that announces a sync's result.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, waitFor, click, nextFrames, snapshot, syncMember, expectCount as expectCountIn } from './harness.mjs';

let session, page;

before(async () => {
  session = await startSession({ launchOptions: { viewport: { width: 1200, height: 800 } } });
  ({ page } = session);
});
after(() => session?.close());

const mirror = () => page.locator('#tt-mirror');
const expectCount = (locator, n, what) => expectCountIn(page, locator, n, what);

test('the live region announces the sync, and the sections, rows and buttons are in the accessibility tree', async () => {
  await syncMember(page, 100040);
  const live = page.locator('#tt-live');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  // What the region said, in order (its text moves on: "Saved." follows).
  await page.waitForFunction(() => (window.tunetrack.announced || []).some((t) => /Sync done: 40 tunes fetched/.test(t)));
  const announced = await page.evaluate(() => window.tunetrack.announced);
  assert.ok(announced.some((t) => /^Sync started/.test(t)), `the start was announced: ${announced}`);
  await page.waitForFunction((last) => document.getElementById('tt-live').textContent === last,
    announced[announced.length - 1]);

  await click(page, 'tab_collection');
  await waitFor(page, (s) => s.rects.row_1, 'the list');
  await nextFrames(page, 2);
  const tree = await mirror().ariaSnapshot();
  assert.match(tree, /tablist "Sections"/);
  for (const name of ['Collection', 'Practice', 'Sets', 'Add tune', 'Sync', 'Data']) {
    assert.match(tree, new RegExp(`tab "${name}"`), `tab ${name} in\n${tree}`);
  }
  await expectCount(mirror().getByRole('tab', { name: 'Collection', selected: true }), 1, 'the selected section');
  assert.equal(await mirror().getByRole('searchbox', { name: 'Search names' }).count(), 1);
  assert.equal(await mirror().getByRole('heading', { level: 1, name: 'tunetrack' }).count(), 1);
  const table = mirror().getByRole('table', { name: 'Your tunes' });
  const rows = table.locator('tbody tr');
  const shown = await rows.count();
  assert.ok(shown >= 10 && shown <= 40, `the rows on screen are in the table (${shown})`);
  // A row reads name, type, key, status, added; the first is the list's first.
  const s = await snapshot(page);
  const first = await rows.first().locator('td').allTextContents();
  assert.equal(first[0], s.rows[0].name);
  assert.equal(first[1], s.rows[0].type);
  assert.match(first[3], /want to learn|learning|learned/);
  assert.equal(await mirror().getByRole('combobox', { name: 'Type' }).count(), 1);
  assert.equal(await mirror().getByRole('checkbox', { name: 'Opening bars' }).count(), 1);
});

test('typing into the mirrored search field filters the list', async () => {
  const before = await snapshot(page);
  const wanted = before.rows[3];
  const target = wanted.name.split(' ').slice(1, 3).join(' ');  // words of a tune's name
  const search = mirror().getByRole('searchbox', { name: 'Search names' });
  await search.focus();
  await page.keyboard.type(target, { delay: 20 });
  const s = await waitFor(page, (s) => s.view.search === target && s.shown < s.total, 'the filtered list');
  assert.ok(s.rows.some((r) => r.tune_id === wanted.tune_id), 'the tune searched for is found');
  // The table follows the list on screen.
  await page.waitForFunction((n) => document.querySelectorAll('#tt-mirror tbody tr').length === n,
    Math.min(s.shown, 40));
  // Keys typed there are not typed into the canvas as well.
  assert.equal(s.view.search, target);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitFor(page, (s) => s.view.search === '' && s.shown === s.total, 'the whole list again');
});

test('the table holds every row of the list, and a tune off screen opens from it', async () => {
  const s = await waitFor(page, (s) => s.view.tab === 'collection' && s.shown === 40 && s.rects.row_2, 'the whole list');
  const table = mirror().getByRole('table', { name: 'Your tunes' });
  await page.waitForFunction(() => document.querySelectorAll('#tt-mirror tbody tr').length === 40);
  assert.equal(await table.getAttribute('aria-rowcount'), '41', 'the header and 40 rows');
  const last = table.locator('tbody tr').last();
  assert.equal(await last.getAttribute('aria-rowindex'), '41');
  const wanted = s.rows[39];
  assert.equal((await last.locator('td').allTextContents())[0], wanted.name, 'the list\'s last tune, in order');
  // The rows the canvas draws have their buttons over them; the others are off it.
  const onScreen = await table.locator('tbody button').evaluateAll((buttons) => buttons.filter((b) => parseFloat(b.style.top) >= 0).length);
  assert.ok(onScreen > 0 && onScreen < 40, `the list is longer than the screen: ${onScreen} rows on it`);
  assert.ok(parseFloat(await last.getByRole('button').evaluate((b) => b.style.top)) < 0, 'the last tune is off the screen');
  // The browser's find reaches it too: it is text in the page.
  assert.ok(await page.evaluate((name) => document.getElementById('tt-mirror').textContent.includes(name), wanted.name));
  await last.getByRole('button', { name: wanted.name, exact: true }).dispatchEvent('click');
  await waitFor(page, (s) => s.view.open_tune === wanted.tune_id, 'the tune off screen opened from the table');
  await mirror().getByRole('button', { name: 'Close', exact: true }).dispatchEvent('click');
  await waitFor(page, (s) => !s.view.open_tune, 'closed again');

  // Only one row is a Tab stop (Tab leaves the table in one press); the
  // arrow keys go from row to row, off screen too.
  const stops = await table.locator('tbody button').evaluateAll((buttons) => buttons.filter((b) => b.tabIndex === 0).length);
  assert.equal(stops, 1, 'one Tab stop in the table');
  await table.locator('tbody tr').nth(37).getByRole('button').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), s.rows[38].name, 'Down: the next row');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), wanted.name, 'End: the last row');
  assert.equal(await page.evaluate(() => document.activeElement.tabIndex), 0, 'the row last used is the Tab stop');
  // The list on the canvas scrolls to the row the keyboard is on.
  await page.waitForFunction(() => parseFloat(document.activeElement.style.top) >= 0, null, { timeout: 10000 });
  await page.keyboard.press('Home');
  await waitFor(page, (s) => s.rects.row_2, 'the list back at its top, by keyboard');
});

test('a keyboard reaches the sections and a row, and a screen reader opens a tune and finds its heading', async () => {
  const data = mirror().getByRole('tab', { name: 'Data' });
  await data.focus();
  await page.keyboard.press('Enter');
  await waitFor(page, (s) => s.view.tab === 'data', 'the Data section, by keyboard');
  await expectCount(mirror().getByRole('tab', { name: 'Data', selected: true }), 1, 'Data selected');
  // Tab moves on to the next control: the display choices.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.textContent);
  assert.ok(focused.length > 0, 'focus moved to a named control');

  await mirror().getByRole('tab', { name: 'Collection' }).focus();
  await page.keyboard.press('Space');
  await waitFor(page, (s) => s.view.tab === 'collection' && s.rects.row_2, 'the list, by keyboard');
  await nextFrames(page, 2);
  const s = await snapshot(page);
  const name = s.rows[2].name;
  // A screen reader's "activate" on the row's name.
  await mirror().getByRole('button', { name, exact: true }).dispatchEvent('click');
  await waitFor(page, (s) => s.view.open_tune === s.rows[2].tune_id, 'the tune opened');
  await page.waitForFunction((n) => [...document.querySelectorAll('#tt-mirror h2')].some((h) => h.textContent === n), name);
  await expectCount(mirror().getByRole('heading', { level: 2, name }), 1, 'the tune\'s heading');
  for (const button of ['Open on thesession.org', 'Heard it once more']) {
    await expectCount(mirror().getByRole('button', { name: button }), 1, button);
  }
  await expectCount(mirror().getByRole('radio', { name: 'want to learn', checked: true }), 1, 'the status');
  // A status chosen through the mirror is the same as a click on the canvas.
  await mirror().getByRole('radio', { name: 'learning' }).dispatchEvent('click');
  await waitFor(page, (s) => s.rows.find((r) => r.name === name).learn_status === 'learning', 'the status changed');
  await page.waitForFunction(() => window.tunetrack.announced.slice(-3).some((t) => /Saved/.test(t)));
  // The mirror lists what is on screen; "Show more below" scrolls the tune's
  // panel down to what is not.
  const more = mirror().getByRole('button', { name: 'Show more below' }).last();
  for (let i = 0; i < 6 && !(await mirror().getByRole('button', { name: 'Remove from collection' }).count()); i++) {
    await more.dispatchEvent('click');
    await nextFrames(page, 3);
  }
  await expectCount(mirror().getByRole('button', { name: 'Remove from collection' }), 1, 'the last button, scrolled to');
});
