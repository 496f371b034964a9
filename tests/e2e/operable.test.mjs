// A musician who uses a screen reader does everything through the
// accessibility mirror (web/page/mirror.js) alone: roles and names, typing
// into real fields, a screen reader's activation (a DOM click), the keys a
// combobox answers to. No pointer touches the canvas in this file.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, waitFor, nextFrames, snapshot, findOne } from './harness.mjs';

let session, page;

before(async () => {
  session = await startSession({ launchOptions: { viewport: { width: 1200, height: 800 } } });
  ({ page } = session);
});
after(() => session?.close());

const mirror = () => page.locator('#tt-mirror');

const one = (locator, what) => findOne(page, locator, what);
// A screen reader's "activate": a click on the element, not a pointer on the canvas.
async function activate(locator, what) {
  await (await one(locator, what)).dispatchEvent('click');
}
const tab = (name) => activate(mirror().getByRole('tab', { name }), `the ${name} tab`);
// A screen reader may take a field the moment it shows: the element it took
// must keep the focus in the frames after, not be replaced by another.
const focusTheMomentItShows = (label) => page.evaluate((label) => {
  const root = document.getElementById('tt-mirror');
  const watcher = new MutationObserver(() => {
    const field = root.querySelector(`[aria-label="${label}"]`);
    if (!field) return;
    watcher.disconnect();
    field.focus();
    window.fieldTakenAtOnce = field;
  });
  watcher.observe(root, { childList: true, subtree: true });
}, label);
async function assertStillFocused(what) {
  await nextFrames(page, 4);
  assert.ok(await page.evaluate(() => window.fieldTakenAtOnce?.isConnected &&
    document.activeElement === window.fieldTakenAtOnce), `${what}, taken as it showed, keeps the focus`);
}

test('sync, filter, open a tune, set its status, write notes, choose a setting, play, rate and make a set, through the accessibility tree alone', async () => {
  // Sync a member: the member number is a real field to type into.
  await tab('Sync');
  const member = await one(mirror().getByRole('textbox', { name: 'thesession.org member number' }), 'the member field');
  assert.equal(await member.getAttribute('inputmode'), 'numeric', 'a phone shows its number keys');
  await member.fill('100040');
  await waitFor(page, (s) => s.member_id === '100040', 'the member number, typed in the mirror');
  await activate(mirror().getByRole('button', { name: 'Sync', exact: true }), 'the Sync button');
  await waitFor(page, (s) => s.last_sync?.status === 'completed' && s.last_sync.tunes_fetched === 40 && !s.saving,
    'the sync', 60000);

  // Filter by type through the combobox: the ARIA pattern, by keys.
  await tab('Collection');
  const types = await one(mirror().getByRole('combobox', { name: 'Type' }), 'the type combobox');
  assert.equal(await types.getAttribute('aria-expanded'), 'false');
  assert.equal(await types.textContent(), 'All types');
  const listbox = page.locator(`#${await types.getAttribute('aria-controls')}`);
  assert.equal(await listbox.getAttribute('role'), 'listbox');
  await types.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await types.getAttribute('aria-expanded'), 'true', 'Down opens the list');
  const options = listbox.getByRole('option');
  const labels = await options.allTextContents();
  assert.equal(labels[0], 'All types');
  assert.ok(labels.length >= 3, `the types the collection has: ${labels}`);
  assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true', 'what is chosen now');
  assert.equal(await types.getAttribute('aria-activedescendant'), await options.nth(1).getAttribute('id'),
    'the entry the keys are on');
  await page.keyboard.press('Escape');
  assert.equal(await types.getAttribute('aria-expanded'), 'false', 'Escape closes it');
  assert.equal((await snapshot(page)).view.type, '', 'Escape chose nothing');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const type = labels[1];
  let s = await waitFor(page, (s) => s.view.type === type && s.shown < s.total, `the list filtered to ${type}`);
  await one(mirror().getByRole('combobox', { name: 'Type' }).filter({ hasText: type }), 'the combobox says the choice');
  // And by a screen reader's click on an entry.
  await types.dispatchEvent('click');
  await activate(listbox.getByRole('option', { name: 'All types', exact: true }), 'All types');
  await waitFor(page, (s) => s.view.type === '' && s.shown === s.total, 'every type again');
  await one(mirror().getByRole('combobox', { name: 'Type' }).filter({ hasText: 'All types' }), 'the combobox follows');
  await types.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  s = await waitFor(page, (s) => s.view.type === type && s.rows.length > 0, `${type}s again`);

  // Open a tune from the table.
  const tune = s.rows[0];
  const table = mirror().getByRole('table', { name: 'Your tunes' });
  // The mirror's table follows the list in the next frame (the model, and so the snapshot, first).
  await page.waitForFunction((n) => document.querySelectorAll('#tt-mirror tbody tr').length === n, s.shown);
  await focusTheMomentItShows('Notes');
  await activate(table.getByRole('button', { name: tune.name, exact: true }), 'the tune in the table');
  await waitFor(page, (s) => s.view.open_tune === tune.tune_id && s.details_loaded, `the tune ${tune.tune_id} opened`);
  await assertStillFocused('the notes field');
  await one(mirror().getByRole('heading', { level: 2, name: tune.name }), 'its heading');

  // Set its status.
  await activate(mirror().getByRole('radio', { name: 'learning' }), 'learning');
  await waitFor(page, (s) => s.rows.find((r) => r.tune_id === tune.tune_id)?.learn_status === 'learning' && !s.saving,
    'the status changed');

  // Write notes: several lines, kept once the field is left.
  const notes = await one(mirror().getByRole('textbox', { name: 'Notes' }), 'the notes field');
  assert.equal(await notes.evaluate((el) => el.tagName), 'TEXTAREA');
  await notes.fill('Learned from Mary\nplay the B part twice');
  await notes.blur();
  s = await waitFor(page, (s) => s.rows.find((r) => r.tune_id === tune.tune_id)?.notes === 'Learned from Mary\nplay the B part twice' && !s.saving,
    'the notes kept');

  // Open another setting through its combobox.
  const settings = await one(mirror().getByRole('combobox', { name: 'Setting' }), 'the setting combobox');
  await settings.dispatchEvent('click');
  const settingOptions = page.locator(`#${await settings.getAttribute('aria-controls')}`).getByRole('option');
  if ((await settingOptions.count()) > 1) {
    await settingOptions.nth(1).dispatchEvent('click');
    await waitFor(page, (s) => s.notation.setting === 1, 'the second setting');
  } else {
    await page.keyboard.press('Escape');
  }

  // The tempo is a spin button with its range; a typed tempo is taken once the field is left.
  const tempo = await one(mirror().getByRole('spinbutton', { name: /^Tempo/ }), 'the tempo');
  assert.equal(await tempo.getAttribute('min'), '40');
  assert.equal(await tempo.getAttribute('max'), '200');
  await tempo.fill('80');
  await tempo.press('Enter');
  await waitFor(page, (s) => s.notation.tempo_percent === 80, 'the tempo typed');

  // Play, transpose while playing, and stop.
  await waitFor(page, (s) => s.notation.rendered, 'the notation drawn', 30000);
  await activate(mirror().getByRole('button', { name: 'Play', exact: true }), 'Play');
  await waitFor(page, (s) => s.notation.playing && s.notation.playing_bar >= 2, 'playing', 20000);
  // The bar is there to ask for (the Stop button's description); its name
  // stays "Stop", so a screen reader does not read it again on every bar.
  const stop = await one(mirror().getByRole('button', { name: 'Stop', exact: true }), 'Stop');
  assert.match(await stop.getAttribute('aria-description'), /^Playing bar \d+ of \d+$/);

  // Transposition: a spin button, stepped with the arrow keys; the tune
  // plays on in the new key.
  const transpose = await one(mirror().getByRole('spinbutton', { name: /^Transpose/ }), 'the transposition');
  assert.equal(await transpose.getAttribute('min'), '-12');
  assert.equal(await transpose.getAttribute('max'), '12');
  await transpose.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await waitFor(page, (s) => s.notation.transpose === 2 && s.notation.rendered && s.notation.playing && s.notation.playing_bar >= 1,
    'two semitones up, still playing', 20000);

  await (await one(mirror().getByRole('button', { name: 'Stop', exact: true }), 'Stop')).dispatchEvent('click');
  await waitFor(page, (s) => !s.notation.playing, 'stopped');
  await page.waitForFunction(() => window.tunetrack.announced.some((t) => /Stopped at bar \d+\./.test(t)));
  // The start and the end are said once each: not per note, per bar or per key.
  const said = await page.evaluate(() => window.tunetrack.announced);
  assert.equal(said.filter((t) => /playing/i.test(t)).length, 1, `playing said once: ${said}`);
  assert.equal(said.filter((t) => /stopped/i.test(t)).length, 1, `stopped said once: ${said}`);
  assert.ok(!said.some((t) => /bar/i.test(t) && !/^Stopped at bar/.test(t)), `no bar said while playing: ${said}`);

  await transpose.fill('0');
  await waitFor(page, (s) => s.notation.transpose === 0, 'back to the written key');

  // Rate it in Practice.
  await tab('Practice');
  s = await waitFor(page, (s) => s.practice.current_tune > 0, 'a tune to practise');
  const rated = s.practice.current_tune;
  const before = s.practice.done_today;
  await activate(mirror().getByRole('button', { name: /^Good / }), 'Good');
  await waitFor(page, (s) => s.practice.done_today === before + 1 && !s.saving, `${rated} rated`);

  // Make a set, name it, and add the tune to it.
  await tab('Sets');
  await activate(mirror().getByRole('button', { name: 'New set', exact: true }), 'New set');
  s = await waitFor(page, (s) => s.view.open_set > 0, 'the new set open');
  const setId = s.view.open_set;
  const setName = await one(mirror().getByRole('textbox', { name: 'Set name' }), 'the set name field');
  await setName.fill('Monday session');
  await setName.press('Enter');
  await waitFor(page, (s) => s.sets.find((x) => x.id === setId)?.name === 'Monday session', 'the set named');
  const addSearch = await one(mirror().getByRole('searchbox', { name: 'Add a tune from your collection' }), 'the add field');
  await addSearch.fill(tune.name);
  await activate(mirror().getByRole('button', { name: `Add ${tune.name} to the set` }), 'the tune to add');
  await waitFor(page, (s) => s.sets.find((x) => x.id === setId)?.tune_ids?.includes(tune.tune_id) && !s.saving,
    'the tune in the set');
});

test('a field takes an IME\'s composition once it is done, and a paste', async () => {
  await tab('Collection');
  const search = await one(mirror().getByRole('searchbox', { name: 'Search names' }), 'the search field');
  await search.fill('');
  await waitFor(page, (s) => s.view.search === '', 'an empty search');
  await search.focus();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'Ma', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'Mái', selectionStart: 3, selectionEnd: 3 });
  await nextFrames(page, 3);
  assert.equal((await snapshot(page)).view.search, '', 'nothing is taken while the word is being composed');
  await cdp.send('Input.insertText', { text: 'Máire' });
  await waitFor(page, (s) => s.view.search === 'Máire', 'the composed word');
  await cdp.detach();

  await search.fill('');
  await waitFor(page, (s) => s.view.search === '', 'an empty search again');
  await page.evaluate(() => navigator.clipboard.writeText('Síle'));
  await search.focus();
  await page.keyboard.press('Control+V');
  await waitFor(page, (s) => s.view.search === 'Síle', 'the pasted word');
});

test('a notes field held while another tune opens shows that tune\'s notes, and writes into neither the wrong one', async () => {
  await tab('Collection');
  // The whole list: no search, all types (the tests before left a filter).
  await (await one(mirror().getByRole('searchbox', { name: 'Search names' }), 'the search field')).fill('');
  const types = await one(mirror().getByRole('combobox', { name: 'Type' }), 'the type combobox');
  await types.dispatchEvent('click');
  await page.locator(`#${await types.getAttribute('aria-controls')}`).getByRole('option', { name: 'All types' }).dispatchEvent('click');
  let s = await waitFor(page, (s) => !s.view.search && !s.view.type && s.rows.length >= 3 && !s.saving, 'the whole list');
  const [first, second] = s.rows.filter((r) => !r.notes);
  await activate(mirror().getByRole('button', { name: first.name, exact: true }), 'the first tune');
  await waitFor(page, (s) => s.view.open_tune === first.tune_id, 'the first tune open');
  const notes = await one(mirror().getByRole('textbox', { name: 'Notes' }), 'the notes field');
  await notes.fill('first tune only');
  await waitFor(page, (s) => s.notes_draft?.text === 'first tune only' ||
    s.rows.find((r) => r.tune_id === first.tune_id)?.notes === 'first tune only', 'typed (a pause in typing commits it)');
  // Another tune opens while the field keeps the focus (a swipe, a link).
  await page.evaluate((id) => Module.ccall('tt_on_mirror_action', null, ['string'], [`open_tune ${id}`]), second.tune_id);
  await waitFor(page, (s) => s.view.open_tune === second.tune_id, 'the second tune open');
  await page.waitForFunction(() => document.activeElement.tagName === 'TEXTAREA' && document.activeElement.value === '');
  await notes.blur();
  s = await waitFor(page, (s) => !s.notes_draft && !s.saving, 'the notes committed');
  assert.equal(s.rows.find((r) => r.tune_id === first.tune_id).notes, 'first tune only');
  assert.equal(s.rows.find((r) => r.tune_id === second.tune_id).notes, '', 'nothing written into the other tune');
});

test('a choice made while the browser is slow to give a frame (a loaded phone) still takes effect', async () => {
  await tab('Collection');
  if ((await snapshot(page)).view.open_tune) {
    await activate(mirror().getByRole('button', { name: 'Close', exact: true }), 'Close');
  }
  const combobox = () => one(mirror().getByRole('combobox', { name: 'Type' }), 'the type combobox');
  let types = await combobox();
  await types.dispatchEvent('click');
  await activate(page.locator(`#${await types.getAttribute('aria-controls')}`)
    .getByRole('option', { name: 'All types', exact: true }), 'All types');
  // An idle page: nothing draws frames of its own (a save, a tune's music).
  const s = await waitFor(page, (s) => !s.view.type && !s.view.open_tune && !s.frames.settling, 'an idle page');
  types = await combobox();
  const listbox = page.locator(`#${await types.getAttribute('aria-controls')}`);
  // No frame for a second, longer than the page's settling time (measured
  // under load: 0.9 to 1.2 s between two animation frames), then frames again.
  await page.evaluate(() => { Module.preMainLoop = () => false; });  // Emscripten: skip this frame
  let type;
  try {
    await types.dispatchEvent('click');
    const entry = listbox.getByRole('option').nth(1);
    type = await entry.textContent();
    await entry.dispatchEvent('click');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    await page.evaluate(() => { delete Module.preMainLoop; });
  }
  await waitFor(page, (t) => t.view.type === type && t.shown < s.total, `the list filtered to ${type}`);
});
