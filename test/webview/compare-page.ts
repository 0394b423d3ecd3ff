/**
 * The Compare bundle (media/dist/compare.js + .css, as `npm run build` makes it) in headless
 * Chromium, on a page with the panel's Content Security Policy, and a stand-in for the host: it
 * answers the page's `ready` with the model the engine computes from two versions of a plan, as
 * ComparePanel does.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { PanelPage } from './panel-page';
import { comparePanelModel, diffPlans, type ComparePanelModel, type Locale } from '../../src/core';
import { compareLabels } from '../../src/extension/features/compare/compare-words';
import type { CompareHeader, HostMessage, WebviewMessage } from '../../src/webview/compare/protocol';
import { launchChromium } from '../chromium';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'media', 'dist');
export const TODAY = '2026-11-24';
const ORIGIN = 'https://compare.test';
const NONCE = 'Te5tN0nce4Compare';

export const launch = (): Promise<Browser> => launchChromium();

/** The Hengtong example before and after a month of work (test/fixtures/compare). */
export const hengtong = (): { before: string; after: string } => ({
  before: fs.readFileSync(path.join(ROOT, 'test/fixtures/compare/hengtong.before.account.md'), 'utf8'),
  after: fs.readFileSync(path.join(ROOT, 'test/fixtures/compare/hengtong.after.account.md'), 'utf8'),
});

export function compareModel(before: string, after: string, locale: Locale = 'en', file = 'hengtong-bank.account.md'): ComparePanelModel {
  const side = (text: string) => (text === '' ? {} : { [file]: text });
  return comparePanelModel(diffPlans(side(before), side(after), { today: TODAY, locale }), locale);
}

function html(csp: boolean, bodyClass: string): string {
  const policy = [`default-src 'none'`, `style-src ${ORIGIN}`, `img-src ${ORIGIN} data: blob:`, `font-src ${ORIGIN}`, `script-src 'nonce-${NONCE}'`].join('; ');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
${csp ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : ''}
<link rel="stylesheet" href="${ORIGIN}/compare.css"><title>Compare</title></head>
<body class="${bodyClass}"><div id="app" data-loading="…"></div><script nonce="${NONCE}" src="${ORIGIN}/compare.js"></script></body></html>`;
}

export interface OpenOptions {
  readonly csp?: boolean;
  readonly bodyClass?: string;
  readonly vars?: Record<string, string>;
  readonly viewport?: { width: number; height: number };
  readonly locale?: Locale;
  readonly header?: CompareHeader;
  /** A script to run in the page before anything else (the injection tests' tripwire). */
  readonly init?: string;
}

export class ComparePage extends PanelPage<WebviewMessage> {
  revision = 0;
  /** What the host says is compared; sent with each model. */
  header: CompareHeader;

  private constructor(page: Page, private readonly options: OpenOptions) {
    super(page);
    this.header = options.header ?? { plan: '中国恒通银行上海分行', before: '1a2b3c4 Hengtong: October', after: 'working copy' };
  }

  static async open(browser: Browser, model: ComparePanelModel, options: OpenOptions = {}): Promise<ComparePage> {
    for (const f of ['compare.js', 'compare.css']) {
      if (!fs.existsSync(path.join(DIST, f))) throw new Error(`media/dist/${f} is missing: run npm run build`);
    }
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    const cp = new ComparePage(page, options);
    page.on('pageerror', (e) => cp.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') cp.errors.push(`console: ${m.text()}`); });
    if (options.init) await page.addInitScript(options.init);
    await page.addInitScript(`window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
      window.__sent = [];
      window.acquireVsCodeApi = () => ({
        postMessage: (m) => { window.__sent.push(JSON.parse(JSON.stringify(m))); },
        getState: () => window.__state,
        setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
      });`);
    if (options.vars) {
      const js = Object.entries(options.vars).map(([k, v]) => `document.documentElement.style.setProperty(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('');
      await page.addInitScript(`document.addEventListener('DOMContentLoaded', () => { ${js} });`);
    }
    await page.route(`${ORIGIN}/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === '') return route.fulfill({ contentType: 'text/html', body: html(options.csp ?? true, options.bodyClass ?? 'vscode-light') });
      const file = path.join(DIST, path.basename(name));
      if (!['compare.js', 'compare.css'].includes(name) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: name.endsWith('.js') ? 'text/javascript' : 'text/css', body: fs.readFileSync(file) });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => ((globalThis as unknown as { __sent?: WebviewMessage[] }).__sent ?? []).some((m) => m.type === 'ready'), undefined, { timeout: 30_000 });
    await cp.send(model);
    return cp;
  }

  /** Posts a model as the host does and waits until the page drew it. */
  async send(model: ComparePanelModel, revision = ++this.revision): Promise<void> {
    const locale = this.options.locale ?? 'en';
    const message: HostMessage = {
      type: 'model', revision, model, labels: compareLabels(locale), locale,
      header: this.header,
      state: { uri: 'file:///repo/hengtong-bank.account.md', before: '1a2b3c4d' },
    };
    await this.page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
    await this.page.waitForFunction((r) => ((globalThis as unknown as { __sent?: WebviewMessage[] }).__sent ?? []).some((m) => m.type === 'rendered' && m.revision === r), revision, { timeout: 30_000 });
  }

}
