// One rating, in a collection of 10,000 tunes with 100,000 ratings, for two
// builds side by side in one run (before, after, before, after, ...), so both
// see the same machine at the same time:
//  - the page: the frame that handles the tap (its UI work, where the page's
//    update runs, and the whole frame), and the tap to IndexedDB-durable;
//  - the CLI: the whole `tunetrack rate` process (open, rate, print).
// Both import the same export (practice_bench's, from the after build). For
// "must not regress" checks against an older build: build its native and
// wasm presets in a worktree. Prints figures; never fails on time.
//   node tests/bench/rating_side_by_side.mjs BEFORE_CHECKOUT AFTER_CHECKOUT [rounds]
// (from tests/e2e, with TT_PROXY_BIN and TT_FAKE_BIN set as `make bench` sets them)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { click, waitFor, nextFrames, snapshot, importExport } from '../e2e/harness.mjs';
import { resetFrameStats, frameStats, openSide, closeSides } from './bench_page.mjs';

const [beforeRoot, afterRoot, roundsArg] = process.argv.slice(2);
if (!beforeRoot || !afterRoot) {
  console.error('usage: node rating_side_by_side.mjs BEFORE_CHECKOUT AFTER_CHECKOUT [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg || 8);
const sides = [{ name: 'before', root: resolve(beforeRoot) }, { name: 'after', root: resolve(afterRoot) }];
for (const side of sides) {
  side.dir = join(side.root, 'build/wasm/web');
  side.cli = join(side.root, 'build/native/shell/tunetrack');
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const ratio = (a, b) => (a / Math.max(b, 0.001)).toFixed(2);
const work = mkdtempSync(join(tmpdir(), 'tunetrack-rating-side-by-side-'));
const exportFile = join(work, 'collection.json');
execFileSync(join(sides[1].root, 'build/native/tests/bench/practice_bench'), [exportFile], { stdio: 'ignore' });

function timeCli(side, args) {
  const t = process.hrtime.bigint();
  execFileSync(side.cli, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

// The CLI: one database made by the before build, copied; each build opens
// its copy once untimed (the after build migrates it then), then they take
// turns rating the same tunes.
function cliSideBySide() {
  const made = join(work, 'made.db');
  execFileSync(sides[0].cli, ['import', '--db', made, exportFile], { stdio: 'ignore' });
  for (const side of sides) {
    side.db = join(work, `${side.name}.db`);
    copyFileSync(made, side.db);
    timeCli(side, ['practice', '--db', side.db]);
    side.cliMs = [];
  }
  for (let i = 0; i < 2 * rounds; i++) {
    const tune = String(201 + 2 * i);  // odd tunes are "learning"
    for (const side of sides) side.cliMs.push(timeCli(side, ['rate', '--db', side.db, '--tune', tune, '--rating', 'good']));
  }
  console.log(`== \`tunetrack rate\` as a process, ${2 * rounds} ratings each, taking turns`);
  for (const side of sides) console.log(`${side.name.padEnd(7)} median ${median(side.cliMs).toFixed(2)} ms`);
  console.log(`after/before: ${ratio(median(sides[1].cliMs), median(sides[0].cliMs))}x`);
}

// The page: the frames from the tap until the rating shows, and its save.
async function rateOnce(side) {
  const before = (await snapshot(side.page)).practice.done_today;
  await resetFrameStats(side.page);
  await click(side.page, 'rate_good');
  const s = await waitFor(side.page, (s) => s.practice.done_today === before + 1 && !s.saving, 'the rating saved', 60000);
  await nextFrames(side.page, 2);
  const f = await frameStats(side.page);
  side.ui.push(f.ui.max);
  side.frame.push(f.total.max);
  side.save.push(s.last_save_ms);
}

async function pageSideBySide() {
  for (const side of sides) {
    await openSide(side);
    await importExport(side.page, exportFile, 10000);
    await click(side.page, 'tab_practice');
    await waitFor(side.page, (s) => s.rects.rate_good && s.practice.current_tune > 0, 'a tune to rate');
    Object.assign(side, { ui: [], frame: [], save: [] });
  }
  for (let round = 0; round < rounds; round++) {
    for (const side of sides) await rateOnce(side);
  }
  console.log(`== one rating on the Practice tab, ${rounds} each, taking turns (medians)`);
  for (const side of sides) {
    console.log(`${side.name.padEnd(7)} the rating's frame: UI work ${median(side.ui).toFixed(2)} ms, whole frame ` +
                `${median(side.frame).toFixed(2)} ms; tap to IndexedDB-durable ${median(side.save).toFixed(0)} ms`);
  }
  const [b, a] = sides;
  console.log(`after/before: UI work ${ratio(median(a.ui), median(b.ui))}x, whole frame ${ratio(median(a.frame), median(b.frame))}x, ` +
              `durable ${ratio(median(a.save), median(b.save))}x`);
}

try {
  cliSideBySide();
  await pageSideBySide();
} finally {
  await closeSides(sides);
  rmSync(work, { recursive: true, force: true });
}
