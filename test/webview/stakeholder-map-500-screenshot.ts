/**
 * The README's picture of a 500-person stakeholder map: the decision layers, "Fit to panel" (all
 * 500 people at once, each one shape in the attitude colour, as cards are too small to read at that
 * zoom), drawn by the real bundle in headless Chromium.
 *
 *   npm run build && npx tsc -p . && node out/test/webview/stakeholder-map-500-screenshot.js
 *
 * writes docs/images/stakeholder-map-500.png.
 */
import * as path from 'path';
import { bigPlan, modelOf, openMap, ROOT, serve, showModel, waitForRendered } from './stakeholder-map-page';
import { runScreenshots } from './screenshot-run';

runScreenshots(async (browser, picture) => {
  const server = await serve();
  try {
    const mp = await openMap(browser, server.url, { width: 1400, height: 860 });
    const r = await showModel(mp, modelOf(bigPlan(500)));
    if (r.cards !== 500) throw new Error(`${r.cards} cards drawn, not 500`);
    await mp.page.click('button[data-mode="layers"]');
    await waitForRendered(mp, mp.revision);
    await mp.page.waitForFunction(() => (globalThis as unknown as { __sent: { type: string; mode?: string }[] }).__sent.at(-1)?.mode === 'layers');
    await mp.page.click('button[data-action="fit"]');
    await mp.page.evaluate(() => new Promise<void>((r) => (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(() => r())));
    const drawn = await mp.page.locator('.card').count();
    if (drawn !== 500) throw new Error(`${drawn} people drawn after "Fit to panel", not 500`);
    const out = picture('stakeholder-map-500.png');
    await mp.page.screenshot({ path: out });
    if (mp.problems.length) throw new Error(mp.problems.join('\n'));
    console.log(`saved ${path.relative(ROOT, out)}`);
  } finally {
    await server.close();
  }
});
