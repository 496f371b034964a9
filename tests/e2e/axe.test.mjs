// axe-core (the accessibility engine browsers' own checkers use) on every
// screen, light and dark, on a desktop and on a phone: no serious or
// critical violation. What it reads is the page a screen reader reads: the
// accessibility mirror (web/page/mirror.js) over the canvas.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startSession, waitFor, click, nextFrames, syncMember } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// The mirror's text is transparent on purpose (the canvas under it draws the
// words, in colours web/screens/theme_palette.h checks for contrast in both
// themes), so axe's colour check cannot see what a person sees.
const kAxeOptions = { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } };

async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: axePath });
  await nextFrames(page, 2);
  return page.evaluate(async (options) => {
    const result = await window.axe.run(document, options);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`);
  }, kAxeOptions);
}

// Every screen, in both themes; `where` names the device for the messages.
async function scanEveryScreen(page, where) {
  const found = [];
  const check = async (screen) => {
    for (const v of await violations(page)) found.push(`${where}, ${screen}: ${v}`);
  };
  for (const theme of ['light', 'dark']) {
    await click(page, 'tab_data');
    await click(page, `theme_${theme}`);
    await waitFor(page, (s) => s.appearance.theme === theme, `the ${theme} theme`);
    for (const tab of ['collection', 'practice', 'sets', 'add', 'sync', 'data']) {
      await click(page, `tab_${tab}`);
      await waitFor(page, (s) => s.view.tab === tab, `the ${tab} tab`);
      await check(`${theme} ${tab}`);
    }
    await click(page, 'tab_collection');
    await click(page, 'row_0');
    await waitFor(page, (s) => s.view.open_tune > 0 && s.details_loaded && s.rects.notes, 'a tune page');
    await check(`${theme} tune page`);
    await click(page, 'detail_close');
    await waitFor(page, (s) => !s.view.open_tune && s.rects.tab_sets, 'the tune closed');
    await click(page, 'tab_sets');
    await click(page, 'set_new');
    await waitFor(page, (s) => s.view.open_set > 0 && s.rects.set_name, 'a set page');
    await check(`${theme} set page`);
    await click(page, 'set_close');
    await waitFor(page, (s) => !s.view.open_set, 'the set closed');
  }
  return found;
}

for (const [where, launchOptions] of [
  ['desktop', { viewport: { width: 1200, height: 800 } }],
  ['phone', { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true }],
]) {
  test(`axe-core finds no serious or critical violation on any screen, light and dark, on a ${where}`, async () => {
    const session = await startSession({ launchOptions });
    try {
      const { page } = session;
      await syncMember(page, 100030);
      assert.deepEqual(await scanEveryScreen(page, where), []);
    } finally {
      await session.close();
    }
  });
}
