// The tune page's music, with real input on the canvas: notation drawn by
// abcjs, every setting (the choice survives a reload), playback with the
// highlighted note, tempo, loops, transposition, broken ABC, and the phone.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, launch, openApp, waitFor, click, tap, snapshot, nextFrames, newProfileDir, removeProfileDir, syncMember,
} from './harness.mjs';

let session, servers, page, examples;

before(async () => {
  session = await startSession();
  ({ servers, page } = session);
  examples = await (await fetch(`${servers.fake.url}/_control/examples`)).json();
});
after(() => session?.close());

async function openTune(p, id) {
  await p.evaluate((id) => { location.hash = `tune=${id}`; }, id);
  return waitFor(p, (s) => s.notation.tune === id && !s.notation.rendering &&
    (s.notation.rendered || s.notation.error || s.notation.settings_count === 0) && s.details_loaded,
  `tune ${id} and its notation`);
}

async function typeNumber(p, name, value) {
  await click(p, name);
  await p.keyboard.press('Control+A');
  await p.keyboard.type(String(value), { delay: 15 });
  await p.keyboard.press('Tab');
  await nextFrames(p, 2);
}

// The wall-clock time of each note shown while playing (playback.js's log).
const playbackLog = (p) => p.evaluate(() => (window.Module.ttPlaybackLog || []).slice());

async function stopIfPlaying(p) {
  if ((await snapshot(p)).notation.playing) {
    await click(p, 'play');
    await waitFor(p, (s) => !s.notation.playing, 'playback to stop');
  }
}

test('every setting: pick one on the canvas, the notation changes, the choice survives a reload', async () => {
  // A tune in the collection (so the choice is kept) with several settings.
  let s = await syncMember(page, 100012);
  let tune = null;
  for (const row of s.rows) {
    const opened = await openTune(page, row.tune_id);
    if (opened.notation.settings_count >= 2 && opened.notation.rendered) { tune = row.tune_id; s = opened; break; }
  }
  assert.ok(tune, 'a synced tune with two or more settings');
  assert.equal(s.notation.setting, 0);
  assert.ok(s.notation.bars >= 8 && s.notation.notes > 20, `bars and notes read: ${JSON.stringify(s.notation)}`);
  const first = s.notation;

  await click(page, 'setting_select');
  await click(page, 'setting_item_1');
  s = await waitFor(page, (s) => s.notation.setting === 1 && s.notation.rendered && !s.notation.rendering && !s.saving,
    'the second setting drawn');
  assert.notEqual(s.notation.setting_id, first.setting_id);

  await page.reload();
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  s = await waitFor(page, (s) => s.notation.tune === tune && s.notation.rendered, 'the tune after a reload');
  assert.equal(s.notation.setting, 1, 'the chosen setting is remembered');
});

test('incipits: the opening bars of the rows on screen only, toggled and remembered', async () => {
  await syncMember(page, 100300);
  await page.evaluate(() => { location.hash = 'tab=collection'; });
  let s = await waitFor(page, (s) => s.incipits.on_screen > 0 && s.incipits.drawing === 0 &&
    s.incipits.drawn + s.incipits.unavailable === s.incipits.on_screen, 'the incipits on screen', 30000);
  assert.ok(s.incipits.drawn > 0);
  assert.ok(s.total >= 300 && s.incipits.on_screen < 40, `only the rows on screen: ${JSON.stringify(s.incipits)}`);
  await click(page, 'incipits_toggle');
  s = await waitFor(page, (s) => s.incipits.enabled === false && s.incipits.on_screen === 0 && !s.saving, 'incipits off');
  await page.reload();
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  s = await waitFor(page, (s) => s.incipits.enabled === false, 'the choice after a reload');
  await nextFrames(page, 3);
  assert.equal((await snapshot(page)).incipits.on_screen, 0);
  await click(page, 'incipits_toggle');
  await waitFor(page, (s) => s.incipits.enabled === true && s.incipits.drawn > 0, 'incipits on again', 30000);
});

test('play: the highlight moves through the notes and the sound is not silence', async () => {
  const s0 = await openTune(page, examples.types.jig);
  assert.ok(s0.notation.rendered);
  if (s0.notation.count_in) await click(page, 'count_in');  // no count-in: the first note comes at once
  await click(page, 'play');
  let s = await waitFor(page, (s) => s.notation.highlighted_note >= 0, 'the first note highlighted', 20000);
  const firstNote = s.notation.highlighted_note;
  s = await waitFor(page, (s) => s.notation.highlighted_note > firstNote + 3, 'the highlight to advance', 10000);
  assert.ok(s.notation.playing);
  assert.ok(s.notation.audio_peak > 0.05, `the rendered sound has a peak of ${s.notation.audio_peak}`);
  await stopIfPlaying(page);
});

// Time from the first note of bar `from` to the first note of bar `to`, on
// the audio clock (where the sound was when each was shown: timers on a busy
// 2-core machine fire late, the sound does not).
function barsDuration(log, from, to) {
  const start = log.find((e) => e.bar === from);
  const end = log.find((e) => e.bar === to && start && e.at > start.at);
  return start && end ? end.at - start.at : NaN;
}

test('tempo: four bars take twice as long at half the tempo', async () => {
  let s = await openTune(page, examples.types.reel);
  if (s.notation.count_in) await click(page, 'count_in');
  const measure = async (percent) => {
    await typeNumber(page, 'tempo', percent);
    await waitFor(page, (s) => s.notation.tempo_percent === percent, `tempo ${percent} %`);
    await click(page, 'play');
    await waitFor(page, (s) => s.notation.playing_bar >= 7, 'bar 7', 30000);
    const d = barsDuration(await playbackLog(page), 2, 6);
    await stopIfPlaying(page);
    return d;
  };
  const fast = await measure(120);
  const slow = await measure(60);
  const ratio = slow / fast;
  assert.ok(Math.abs(ratio - 2) / 2 < 0.05, `4 bars: ${fast.toFixed(0)} ms at 120 %, ${slow.toFixed(0)} ms at 60 % (ratio ${ratio.toFixed(3)})`);
  await typeNumber(page, 'tempo', 100);
});

test('loop bars 3 to 4: playback comes back to bar 3 again and again', async () => {
  await openTune(page, examples.types.polka);
  await typeNumber(page, 'loop_from', 3);
  await typeNumber(page, 'loop_to', 4);
  let s = await waitFor(page, (s) => s.notation.loop && s.notation.loop[0] === 3 && s.notation.loop[1] === 4, 'the loop');
  await typeNumber(page, 'tempo', 200);
  await click(page, 'play');
  // Until bar 3 has followed bar 4 twice (the loop came round).
  const returns = (log) => log.filter((e, i) => i > 0 && log[i - 1].bar === 4 && e.bar === 3).length;
  const deadline = Date.now() + 30000;
  let log = [];
  while (Date.now() < deadline && returns(log) < 2) {
    await new Promise((r) => setTimeout(r, 100));
    log = await playbackLog(page);
  }
  assert.ok(returns(log) >= 2, `bar 3 came round twice; bars played: ${log.map((x) => x.bar).join(',')}`);
  const bars = new Set((await playbackLog(page)).map((e) => e.bar));
  assert.deepEqual([...bars].sort(), [3, 4], 'only bars 3 and 4 play');
  await stopIfPlaying(page);
  await click(page, 'loop_clear');
  await typeNumber(page, 'tempo', 100);
  s = await snapshot(page);
  assert.equal(s.notation.loop, null);
});

test('transpose +2: notation and key move together', async () => {
  let s = await openTune(page, examples.types.jig);
  const before = s.notation;
  await click(page, 'transpose_up');
  await click(page, 'transpose_up');
  s = await waitFor(page, (s) => s.notation.transpose === 2 && s.notation.rendered && !s.notation.rendering &&
    s.notation.image_request !== before.image_request, 'drawn again, transposed');
  assert.notEqual(s.notation.key, before.key);
  assert.match(s.notation.key, /^[A-G][#b]? (major|minor|dorian|mixolydian)$/);
  assert.equal(s.notation.notes, before.notes, 'the same notes, moved');
});

test('broken ABC shows the text and a message, and nothing else breaks', async () => {
  let refused = 0;
  for (const id of [examples.broken.garbage_line, examples.broken.no_notes, examples.broken.empty_abc]) {
    let s = await openTune(page, id);
    if (s.notation.rendered) continue;  // abcjs read some music from it: fine
    refused++;
    assert.ok(s.notation.error, `tune ${id}: a message`);
    s = await waitFor(page, (s) => s.rects.notation_error, `tune ${id}: the message and the ABC on the page`);
  }
  assert.ok(refused >= 2, `${refused} of 3 broken settings refused with a message`);
  const none = await openTune(page, examples.no_settings);
  assert.equal(none.notation.settings_count, 0);
  assert.deepEqual(page.ttErrors, [], 'no script errors');
  // The page still works: another tune draws.
  const s = await openTune(page, examples.settings_2);
  assert.ok(s.notation.rendered);
});

test('phone, 360x740 at DPR 3: the notation fits the width and a tap plays', async () => {
  const profile = newProfileDir();
  const context = await launch(profile, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  try {
    const phone = await openApp(context, servers.proxy.url);
    await openTune(phone, examples.types.reel);
    // The model has it first; the screen one frame later.
    const s = await waitFor(phone, (s) => s.notation.rendered && s.rects.notation, 'the notation on screen');
    assert.ok(s.notation.width_px <= 360, `notation ${s.notation.width_px} px wide`);
    const [x, , w] = s.rects.notation;
    assert.ok(x >= 0 && x + w <= 360 + 0.5, `on screen: ${JSON.stringify(s.rects.notation)}`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling');
    await tap(phone, 'play');
    await waitFor(phone, (s) => s.notation.highlighted_note >= 0, 'playing on the phone', 20000);
  } finally {
    await context.close();
    removeProfileDir(profile);
  }
});
