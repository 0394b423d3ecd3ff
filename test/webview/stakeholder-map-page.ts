/**
 * The stakeholder map bundle (media/dist/stakeholder-map.js + .css, as `npm run build` makes it) in
 * headless Chromium, served from 127.0.0.1 behind the same Content Security Policy the panel has,
 * with a stand-in `acquireVsCodeApi` that records messages and keeps state in sessionStorage
 * (so a reload restores it, as VS Code does when a hidden webview comes back).
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { checkPlan, DEFAULT_SETTINGS, stakeholderMap, type MapModel, type Settings } from '../../src/core';
import type { HostMessage, MapLabels, WebviewMessage } from '../../src/webview/stakeholder-map/protocol';
import { mapLabels } from '../../src/extension/features/stakeholder-map/map-words';
import { launchChromium } from '../chromium';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'media', 'dist');
export const TODAY = '2026-11-24';

/** The model of a plan text, as the host would send it. */
export function modelOf(text: string, fileName = 'plan.account.md', settings: Settings = DEFAULT_SETTINGS): MapModel {
  const m = stakeholderMap(checkPlan(text, { fileName, today: TODAY, settings }), settings);
  if (!m) throw new Error(`${fileName}: no model (frontmatter does not parse)`);
  return m;
}

export const fixtureText = (...p: string[]): string => fs.readFileSync(path.join(ROOT, ...p), 'utf8');

/** A deterministic plan of `n` people: a reporting tree with a few loose people and one cycle. */
export function bigPlan(n: number): string {
  const roles = ['economic', 'technical', 'user', 'financial', 'coach', 'influencer'];
  const layers = ['decision', 'procurement', 'usage'];
  const att = ['A', 'B+', 'B', 'C', 'D', 'E-'];
  const inf = ['high', 'medium', 'low'];
  const out = ['---', 'account: Big Org', 'tier: A', 'stakeholders:'];
  for (let i = 0; i < n; i++) {
    out.push(`  - id: p${i}`, `    name: 员工 ${i} Person`, `    title: Manager of unit ${i}`, `    roles: [${roles[i % 6]}${i % 7 === 0 ? ', coach' : ''}]`,
      `    layer: ${layers[Math.min(2, Math.floor(Math.log2(i + 1) / 2))]}`, `    attitude: ${att[i % att.length]}`, `    influence: ${inf[i % 3]}`,
      `    grid: { personal: ${1 + (i % 5)}, company: ${'ABCDE'[(i * 3) % 5]} }`);
    if (i > 0 && i % 25 !== 0) out.push(`    reports_to: p${Math.floor((i - 1) / 3)}`);
  }
  out.push('visits:', `  - { date: 2026-11-20, with: [p0, p1], attitudes: { p1: C } }`, `  - { date: 2026-11-22, with: [p1], attitudes: { p1: B } }`, '---', '');
  return out.join('\n');
}

interface Served { readonly url: string; close(): Promise<void> }

/** media/dist behind the panel's CSP (default-src 'none'; scripts only with the nonce). */
export async function serve(): Promise<Served> {
  for (const f of ['stakeholder-map.js', 'stakeholder-map.css']) {
    if (!fs.existsSync(path.join(DIST, f))) throw new Error(`media/dist/${f} is missing: run npm run build`);
  }
  const nonce = 'T3stN0nce' + Math.random().toString(36).slice(2);
  const server = http.createServer((req, res) => {
    const origin = `http://${req.headers.host}`;
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/') {
      const csp = ["default-src 'none'", `style-src ${origin}`, `img-src ${origin} data: blob:`, `font-src ${origin}`, `script-src 'nonce-${nonce}'`].join('; ');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><link rel="stylesheet" href="/stakeholder-map.css"><title>map</title></head>
<body><div id="app" data-loading="${mapLabels('zh-cn').loading}"></div><script nonce="${nonce}" src="/stakeholder-map.js"></script></body></html>`);
      return;
    }
    if (url.pathname === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    const file = path.join(DIST, path.basename(url.pathname));
    if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

export const launch = (): Promise<Browser> => launchChromium();

export interface MapPage {
  readonly page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  readonly problems: string[];
  revision: number;
}

/** Runs in the page before the bundle: the VS Code API stand-in and the CSP violation log. */
const INIT = `
window.__sent = [];
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
window.acquireVsCodeApi = () => ({
  postMessage: (m) => window.__sent.push(m),
  getState: () => { const s = sessionStorage.getItem('state'); return s ? JSON.parse(s) : undefined; },
  setState: (s) => sessionStorage.setItem('state', JSON.stringify(s)),
});`;

/** `init`: more script to run in the page before the bundle (the injection tests' tripwire). */
export async function openMap(browser: Browser, url: string, size = { width: 1280, height: 800 }, init = ''): Promise<MapPage> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  if (init) await page.addInitScript(init);
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(INIT);
  await page.goto(url);
  await waitForSent(page, 'ready', 1);
  return { page, problems, revision: 0 };
}

/**
 * Waits until the page has posted `count` messages of `type`. (A function, not a string: the
 * page's CSP has no 'unsafe-eval', and Playwright evaluates a string predicate with eval.)
 */
export async function waitForSent(page: Page, type: WebviewMessage['type'], count: number): Promise<void> {
  await page.waitForFunction(([t, n]) => (globalThis as unknown as { __sent: WebviewMessage[] }).__sent.filter((m) => m.type === t).length >= (n as number), [type, count] as const);
}

/** Posts a model as the host does and waits until the page reports it drawn. */
export async function showModel(mp: MapPage, model: MapModel, labels?: MapLabels): Promise<Extract<WebviewMessage, { type: 'rendered' }>> {
  const revision = ++mp.revision;
  const message = { type: 'model', revision, planUri: 'file:///w/plan.account.md', model, labels: labels ?? mapLabels('en') } as HostMessage;
  await mp.page.evaluate((m) => { (globalThis as unknown as { postMessage(m: unknown, origin: string): void }).postMessage(m, '*'); }, message);
  return waitForRendered(mp, revision);
}

export async function waitForRendered(mp: MapPage, revision: number): Promise<Extract<WebviewMessage, { type: 'rendered' }>> {
  const handle = await mp.page.waitForFunction(
    (r) => (globalThis as unknown as { __sent: WebviewMessage[] }).__sent.filter((m) => m.type === 'rendered' && m.revision === r).at(-1), revision);
  return (await handle.jsonValue()) as Extract<WebviewMessage, { type: 'rendered' }>;
}

export async function sent(page: Page): Promise<WebviewMessage[]> {
  return page.evaluate(() => (globalThis as unknown as { __sent: WebviewMessage[] }).__sent);
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp);
}

export interface Rect { readonly key: string; readonly x: number; readonly y: number; readonly w: number; readonly h: number }

/** Screen rectangles of the elements matching `selector`, keyed by data-key (or data-role). */
export async function rects(page: Page, selector: string): Promise<Rect[]> {
  return page.$$eval(selector, (els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { key: e.getAttribute('data-key') ?? e.getAttribute('data-role') ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
  }));
}

/** Pairs of rectangles that overlap by more than a hair. */
export function overlaps(rs: readonly Rect[]): string[] {
  const out: string[] = [];
  const eps = 0.5;
  const sorted = [...rs].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].x < a.x + a.w - eps; j++) {
      const b = sorted[j];
      if (a.y < b.y + b.h - eps && b.y < a.y + a.h - eps) out.push(`${a.key} × ${b.key}`);
    }
  }
  return out;
}

/**
 * Message → painted, timed inside the page: from posting the model (as the host's postMessage
 * arrives) until the frame after the page reported it drawn. Playwright's round trips stay out.
 */
export async function paintTime(mp: MapPage, model: MapModel): Promise<{ drawMs: number; paintedMs: number }> {
  const revision = ++mp.revision;
  const message = { type: 'model', revision, planUri: 'file:///w/plan.account.md', model, labels: mapLabels('en') } as HostMessage;
  return mp.page.evaluate(async (m) => {
    const w = globalThis as unknown as { __sent: WebviewMessage[]; postMessage(m: unknown, origin: string): void; requestAnimationFrame(f: () => void): void };
    const frame = () => new Promise<void>((res) => w.requestAnimationFrame(res));
    const t0 = performance.now();
    w.postMessage(m, '*');
    let done: WebviewMessage | undefined;
    while (!(done = w.__sent.find((x) => x.type === 'rendered' && x.revision === m.revision))) await new Promise((res) => setTimeout(res, 0));
    await frame();
    await frame();
    return { drawMs: (done as { ms: number }).ms, paintedMs: performance.now() - t0 };
  }, message);
}

/**
 * "Fit to panel" → painted, timed inside the page: from the click until the frame after the one
 * that drew what came into view (the whole map: for a large plan, one shape per person).
 */
export async function fitTime(mp: MapPage): Promise<number> {
  return mp.page.evaluate(async () => {
    const w = globalThis as unknown as { document: { querySelector(s: string): { click(): void } | null }; requestAnimationFrame(f: () => void): void };
    const frame = () => new Promise<void>((res) => w.requestAnimationFrame(res));
    const t0 = performance.now();
    w.document.querySelector('button[data-action="fit"]')!.click();
    await frame();
    await frame();
    return performance.now() - t0;
  });
}
