/**
 * The README's picture of the Compare panel: the bundle in headless Chromium with the Hengtong
 * example a month apart (test/fixtures/compare), in VS Code's Dark Modern colours.
 *
 *   npm run build && npx tsc -p . && node out/test/webview/compare-screenshot.js
 *
 * writes docs/images/compare.png.
 */
import { ComparePage, compareModel, hengtong } from './compare-page';
import { DARK } from './screenshot-theme';
import { runScreenshots } from './screenshot-run';

runScreenshots(async (browser, picture) => {
  const { before, after } = hengtong();
  const p = await ComparePage.open(browser, compareModel(before, after), {
    bodyClass: 'vscode-dark', vars: DARK, viewport: { width: 1280, height: 900 },
    header: { plan: '中国恒通银行上海分行', before: '3f9c2e1 Hengtong: October review', after: 'working copy' },
  });
  await p.page.screenshot({ path: picture('compare.png'), fullPage: true });
  if (p.errors.length) throw new Error(p.errors.join('\n'));
  console.log('saved docs/images/compare.png');
  await p.close();
});
