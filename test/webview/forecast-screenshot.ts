/**
 * The README's pictures of the Forecast panel: the bundle in headless Chromium with the model of
 * examples/, in VS Code's Dark Modern and Light Modern colours.
 *
 *   npm run build && npx tsc -p . && node out/test/webview/forecast-screenshot.js
 *
 * writes docs/images/forecast.png (dark) and docs/images/forecast-light.png.
 */
import * as path from 'path';
import { ForecastPage, launch, planEntries, ROOT } from './forecast-page';

const FONT = 'system-ui, "Segoe UI", "Noto Sans CJK SC", sans-serif';
const DARK = {
  '--vscode-font-family': FONT, '--vscode-font-size': '13px',
  '--vscode-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-editor-background': '#1f1f1f',
  '--vscode-sideBar-background': '#181818', '--vscode-panel-border': '#2b2b2b', '--vscode-editorWidget-border': '#313131',
  '--vscode-charts-green': '#89d185', '--vscode-charts-blue': '#3794ff', '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-purple': '#b180d7', '--vscode-charts-red': '#f14c4c', '--vscode-charts-foreground': '#cccccc',
  '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-dropdown-background': '#313131',
  '--vscode-dropdown-border': '#3c3c3c', '--vscode-dropdown-foreground': '#cccccc', '--vscode-textLink-foreground': '#4daafc',
  '--vscode-editorWarning-foreground': '#cca700',
};
const LIGHT = {
  '--vscode-font-family': FONT, '--vscode-font-size': '13px',
  '--vscode-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171', '--vscode-editor-background': '#ffffff',
  '--vscode-sideBar-background': '#f8f8f8', '--vscode-panel-border': '#e5e5e5', '--vscode-editorWidget-border': '#e5e5e5',
  '--vscode-charts-green': '#388a34', '--vscode-charts-blue': '#1a85ff', '--vscode-charts-yellow': '#bf8803',
  '--vscode-charts-purple': '#652d90', '--vscode-charts-red': '#e51400', '--vscode-charts-foreground': '#616161',
  '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-dropdown-background': '#ffffff',
  '--vscode-dropdown-border': '#cecece', '--vscode-dropdown-foreground': '#3b3b3b', '--vscode-textLink-foreground': '#005fb8',
  '--vscode-editorWarning-foreground': '#bf8803',
};

async function main(): Promise<void> {
  const browser = await launch();
  try {
    for (const [file, bodyClass, vars] of [['forecast.png', 'vscode-dark', DARK], ['forecast-light.png', 'vscode-light', LIGHT]] as const) {
      const p = await ForecastPage.open(browser, planEntries('examples'), { bodyClass, vars, viewport: { width: 1280, height: 1000 } });
      const out = path.join(ROOT, 'docs', 'images', file);
      await p.page.screenshot({ path: out, fullPage: true });
      if (p.errors.length) throw new Error(p.errors.join('\n'));
      console.log(`saved ${path.relative(ROOT, out)}`);
      await p.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
