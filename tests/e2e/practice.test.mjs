// The Practice tab with real taps and keys: start learning from "what to
// learn next", today's queue, rating by click and by keys 1-4, a reload
// mid-queue (the same queue comes back), Undo, the limits, and the phone.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, launch, openApp, waitFor, click, tap, snapshot, nextFrames, newProfileDir, removeProfileDir, syncMember,
} from './harness.mjs';

let session, servers, page;

before(async () => {
  session = await startSession();
  ({ servers, page } = session);
});
after(() => session?.close());

// "Today" is the browser's day: a run that would cross midnight waits for it.
async function notNearMidnight() {
  const now = new Date();
  const toMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1) - now;
  if (toMidnight < 3 * 60 * 1000) await new Promise((r) => setTimeout(r, toMidnight + 2000));
}

test('a day of practice: start learning, rate by click and by key, reload, undo', async () => {
  await notNearMidnight();
  await syncMember(page, 100012);  // 12 tunes, all "want to learn"
  await click(page, 'tab_practice');
  let s = await waitFor(page, (s) => s.view.tab === 'practice' && s.rects.next_learn_0, 'the Practice tab');
  assert.equal(s.practice.queue.length, 0, 'nothing learning yet: nothing to practise');
  assert.equal(s.practice.next_to_learn.length, 5);

  // Three tunes started from "what to learn next" join today's queue (3 new a day).
  const started = [];
  for (let i = 0; i < 4; i++) {
    const next = (await snapshot(page)).practice.next_to_learn[0];
    started.push(next);
    await click(page, 'next_learn_0');
    await waitFor(page, (s) => s.rows.find((r) => r.tune_id === next)?.learn_status === 'learning' && !s.saving, 'learning');
  }
  s = await snapshot(page);
  assert.deepEqual(s.practice.queue.map((q) => q.tune_id), started.slice(0, 3), 'the new-tune limit (3) holds');
  assert.equal(s.practice.current_tune, started[0]);
  await waitFor(page, (s) => s.rects.rate_good && s.notation.tune === started[0], 'the first tune with its music');
  // Each button says the wait it sets in words: "10 min", "8 days", never "10m".
  const good = await page.locator('#tt-mirror button', { hasText: 'Good' }).first().textContent();
  assert.match(good, /Good\s+\d+ (min|hours?|days?|months?)$/, `the Good button: ${good}`);

  await click(page, 'rate_good');
  s = await waitFor(page, (s) => s.practice.done_today === 1 && s.practice.current_tune === started[1] && !s.saving, 'the next tune');
  assert.equal(s.practice.queue[0].state, 'learning');

  // A reload mid-queue brings the same queue back, at the same place.
  await page.reload();
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  s = await waitFor(page, (s) => s.view.tab === 'practice' && s.practice.queue.length === 3, 'the queue after a reload');
  assert.deepEqual(s.practice.queue.map((q) => q.tune_id), started.slice(0, 3));
  assert.equal(s.practice.current_tune, started[1]);
  assert.equal(s.practice.done_today, 1);

  // Keys 1-4 rate (3: Good, 1: Again).
  await waitFor(page, (s) => s.rects.rate_good, 'the rating buttons');
  await page.mouse.move(5, 5);
  await page.keyboard.press('3');
  s = await waitFor(page, (s) => s.practice.done_today === 2 && !s.saving, 'a rating by key 3');
  assert.equal(s.practice.current_tune, started[2]);
  await page.keyboard.press('1');
  s = await waitFor(page, (s) => s.practice.done_today === 3 && s.practice.current_tune === 0 && !s.saving, 'all done');
  await waitFor(page, (s) => s.rects.practice_done && s.rects.practice_undo && s.rects.practice_tomorrow,
    '"All done for today" on screen, with the day\'s summary');
  // The day done says what was played, how it went, and what tomorrow brings.
  const mirror = await page.locator('#tt-mirror').textContent();
  assert.match(mirror, /You played 3 tunes: 1 Again, 2 Good\./);
  // New tunes in their first steps (Good, Good, Again) are all due again within the day.
  assert.match(mirror, /Tomorrow: 3 of today's tunes come back, with any others due by then: at most 10 tunes, 3 of them new\./);
  assert.match(mirror, /: Again, back tomorrow/, 'an Again is back tomorrow: today\'s queue is done');
  assert.match(mirror, /Practised 1 day in a row; 1 day of the last 90/);
  assert.match(mirror, /Ratings per day, the last 90 days: 3 ratings in all/);

  // Undo takes the last rating back: that tune is to play again.
  await click(page, 'practice_undo');
  s = await waitFor(page, (s) => s.practice.done_today === 2 && s.practice.current_tune === started[2] && !s.saving, 'undone');
  assert.equal(s.practice.can_undo, false);
  assert.ok(s.practice.reviews_90_days >= 2);
});

test('the daily limits are typed in and kept', async () => {
  await click(page, 'tab_practice');
  await click(page, 'practice_limit');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('6', { delay: 15 });
  await click(page, 'practice_new_limit');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2', { delay: 15 });
  await page.keyboard.press('Tab');
  let s = await waitFor(page, (s) => s.practice.limit === 6 && s.practice.new_limit === 2 && !s.saving, 'the limits');
  await page.reload();
  await page.waitForFunction(() => window.tunetrack && window.tunetrack.ready);
  s = await waitFor(page, (s) => s.practice.limit === 6, 'the limits after a reload');
  assert.equal(s.practice.new_limit, 2);
});

test('phone, 360x740: taps rate, and nothing runs off the screen', async () => {
  const profile = newProfileDir();
  const context = await launch(profile, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  try {
    const phone = await openApp(context, servers.proxy.url);
    await syncMember(phone, 100008, tap);
    await tap(phone, 'tab_practice');
    await waitFor(phone, (s) => s.rects.next_learn_0, 'what to learn next');
    await tap(phone, 'next_learn_0');
    let s = await waitFor(phone, (s) => s.practice.current_tune > 0 && s.rects.rate_easy && !s.saving, 'a tune to practise');
    for (const name of ['rate_again', 'rate_hard', 'rate_good', 'rate_easy', 'practice_limit', 'next_learn_0']) {
      const [x, , w] = s.rects[name] || [0, 0, 0];
      assert.ok(s.rects[name] && x >= 0 && x + w <= 360.5, `${name} on screen: ${JSON.stringify(s.rects[name])}`);
    }
    await tap(phone, 'rate_easy');
    s = await waitFor(phone, (s) => s.practice.done_today === 1 && !s.saving, 'rated with a tap');
  } finally {
    await context.close();
    removeProfileDir(profile);
  }
});
