/**
 * The README's picture of the Forecast at scale: 30,000 open deals, the table scrolled half-way
 * (Dark Modern colours).
 *
 *   npm run build && npx tsc -p . && node out/test/webview/forecast-scale-screenshot.js
 *
 * writes docs/images/forecast-30000.png.
 */
import { ForecastPage } from './forecast-page';
import { bigBook } from './scale-book';
import { DARK } from './screenshot-theme';
import { runScreenshots } from './screenshot-run';

runScreenshots(async (browser, picture) => {
  const p = await ForecastPage.open(browser, bigBook(), { bodyClass: 'vscode-dark', vars: DARK, viewport: { width: 1280, height: 1000 } });
  const box = p.page.locator('.rows');
  await box.evaluate((e) => { e.scrollTop = e.scrollHeight / 2; });
  // Until the rows of the middle have come from the stand-in host.
  await p.page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document;
    return doc.querySelectorAll('tr.deal.pending').length === 0 && doc.querySelectorAll('tr.deal').length > 0;
  });
  await p.page.locator('.card.table').scrollIntoViewIfNeeded();
  await p.page.screenshot({ path: picture('forecast-30000.png'), fullPage: true });
  if (p.errors.length) throw new Error(p.errors.join('\n'));
  console.log('saved docs/images/forecast-30000.png');
  await p.close();
});
