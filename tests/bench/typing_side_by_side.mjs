// Frames while typing a search in a 10,000-tune collection, for two builds of
// the page side by side in one run: each synced once, then the same search
// typed into each in turn (before, after, before, after, ...), so both see
// the same machine at the same time. For "must not regress" checks against
// an older build (build it in a worktree: cmake --preset wasm there). Prints
// figures; never fails on time.
//   node tests/bench/typing_side_by_side.mjs BEFORE_WEB_DIR AFTER_WEB_DIR [rounds]
import { click, waitFor } from '../e2e/harness.mjs';
import { syncTunebook, resetFrameStats, frameStats, typeASearch, openSide, closeSides } from './bench_page.mjs';

const [beforeDir, afterDir, roundsArg] = process.argv.slice(2);
if (!beforeDir || !afterDir) {
  console.error('usage: node typing_side_by_side.mjs BEFORE_WEB_DIR AFTER_WEB_DIR [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg || 6);
const sides = [{ name: 'before', dir: beforeDir }, { name: 'after', dir: afterDir }];

try {
  for (const side of sides) {
    await openSide(side);
    const s = await syncTunebook(side.page, 110000);
    side.apply = s.last_apply_ms;
    await waitFor(side.page, (now) => !now.saving, 'the sync\'s save', 60000);  // its IndexedDB write is not typing
    await click(side.page, 'tab_collection');
    await click(side.page, 'search');
    await resetFrameStats(side.page);
  }
  for (let round = 0; round < rounds; round++) {
    for (const side of sides) await typeASearch(side.page);
  }
  const show = (f) => `p50 ${f.p50.toFixed(2)}  p95 ${f.p95.toFixed(2)}  max ${f.max.toFixed(2)} ms`;
  console.log(`== typing a search with 10,000 tunes, ${rounds} rounds each, taking turns`);
  for (const side of sides) {
    side.stats = await frameStats(side.page);
    console.log(`${side.name.padEnd(7)} UI work ${show(side.stats.ui)}   whole frame ${show(side.stats.total)}   ` +
                `(${side.stats.total.count} frames; its 10,000-tune sync applied in ${side.apply.toFixed(0)} ms)`);
  }
  const [b, a] = sides.map((side) => side.stats);
  const ratio = (x, y) => (x / Math.max(y, 0.001)).toFixed(2);
  console.log(`after/before: UI work p50 ${ratio(a.ui.p50, b.ui.p50)}x p95 ${ratio(a.ui.p95, b.ui.p95)}x; ` +
              `whole frame p50 ${ratio(a.total.p50, b.total.p50)}x p95 ${ratio(a.total.p95, b.total.p95)}x`);
} finally {
  await closeSides(sides);
}
