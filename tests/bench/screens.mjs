// Screenshots of every screen, for docs/screens/: at 1366x800 (mouse) and
// 360x740 (a finger), light and dark, normal and huge text. Synthetic data
// from the fake thesession.org, as every test uses. `make screens` runs it;
// the files are committed so the README can show them.
//   docs/screens/<desktop|phone>-<light|dark>-<normal|huge>-<screen>.png
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSession, waitFor, click, tap, syncMember, typeInto, tapField, nextFrames } from '../e2e/harness.mjs';

const OUT = resolve(process.env.TT_SCREENS_DIR || '../../docs/screens');
const DEVICES = {
  desktop: { launch: { viewport: { width: 1366, height: 800 } }, press: click, type: typeInto },
  phone: {
    launch: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true },
    press: tap,
    type: async (page, name, text) => { await tapField(page, name); await page.keyboard.type(text, { delay: 15 }); },
  },
};

// Each screen: how to reach it from anywhere, and what says it is drawn.
const SCREENS = [
  ['collection', async (page, d) => { await d.press(page, 'tab_collection'); await waitFor(page, (s) => s.rects.row_3, 'the list'); }],
  ['tune', async (page, d) => {
    await d.press(page, 'tab_collection');
    await d.press(page, 'row_1');
    await waitFor(page, (s) => s.view.open_tune > 0 && s.notation.rendered && !s.notation.rendering, 'the tune page with its music');
  }],
  ['practice', async (page, d) => {
    await d.press(page, 'tab_practice');
    await waitFor(page, (s) => s.rects.rate_good && s.notation.rendered && !s.notation.rendering, 'a tune to practise');
  }],
  ['sets', async (page, d) => { await d.press(page, 'tab_sets'); await waitFor(page, (s) => s.rects.set_row_0, 'the sets'); }],
  ['set', async (page, d) => {
    await d.press(page, 'tab_sets');
    await d.press(page, 'set_row_0');
    await waitFor(page, (s) => s.open_set && s.rects.set_play && s.notation.rendered && !s.notation.rendering, 'a set');
  }],
  ['add', async (page, d) => {
    await d.press(page, 'tab_add');
    await waitFor(page, (s) => s.rects.result_0 || s.rects.remote_search, 'the add tab');
  }],
  ['sync', async (page, d) => { await d.press(page, 'tab_sync'); await waitFor(page, (s) => s.rects.sync_summary, 'the sync summary'); }],
  ['data', async (page, d) => { await d.press(page, 'tab_data'); await waitFor(page, (s) => s.rects.offline_music, 'the Data tab'); }],
];

async function closeOpenPages(page, d) {
  const s = await waitFor(page, () => true, 'a snapshot');
  if (s.view.open_tune) { await d.press(page, 'detail_close'); await waitFor(page, (s) => !s.view.open_tune, 'the tune closed'); }
  if (s.view.open_set) { await d.press(page, 'set_close'); await waitFor(page, (s) => !s.view.open_set, 'the set closed'); }
}

async function shoot(device) {
  const d = DEVICES[device];
  const session = await startSession({ launchOptions: d.launch });
  const { page } = session;
  try {
    await syncMember(page, 100030, d.press);
    // Sets brought in, a tune started in practice, and a search on the Add tab.
    await d.press(page, 'tab_sets');
    await d.press(page, 'bring_in_sets');
    await waitFor(page, (s) => s.last_sets_sync && s.last_sets_sync.status === 'completed' && !s.saving, 'the sets', 60000);
    await d.press(page, 'tab_practice');
    await waitFor(page, (s) => s.rects.next_learn_0, 'what to learn next');
    await d.press(page, 'next_learn_0');
    await waitFor(page, (s) => s.practice.current_tune > 0 && !s.saving, 'a tune to practise');
    await d.press(page, 'tab_add');
    await d.type(page, 'remote_search', 'reel');
    await waitFor(page, (s) => s.rects.result_0, 'search results', 20000);
    for (const theme of ['light', 'dark']) {
      for (const text of ['normal', 'huge']) {
        await closeOpenPages(page, d);
        await d.press(page, 'tab_data');
        await d.press(page, `theme_${theme}`);
        await d.press(page, `text_size_${text}`);
        await waitFor(page, (s) => s.appearance.text_size === text && s.appearance.dark === (theme === 'dark'), 'the look');
        for (const [name, reach] of SCREENS) {
          await closeOpenPages(page, d);
          await reach(page, d);
          await page.mouse.move(1, 1);  // no hover highlight
          await nextFrames(page, 4);
          const file = `${OUT}/${device}-${theme}-${text}-${name}.png`;
          await page.screenshot({ path: file });
          console.log(file);
        }
      }
    }
  } finally {
    await session.close();
  }
}

mkdirSync(OUT, { recursive: true });
for (const device of Object.keys(DEVICES)) await shoot(device);
