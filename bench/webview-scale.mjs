// The views at scale: `npm run bench:views` (after `npm run build && npx tsc -p .`).
// 10,000 generated plans (bench/generate.mjs, 3 opportunities each: 30,000), checked in memory, then
//  - the Forecast: the host's query (the deals indexed once: ForecastBook) and the page drawing the
//    model in headless Chromium, per filter: their sum is what a user waits for after a choice;
//  - the Pipeline and Accounts views: the rows of a refresh, and a page of 200;
//  - the stakeholder map of 500 people: layout and drawing, timed inside the page, and "Fit to panel".
// Prints a table with each budget and writes bench/views-results.json. Tests never assert timings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { planText } from './generate.mjs';
import { median } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const out = (...p) => path.join(ROOT, 'out', ...p);
for (const f of [out('src', 'core', 'index.js'), out('test', 'webview', 'forecast-page.js'), path.join(ROOT, 'media', 'dist', 'forecast.js')]) {
  if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run npm run build && npx tsc -p .`);
}
const core = require(out('src', 'core', 'index.js'));
const { ForecastPage } = require(out('test', 'webview', 'forecast-page.js'));
const map = require(out('test', 'webview', 'stakeholder-map-page.js'));

const PLANS = Number(process.argv[2] ?? 10_000);
const TODAY = '2026-11-24';
const time = (f) => { const t = performance.now(); const r = f(); return [performance.now() - t, r]; };
const timeN = (n, f) => median(Array.from({ length: n }, () => time(f)[0]));
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const loadBefore = load();

console.log(`[views] checking ${PLANS.toLocaleString('en')} generated plans in memory…`);
const entries = [];
for (let i = 0; i < PLANS; i++) {
  const d = String(Math.floor(i / 100)).padStart(3, '0');
  entries.push({ uri: `file:///bench/d${d}/p${i}.account.md`, analysis: core.checkPlan(planText(i), { fileName: `p${i}.account.md`, today: TODAY }) });
}
const deals = entries.reduce((n, e) => n + (e.analysis.facts?.opportunities.length ?? 0), 0);
const opts = { benchmark: core.DEFAULT_FUNNEL_BENCHMARK, defaultCurrency: 'CNY' };

// ---- Forecast: the host ----
const [bookMs, book] = time(() => new core.ForecastBook(entries, TODAY));
const owner = entries[0].analysis.plan.owner;
const QUERIES = [
  ['everyone', {}],
  ['an owner', { owner }],
  ['a tier', { tier: 'A' }],
  ['a folder', { folder: 'file:///bench/d001' }],
  ['sort by account', { sort: { key: 'account', dir: 'asc' } }],
];
book.ordered({ key: 'account', dir: 'asc' }); // each order is sorted once per book: the first use of it is the book's cost
// A query the book has not answered yet (book.panel keeps its last 8 models; asked again, one costs nothing).
const host = Object.fromEntries(QUERIES.map(([name, q]) => [name, timeN(7, () => core.forecastPanel(entries, q, { ...opts, today: TODAY }, book))]));
const again = timeN(7, () => book.panel({ owner }, opts));
const unindexed = timeN(5, () => core.forecastPanel(entries, {}, { ...opts, today: TODAY }));
const firstOrderMs = time(() => new core.ForecastBook(entries, TODAY).ordered({ key: 'opportunity', dir: 'asc' }))[0] - bookMs;
const model = book.panel({}, opts);
const sentKb = JSON.stringify(core.withFirstBlock(model)).length / 1024;
const allKb = JSON.stringify(model).length / 1024;

// ---- Forecast: the page (Chromium), the model of each query drawn ----
console.log('[views] the Forecast page in headless Chromium…');
const browser = await map.launch();
const page = await ForecastPage.open(browser, entries, { today: TODAY });
const draw = {};
for (const [name, q] of QUERIES) {
  const ms = [];
  for (let k = 0; k < 5; k++) {
    page.query = k % 2 ? {} : q; // back and forth, so each draw is a change
    await page.sendModel();
    if (k % 2 === 0) ms.push((await page.sent()).filter((m) => m.type === 'rendered').at(-1).ms);
  }
  draw[name] = median(ms);
}
const domRows = await page.page.locator('table.opportunities tbody tr.deal').count();
// Scroll to the end: rows asked for and drawn (the stand-in host answers through Playwright).
page.query = {};
await page.sendModel();
const scrollMs = await page.page.evaluate(async () => {
  const box = document.querySelector('.rows');
  const t0 = performance.now();
  box.scrollTop = box.scrollHeight;
  for (;;) {
    const rows = document.querySelectorAll('tr.deal');
    if (rows.length && !document.querySelector('tr.deal.pending') && rows[rows.length - 1].getAttribute('aria-rowindex') === document.querySelector('table.opportunities').getAttribute('aria-rowcount') - 1 + '') break;
    await new Promise((r) => setTimeout(r, 0));
  }
  await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - t0;
});
await page.close();

// ---- The stakeholder map of 500 people ----
console.log('[views] the stakeholder map of 500 people…');
const server = await map.serve();
const model500 = map.modelOf(map.bigPlan(500));
const firsts = [];
const draws = [];
const painted = [];
const fits = [];
for (let k = 0; k < 3; k++) {
  const mp = await map.openMap(browser, server.url, { width: 1400, height: 860 });
  firsts.push((await map.paintTime(mp, model500)).paintedMs);
  for (let i = 0; i < 3; i++) {
    const r = await map.paintTime(mp, { ...model500, account: `${model500.account} ${i}` });
    draws.push(r.drawMs);
    painted.push(r.paintedMs);
  }
  fits.push(await map.fitTime(mp));
  await mp.page.close();
}
await browser.close();
await server.close();

// ---- Trees: the rows of a refresh, then pages ----
const coreEntries = () => entries.map((e) => ({ uri: e.uri, analysis: e.analysis })).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
const pipelineMs = timeN(3, () => core.pipelineGroups(coreEntries(), 'stage', {}));
const accountsMs = timeN(3, () => core.accountRows(coreEntries()));
const groups = core.pipelineGroups(coreEntries(), 'stage', {});
const largest = groups.reduce((a, g) => (g.items.length > a.items.length ? g : a));
const pages = new core.TreePages();
const pageMs = timeN(7, () => pages.page(largest.key, largest.items));

const fc = (name) => host[name] + draw[name];
const rows = [
  [`Forecast: index the deals (once per change of the plans)`, bookMs, 'ms', ''],
  [`… and the first use of another sort (once per book)`, firstOrderMs, 'ms', ''],
  ...QUERIES.map(([name]) => [`Forecast filter → drawn, ${name}: host ${host[name].toFixed(1)} + page ${draw[name].toFixed(1)} ms`, fc(name), 'ms', '≤ 100', fc(name) <= 100]),
  [`Forecast, everyone, without the book (each plan read and the rows sorted per query): host only`, unindexed, 'ms', ''],
  [`Forecast, a filter asked again (the book keeps the last 8 models): host only`, again, 'ms', ''],
  [`Forecast model posted: first block / all ${model.rowCount.toLocaleString('en')} rows`, `${sentKb.toFixed(0)} / ${allKb.toFixed(0)}`, 'KB', ''],
  [`Forecast table rows in the DOM (of ${model.rowCount.toLocaleString('en')})`, domRows, '', '≤ 300', domRows <= 300],
  [`Forecast: scroll to the end → last deal drawn (block asked of the stand-in host)`, scrollMs, 'ms', ''],
  [`Pipeline view: groups of a refresh, by stage (${deals.toLocaleString('en')} deals)`, pipelineMs, 'ms', ''],
  [`Accounts view: rows of a refresh (${PLANS.toLocaleString('en')} plans)`, accountsMs, 'ms', ''],
  [`a tree page: 200 of ${largest.items.length.toLocaleString('en')} rows (cached until the next refresh)`, pageMs, 'ms', ''],
  [`stakeholder map of 500 people, opened: message → painted`, median(firsts), 'ms', '≤ 300', median(firsts) <= 300],
  [`stakeholder map of 500 people, layout + draw (in the page)`, median(draws), 'ms', '≤ 300', median(draws) <= 300],
  [`stakeholder map of 500 people, after an edit: message → painted`, median(painted), 'ms', ''],
  [`stakeholder map of 500 people, "Fit to panel" (all 500 in view, one shape each): click → painted`, median(fits), 'ms', ''],
];
const fmt = (v) => (typeof v === 'number' ? (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en')) : String(v));
console.log(`\n${PLANS.toLocaleString('en')} plans, ${deals.toLocaleString('en')} opportunities · ${os.availableParallelism()} cores · load (1/5/15 min) before ${loadBefore}, after ${load()}\n`);
console.log('| measure | value | budget | verdict |\n|---|---:|---|---|');
for (const [name, value, unit, budget, pass] of rows) console.log(`| ${name} | ${fmt(value)}${unit ? ` ${unit}` : ''} | ${budget} | ${pass === undefined ? '' : pass ? 'PASS' : 'FAIL'} |`);
fs.writeFileSync(path.join(ROOT, 'bench', 'views-results.json'), JSON.stringify({
  date: new Date().toISOString(), plans: PLANS, deals, cores: os.availableParallelism(), load: { before: loadBefore, after: load() },
  rows: rows.map(([name, value, unit, budget, pass]) => ({ name, value, unit, budget, pass })),
}, null, 2));
