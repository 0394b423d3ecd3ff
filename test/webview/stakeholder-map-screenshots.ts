/**
 * Pictures of the stakeholder map for the README: the example plan (examples/hengtong-bank)
 * in each mode, drawn by the real bundle in headless Chromium, and the time one draw of 300
 * people takes (measured once and printed, not asserted).
 *
 *   npm run build && npx tsc -p . && node out/test/webview/stakeholder-map-screenshots.js
 */
import * as path from 'path';
import { bigPlan, fixtureText, launch, modelOf, openMap, paintTime, ROOT, serve, showModel, waitForRendered } from './stakeholder-map-page';

async function main(): Promise<void> {
  const server = await serve();
  const browser = await launch();
  try {
    const mp = await openMap(browser, server.url, { width: 1400, height: 860 });
    const model = modelOf(fixtureText('examples', 'hengtong-bank.account.md'), 'hengtong-bank.account.md');
    await showModel(mp, model);
    // `npm run bench` wants only the timings (MAP_TIMINGS_ONLY=1), not new pictures.
    for (const [mode, file] of process.env.MAP_TIMINGS_ONLY ? [] : [['org', 'stakeholder-map.png'], ['layers', 'stakeholder-map-layers.png'], ['grid', 'stakeholder-map-grid.png']] as const) {
      if (mode !== 'org') {
        await mp.page.click(`button[data-mode="${mode}"]`);
        await waitForRendered(mp, mp.revision);
        await mp.page.waitForFunction((m) => (globalThis as unknown as { __sent: { type: string; mode?: string }[] }).__sent.at(-1)?.mode === m, mode);
      }
      if (mode === 'org') {
        // As the panel opens (100 %, centred): the hover card of the branch president beside him.
        await mp.page.hover('g.card[data-key="wangxing"]');
        await mp.page.locator('.tooltip').waitFor({ state: 'visible' });
      }
      const out = path.join(ROOT, 'docs', 'images', file);
      await mp.page.screenshot({ path: out });
      console.log(`saved ${path.relative(ROOT, out)}`);
      await mp.page.mouse.move(1, 1);
    }
    await mp.page.close();

    const rows: string[] = [];
    for (const n of [9, 100, 300]) {
      const bench = await openMap(browser, server.url, { width: 1400, height: 860 });
      const m = n === 9 ? model : modelOf(bigPlan(n));
      const first = await paintTime(bench, m); // a fresh page: the first message also compiles the bundle's code
      const runs = [1, 2, 3, 4, 5].map(() => 0);
      const draws = [...runs];
      for (let i = 0; i < runs.length; i++) ({ paintedMs: runs[i], drawMs: draws[i] } = await paintTime(bench, { ...m, account: `${m.account} ${i}` }));
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      rows.push(`${String(m.people.length).padStart(6)}  ${first.paintedMs.toFixed(1).padStart(22)}  ${med(draws).toFixed(1).padStart(14)}  ${med(runs).toFixed(1).padStart(18)}`);
      if (n === 300) console.log(`map300: ${JSON.stringify({ firstMs: first.paintedMs, drawMs: med(draws), paintedMs: med(runs) })}`);
      await bench.page.close();
    }
    console.log(`\npeople  first message→painted ms  layout+draw ms  message→painted ms\n${rows.join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
