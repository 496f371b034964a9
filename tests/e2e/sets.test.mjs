// Sets in the browser, with real clicks, drags and typing on the canvas: a
// set of three tunes made from the collection, reordered by dragging and by
// the buttons, kept across a reload; "Bring in my sets" twice (no duplicates,
// a summary); removing a tune that is in a set names the set; a set played
// through (the player moves on to the second tune); a set practised (rated
// once, each tune's card updated).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, snapshot, waitFor, click, rect, nextFrames, syncMember } from './harness.mjs';

const MEMBER = 100047;  // 47 tunes, 11 sets on the fake, some of them awkward
const SET_NAME = 'Tuesday session';
let session, page;
let ours = 0;       // our set's id
let tunes = [];     // its tunes, in the order we put them

before(async () => {
  session = await startSession();
  ({ page } = session);
  await syncMember(page, MEMBER);
});
after(() => session?.close());

const entryIds = (s) => (s.open_set ? s.open_set.entries.map((e) => e.tune_id) : []);

async function typeReplacing(name, text) {
  await click(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 15 });
  await nextFrames(page, 2);
}

// Search as the page does: lower case, accents dropped, curly quotes straight.
const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019]/g, "'").toLowerCase();
// What to type for a tune: the longest plain-letter part of its name (typed
// keys are ASCII), when it finds at most 8 tunes (the matches listed).
function typedFor(tune, rows) {
  const parts = tune.name.match(/[A-Za-z' ]+/g) || [];
  const part = parts.map((p) => p.trim()).sort((a, b) => b.length - a.length)[0] || '';
  if (part.length < 4) return null;
  return rows.filter((r) => fold(r.name).includes(fold(part))).length <= 8 ? part : null;
}

// Adds a collected tune to the open set by typing its name and clicking it.
async function addTune(tune) {
  await typeReplacing('set_add_search', tune.typed);
  const s = await waitFor(page, (s) => s.set_add_results.includes(tune.tune_id), `${tune.name} among the matches`);
  const before = entryIds(s).length;
  await click(page, `set_add_result_${s.set_add_results.indexOf(tune.tune_id)}`);
  await waitFor(page, (s) => entryIds(s).length === before + 1 && !s.saving, `${tune.name} added`);
}

// Presses on one widget and releases on another, moving across frames.
async function drag(from, to) {
  const a = await rect(page, from), b = await rect(page, to);
  await page.mouse.move(a.x - 2, a.y);
  await page.mouse.move(a.x, a.y);
  await nextFrames(page, 2);
  await page.mouse.down();
  await nextFrames(page, 2);
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(a.x + (b.x - a.x) * i / 8, a.y + (b.y - a.y) * i / 8);
    await nextFrames(page, 1);
  }
  await nextFrames(page, 2);
  await page.mouse.up();
  await nextFrames(page, 3);
}

test('a set of three tunes: made, named, reordered by dragging and by buttons, kept across a reload', async () => {
  let s = await snapshot(page);
  // Three tunes whose names can be typed.
  const picks = s.rows.map((r) => ({ ...r, typed: typedFor(r, s.rows) })).filter((r) => r.typed).slice(0, 3);
  assert.equal(picks.length, 3, 'three tunes whose names can be typed');
  tunes = picks.map((r) => r.tune_id);

  await click(page, 'tab_sets');
  await click(page, 'set_new');
  s = await waitFor(page, (s) => s.open_set && s.view.tab === 'sets' && s.rects.set_name, 'the new set open');
  ours = s.open_set.id;
  assert.equal(s.open_set.name, 'New set');
  await typeReplacing('set_name', SET_NAME);
  await click(page, 'set_keys');  // leaving the field renames
  await waitFor(page, (s) => s.open_set.name === SET_NAME && !s.saving, 'the name');

  for (const t of picks) await addTune(t);
  s = await snapshot(page);
  assert.deepEqual(entryIds(s), tunes);
  assert.match(s.open_set.keys, / → .* → /, 'the keys the set goes through');

  // Dragged: the first tune to the last place.
  await drag('set_entry_0', 'set_entry_2');
  s = await waitFor(page, (s) => entryIds(s)[2] === tunes[0] && !s.saving, 'the first tune dragged to the end');
  assert.deepEqual(entryIds(s), [tunes[1], tunes[2], tunes[0]]);
  // Buttons: the last up one, then the first down one.
  await click(page, 'set_entry_up_2');
  s = await waitFor(page, (s) => entryIds(s)[1] === tunes[0] && !s.saving, 'moved up');
  assert.deepEqual(entryIds(s), [tunes[1], tunes[0], tunes[2]]);
  await click(page, 'set_entry_down_0');
  s = await waitFor(page, (s) => entryIds(s)[0] === tunes[0] && !s.saving, 'moved down');
  assert.deepEqual(entryIds(s), tunes);

  await page.reload();
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  s = await waitFor(page, (s) => s.open_set && s.open_set.id === ours, 'the set after a reload (from the URL)');
  assert.equal(s.open_set.name, SET_NAME);
  assert.deepEqual(entryIds(s), tunes);
  assert.equal(s.view.tab, 'sets');
});

test('bring in my sets twice: a summary, and no set twice', async () => {
  await click(page, 'bring_in_sets');
  let s = await waitFor(page, (s) => s.last_sets_sync && s.rects.sets_summary && !s.saving, 'the sets sync and its summary', 60000);
  const first = s.last_sets_sync;
  assert.equal(first.status, 'completed_with_errors', 'an awkward member: entries skipped with reasons');
  assert.ok(first.sets_added > 0);
  assert.ok(first.set_entries_skipped > 0);
  assert.ok(first.errors.length > 0);
  assert.equal(s.sets.length, first.sets_added + 1);
  const names = s.widgets.map((w) => w.name).join('\n');
  assert.match(names, /sets added/);
  const count = s.sets.length;

  await click(page, 'bring_in_sets');
  s = await waitFor(page, (s) => s.last_sets_sync && s.last_sets_sync.sets_added === 0 && s.rects.sets_summary && !s.saving,
    'the second sets sync', 60000);
  assert.equal(s.last_sets_sync.sets_already_there, first.sets_added);
  assert.equal(s.sets.length, count, 'no duplicates');
  assert.equal(new Set(s.sets.map((x) => x.thesession_id).filter((x) => x)).size, first.sets_added);
});

test('removing a tune that is in a set names the set first', async () => {
  // Find our set with the list's search, and open it.
  await typeReplacing('sets_search', 'Tuesday');
  await waitFor(page, (s) => s.sets_shown === 1 && s.rects.set_row_0, 'our set alone in the list');
  await click(page, 'set_row_0');
  await waitFor(page, (s) => s.open_set && s.open_set.id === ours && s.rects.set_entry_0, 'our set open');
  // A tap on an entry opens the tune.
  await click(page, 'set_entry_0');
  // A tall window: the tune page's Remove button is below its music.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await waitFor(page, (s) => s.view.open_tune === tunes[0] && s.details_loaded && s.notation.rendered &&
    s.rects.remove && s.rects.remove[1] + s.rects.remove[3] < 1490, 'the tune open, its Remove button on screen');
  await click(page, 'remove');
  const s = await waitFor(page, (s) => s.rects.remove_confirm && s.rects.remove_sets, 'the confirmation');
  const line = s.widgets.find((w) => w.name.startsWith('It is in'));
  assert.ok(line, 'the confirmation says which sets');
  assert.match(line.name, new RegExp(`"${SET_NAME}"`));
  await click(page, 'remove_confirm');
  const after = await waitFor(page, (s) => s.view.open_tune === 0 && s.open_set && !s.open_set.entries[0].in_collection && !s.saving,
    'removed; the set keeps it');
  assert.deepEqual(entryIds(after), tunes, 'the set still holds all three');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('a set played through: the player moves on to the second tune', async () => {
  await waitFor(page, (s) => s.rects.set_play && s.notation.rendered && s.notation.tune === tunes[0], 'the first tune drawn');
  // Fast, without a count-in, so the first tune ends soon.
  if ((await snapshot(page)).notation.count_in) await click(page, 'count_in');
  await typeReplacing('tempo', '200');
  await page.keyboard.press('Tab');
  await waitFor(page, (s) => s.notation.tempo_percent === 200 && !s.notation.count_in, 'tempo 200 %, no count-in');
  await click(page, 'set_play');
  let s = await waitFor(page, (s) => s.open_set.playing && s.notation.highlighted_note >= 0, 'the first tune playing', 30000);
  assert.equal(s.open_set.current_index, 0);
  s = await waitFor(page, (s) => s.open_set.current_index === 1 && s.notation.tune === tunes[1] && s.notation.highlighted_note >= 0,
    'the second tune playing', 90000);
  assert.ok(s.open_set.playing);
  await click(page, 'set_play');  // Stop
  s = await waitFor(page, (s) => !s.open_set.playing && !s.notation.playing, 'stopped');
  await typeReplacing('tempo', '100');
  await page.keyboard.press('Tab');
  await waitFor(page, (s) => s.notation.tempo_percent === 100, 'tempo back to 100 %');
});

test('a set practised: rated once, each of its tunes scheduled', async () => {
  await click(page, 'set_practice');
  await waitFor(page, (s) => s.open_set.queued_today && !s.saving, 'the set in today\'s practice');
  await click(page, 'tab_practice');
  await click(page, 'set_rate_good_0');
  const s = await waitFor(page, (s) => s.practice.sets.length === 1 && s.practice.sets[0].rated && !s.saving, 'the set rated');
  const cards = s.practice.sets[0].tunes;
  assert.deepEqual(cards.map((t) => t.tune_id), tunes);
  // The tune removed from the collection has no schedule; the others one rating each.
  assert.equal(cards[0].reps, 0);
  for (const t of cards.slice(1)) {
    assert.equal(t.reps, 1, `tune ${t.tune_id} rated once`);
    assert.notEqual(t.state, 'new');
    assert.ok(t.due);
  }
  assert.equal(s.practice.done_today, 2);
  assert.match(s.practice.message, /not in your collection/);
});
