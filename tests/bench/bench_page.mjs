// What the page benchmarks share: typing a member number however old the
// page, a sync of one member, and the page's own frame statistics
// (tt_frame_stats: per frame, the UI work and the whole frame).
import { click, nextFrames, waitFor, startServers, newProfileDir, launch, openApp, removeProfileDir } from '../e2e/harness.mjs';

// Types a member number into the Sync tab's field until the field says it
// (the page before the input rework could drop a keystroke after Ctrl+A).
export async function typeMemberId(page, member) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await click(page, 'member_id');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(member), { delay: 20 });
    await nextFrames(page, 3);
    if (String(await page.evaluate(() => window.tunetrack.snapshot().member_id)) === String(member)) return;
  }
}

// Syncs `member`'s tunebook and returns the snapshot once it completed.
export async function syncTunebook(page, member) {
  await click(page, 'tab_sync');
  await typeMemberId(page, member);
  await click(page, 'sync_button');
  return waitFor(page, (s) => s.last_sync && s.last_sync.status === 'completed' && String(s.member_id) === String(member),
                 `sync of ${member}`, 120000);
}

export const resetFrameStats = (page) => page.evaluate(() => Module.ccall('tt_reset_frame_stats', null, [], []));

// { total, ui }, each { count, p50, p95, max } in ms, since the last reset.
export async function frameStats(page) {
  const [total, ui] = (await page.evaluate(() => Module.ccall('tt_frame_stats', 'string', [], []))).split('|')
    .map((part) => { const [count, p50, p95, max] = part.split(' ').map(Number); return { count, p50, p95, max }; });
  return { total, ui };
}

// A search typed at a person's pace and taken back, in the list's search field.
export async function typeASearch(page) {
  await page.keyboard.type("maire's reel", { delay: 80 });
  for (let i = 0; i < 12; i++) await page.keyboard.press('Backspace', { delay: 80 });
}


// For benches that compare two builds side by side: `side.dir` is a build's
// web folder; this serves it and opens it in a fresh profile (side.page).
export async function openSide(side) {
  process.env.TT_WEB_DIR = side.dir;  // the harness's proxy serves this build
  side.servers = await startServers();
  side.profile = newProfileDir();
  side.context = await launch(side.profile);
  side.page = await openApp(side.context, side.servers.proxy.url);
}

export async function closeSides(sides) {
  for (const side of sides) {
    if (side.context) await side.context.close();
    if (side.profile) removeProfileDir(side.profile);
    if (side.servers) side.servers.stop();
  }
}
