/**
 * The Forecast bundle (media/dist/forecast.js + .css, as `npm run build` makes it) in headless
 * Chromium, on a page with the panel's Content Security Policy, and a stand-in for the extension
 * host: it answers the page's `ready` and `query` messages with models the engine computes from
 * fixture plans, as ForecastPanel does, and the page's requests for more rows as it scrolls.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { PanelPage } from './panel-page';
import {
  applyQueryChange, checkPlan, DEFAULT_FUNNEL_BENCHMARK, ForecastBook, rowBlock, withFirstBlock, type ForecastPanelModel, type ForecastQuery, type PlanEntry,
} from '../../src/core';
import { forecastLabels } from '../../src/extension/features/forecast/forecast-words';
import type { ForecastLabels, HostMessage, WebviewMessage } from '../../src/webview/forecast/protocol';
import { launchChromium } from '../chromium';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'media', 'dist');
export const TODAY = '2026-11-24';
const ORIGIN = 'https://forecast.test';
const NONCE = 'Te5tN0nce4Forecast';

export const launch = (): Promise<Browser> => launchChromium();

/** Every `*.account.md` in the folders (relative to the repository), checked as the index would. */
export function planEntries(...folders: string[]): PlanEntry[] {
  return folders.flatMap((folder) => fs.readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith('.account.md')).sort().map((f) => ({
    uri: `file:///repo/${folder}/${f}`,
    analysis: checkPlan(fs.readFileSync(path.join(ROOT, folder, f), 'utf8'), { fileName: f, today: TODAY }),
  })));
}

/** The panel's page: the same CSP as panelHtml (or none, to prove the page itself never runs plan text). */
function html(csp: boolean, bodyClass: string): string {
  const policy = [`default-src 'none'`, `style-src ${ORIGIN}`, `img-src ${ORIGIN} data: blob:`, `font-src ${ORIGIN}`, `script-src 'nonce-${NONCE}'`].join('; ');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
${csp ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : ''}
<link rel="stylesheet" href="${ORIGIN}/forecast.css"><title>Forecast</title></head>
<body class="${bodyClass}"><div id="app"></div><script nonce="${NONCE}" src="${ORIGIN}/forecast.js"></script></body></html>`;
}

export interface OpenOptions {
  readonly csp?: boolean;
  readonly bodyClass?: string;
  /** CSS variables set on <html>, as VS Code sets its theme's. */
  readonly vars?: Record<string, string>;
  readonly viewport?: { width: number; height: number };
  readonly query?: ForecastQuery;
  readonly folderLabel?: string;
  readonly labels?: ForecastLabels;
  readonly defaultCurrency?: string;
  /** The host's today (overdue deals); default TODAY. */
  readonly today?: string;
  /** More script to run in the page before the bundle (the injection tests' tripwire). */
  readonly init?: string;
}

/** One page with its stand-in host. */
export class ForecastPage extends PanelPage<WebviewMessage> {
  query: ForecastQuery;
  revision = 0;
  /** The revision of the last model posted (the page asks for more of its rows by it). */
  private modelRevision = 0;
  /** Blocks of rows the page asked for, by where they start. */
  readonly fetched: number[] = [];
  /** Messages from the page already handled (rendered reports and row requests aside). */
  private consumed = 0;
  model: ForecastPanelModel | undefined;
  /** The deals indexed once, as ForecastPanel keeps them. */
  private book: ForecastBook | undefined;

  private constructor(page: Page, readonly entries: PlanEntry[], private readonly options: OpenOptions) {
    super(page);
    this.query = options.query ?? {};
  }

  static async open(browser: Browser, entries: PlanEntry[], options: OpenOptions = {}): Promise<ForecastPage> {
    for (const f of ['forecast.js', 'forecast.css']) {
      if (!fs.existsSync(path.join(DIST, f))) throw new Error(`media/dist/${f} is missing: run npm run build`);
    }
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    const fp = new ForecastPage(page, entries, options);
    page.on('pageerror', (e) => fp.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') fp.errors.push(`console: ${m.text()}`); });
    if (options.init) await page.addInitScript(options.init);
    // Requests for rows are answered at once, as the host does, while a test waits for something else.
    await page.exposeBinding('__askRows', (_source, m: { of: number; from: number }) => fp.answerRows(m));
    // A stand-in for VS Code's webview API that records what the page posts and keeps.
    await page.addInitScript(`window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
      window.__sent = [];
      window.acquireVsCodeApi = () => ({
        postMessage: (m) => { window.__sent.push(JSON.parse(JSON.stringify(m))); if (m && m.type === 'rows') window.__askRows(m); },
        getState: () => window.__state,
        setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
      });`);
    await page.route(`${ORIGIN}/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === '') return route.fulfill({ contentType: 'text/html', body: html(options.csp ?? true, options.bodyClass ?? 'vscode-light') });
      const file = path.join(DIST, path.basename(name));
      if (!['forecast.js', 'forecast.css'].includes(name) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: name.endsWith('.js') ? 'text/javascript' : 'text/css', body: fs.readFileSync(file) });
    });
    if (options.vars) await fp.setVars(options.vars);
    await page.goto(`${ORIGIN}/`);
    const ready = await fp.nextMessage();
    if (ready.type !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(ready)}`);
    await fp.sendModel();
    return fp;
  }

  /** Waits for the next message that is not a rendered report or a request for rows. */
  async nextMessage(): Promise<WebviewMessage> {
    const n = this.consumed;
    // A function, not a string: once the first check fails, Playwright polls inside the page, and
    // there a string predicate goes through eval, which the page's CSP refuses.
    await this.page.waitForFunction((k) => ((globalThis as unknown as { __sent?: WebviewMessage[] }).__sent ?? []).filter((m) => m.type !== 'rendered' && m.type !== 'rows').length > k, n, { timeout: 30_000 });
    const all = (await this.sent()).filter((m) => m.type !== 'rendered' && m.type !== 'rows');
    this.consumed = n + 1;
    return all[n];
  }

  /** Computes the model for the current query, posts it as the host does, waits until it is drawn. */
  async sendModel(): Promise<ForecastPanelModel> {
    // As ForecastPanel: the book is made again when the plans change (a test may replace `entries`).
    if (!this.book || this.book.entries.length !== this.entries.length || this.entries.some((e, i) => e !== this.book!.entries[i])) {
      this.book = new ForecastBook([...this.entries], this.options.today ?? TODAY);
    }
    this.model = this.book.panel(this.query, { benchmark: DEFAULT_FUNNEL_BENCHMARK, defaultCurrency: this.options.defaultCurrency ?? 'CNY' });
    const revision = ++this.revision;
    this.modelRevision = revision;
    const message: HostMessage = {
      type: 'model', revision, model: withFirstBlock(this.model), labels: this.options.labels ?? forecastLabels('en'), locale: 'en', folderLabel: this.options.folderLabel,
    };
    await this.page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
    await this.page.waitForFunction((r) => ((globalThis as unknown as { __sent?: WebviewMessage[] }).__sent ?? []).some((m) => m.type === 'rendered' && m.revision === r), revision, { timeout: 30_000 });
    return this.model;
  }

  /** Answers a request for rows as ForecastPanel does: a block of the model's rows, if the model is still the last one. */
  async answerRows(m: { of: number; from: number }): Promise<void> {
    if (m.of !== this.modelRevision || !this.model) return;
    this.fetched.push(m.from);
    const message: HostMessage = { type: 'rows', revision: ++this.revision, of: m.of, from: m.from, rows: rowBlock(this.model, m.from) };
    await this.page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  }

  /** Expects the page to ask for a new query (after a click or a choice), and answers it. */
  async answerQuery(): Promise<WebviewMessage & { type: 'query' }> {
    const m = await this.nextMessage();
    if (m.type !== 'query') throw new Error(`expected a query, got ${JSON.stringify(m)}`);
    this.query = applyQueryChange(this.query, m.change);
    await this.sendModel();
    return m;
  }

  async setVars(vars: Record<string, string>): Promise<void> {
    const js = Object.entries(vars).map(([k, v]) => `document.documentElement.style.setProperty(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('');
    await this.page.addInitScript(`document.addEventListener('DOMContentLoaded', () => { ${js} });`);
    if (this.page.url().startsWith(ORIGIN)) await this.page.evaluate(js);
  }

  /** Non-transparent pixels of a canvas, and its size. */
  ink(canvasId: string): Promise<{ width: number; height: number; painted: number }> {
    return this.page.evaluate(`(() => {
      const c = document.getElementById(${JSON.stringify(canvasId)});
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return { width: c.width, height: c.height, painted: n };
    })()`) as Promise<{ width: number; height: number; painted: number }>;
  }

}
