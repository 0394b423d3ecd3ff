/**
 * The README's pictures of the Forecast panel: the bundle in headless Chromium with the model of
 * examples/, in VS Code's Dark Modern and Light Modern colours.
 *
 *   npm run build && npx tsc -p . && node out/test/webview/forecast-screenshot.js
 *
 * writes docs/images/forecast.png (dark) and docs/images/forecast-light.png.
 */
import { ForecastPage, planEntries } from './forecast-page';
import { DARK, LIGHT } from './screenshot-theme';
import { runScreenshots } from './screenshot-run';

runScreenshots(async (browser, picture) => {
  for (const [file, bodyClass, vars] of [['forecast.png', 'vscode-dark', DARK], ['forecast-light.png', 'vscode-light', LIGHT]] as const) {
    const p = await ForecastPage.open(browser, planEntries('examples'), { bodyClass, vars, viewport: { width: 1280, height: 1000 } });
    await p.page.screenshot({ path: picture(file), fullPage: true });
    if (p.errors.length) throw new Error(p.errors.join('\n'));
    console.log(`saved docs/images/${file}`);
    await p.close();
  }
});
