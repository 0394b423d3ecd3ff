/**
 * The README's picture of the Compare panel: the bundle in headless Chromium with the Hengtong
 * example a month apart (test/fixtures/compare), in VS Code's Dark Modern colours.
 *
 *   npm run build && npx tsc -p . && node out/test/webview/compare-screenshot.js
 *
 * writes docs/images/compare.png.
 */
import * as path from 'path';
import { ComparePage, compareModel, hengtong, launch, ROOT } from './compare-page';
import { DARK } from './screenshot-theme';

async function main(): Promise<void> {
  const browser = await launch();
  try {
    const { before, after } = hengtong();
    const p = await ComparePage.open(browser, compareModel(before, after), {
      bodyClass: 'vscode-dark', vars: DARK, viewport: { width: 1280, height: 900 },
      header: { plan: '中国恒通银行上海分行', before: '3f9c2e1 Hengtong: October review', after: 'working copy' },
    });
    const out = path.join(ROOT, 'docs', 'images', 'compare.png');
    await p.page.screenshot({ path: out, fullPage: true });
    if (p.errors.length) throw new Error(p.errors.join('\n'));
    console.log(`saved ${path.relative(ROOT, out)}`);
    await p.close();
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
