import * as assert from 'assert';
import type { Browser } from 'playwright-core';
import { ATTITUDE_BADGES, type MapModel } from '../../src/core';
import type { MapState, WebviewMessage } from '../../src/webview/stakeholder-map/protocol';
import { mapLabels } from '../../src/extension/features/stakeholder-map/map-words';
import { KEEP_MARGIN_PX } from '../../src/webview/stakeholder-map/in-view';
import { CARD, CHIP, orgLayout, sceneFor } from '../../src/webview/stakeholder-map/layout';
import { cssRgb } from '../colour-vision';
import {
  bigPlan, cspViolations, fixtureText, launch, modelOf, openMap, overlaps, rects, sent, serve, showModel, waitForRendered, waitForSent, type MapPage, type Rect,
} from './stakeholder-map-page';

/* The page's globals, for the callbacks that run in Chromium (this file compiles without the DOM lib). */
interface PageNode {
  readonly attributes: Iterable<{ readonly name: string }>;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): Iterable<PageNode> & { readonly length: number };
}
declare const document: PageNode;
declare function getComputedStyle(e: unknown): Record<string, string>;
declare const sessionStorage: { getItem(key: string): string | null };
declare function requestAnimationFrame(f: () => void): void;
declare const DOMParser: new () => { parseFromString(text: string, type: string): PageNode };
const pagePost = (m: unknown) => (globalThis as unknown as { postMessage(m: unknown, origin: string): void }).postMessage(m, '*');

/** The badge fills of the palette module, as the browser reports them. */
const PALETTE: Record<string, string> = Object.fromEntries(
  Object.entries(ATTITUDE_BADGES).map(([key, b]) => [key === 'unknown' ? 'none' : key, cssRgb(b.fill)]),
);

const hengtong = () => modelOf(fixtureText('examples', 'hengtong-bank.account.md'), 'hengtong-bank.account.md');
const attitudes = () => modelOf(fixtureText('test', 'fixtures', 'stakeholder-map', 'attitudes.account.md'), 'attitudes.account.md');
const xss = () => modelOf(fixtureText('test', 'fixtures', 'stakeholder-map', 'xss.account.md'), 'xss.account.md');

describe('stakeholder map webview (headless Chromium)', function () {
  this.timeout(60000);
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let mp: MapPage;

  before(async () => {
    server = await serve();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    mp = await openMap(browser, server.url);
  });
  afterEach(async function () {
    const problems = [...mp.problems, ...(await cspViolations(mp.page)).map((v) => `CSP: ${v}`)];
    await mp.page.close();
    if (this.currentTest?.state === 'passed') assert.deepStrictEqual(problems, [], 'no console error, page error or CSP violation');
  });

  const mode = async (m: string) => {
    const before = (await sent(mp.page)).filter((x) => x.type === 'rendered').length;
    await mp.page.click(`button[data-mode="${m}"]`);
    await mp.page.waitForFunction((n) => (globalThis as unknown as { __sent: WebviewMessage[] }).__sent.filter((x) => x.type === 'rendered').length > n, before);
  };

  /** A pan or zoom draws what came into view in the next animation frame: waits for it. */
  const nextFrame = () => mp.page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
  /** "Fit to panel", and the frame that draws it. */
  const fitToPanel = async () => {
    await mp.page.click('button[data-action="fit"]');
    await nextFrame();
  };
  const stageRect = async () => (await rects(mp.page, 'svg.map'))[0];
  const inside = (c: Rect, stage: Rect) => c.x >= stage.x - 1 && c.y >= stage.y - 1 && c.x + c.w <= stage.x + stage.w + 1 && c.y + c.h <= stage.y + stage.h + 1;
  /** The people drawn, full or as a shape; a target's dashed chip as "key (target)". */
  const drawnPeople = () => mp.page.$$eval('.card, .chip', (es) => es.map((e) => `${e.getAttribute('data-key')}${e.classList.contains('ghost') ? ' (target)' : ''}`));
  /** The people the scene of `m` (laid out as the page does) has on screen at the page's current pan and zoom. */
  const onScreen = async (model: MapModel, m: 'org' | 'layers' | 'grid'): Promise<string[]> => {
    const labels = mapLabels('en');
    const scene = sceneFor(m, model, labels, () => orgLayout(model, labels));
    const [, x, y, k] = (/translate\(([-\d.]+),([-\d.]+)\) scale\(([\d.]+)\)/.exec((await mp.page.getAttribute('g.viewport', 'transform')) ?? '') ?? []).map(Number);
    const stage = await stageRect();
    const shown = (b: { x: number; y: number; w: number; h: number }) => b.x * k + x < stage.w && (b.x + b.w) * k + x > 0 && b.y * k + y < stage.h && (b.y + b.h) * k + y > 0;
    return [
      ...scene.cards.filter((c) => shown({ x: c.x, y: c.y, w: CARD.w * c.scale, h: CARD.h * c.scale })).map((c) => c.person.key),
      ...scene.chips.filter((c) => shown({ x: c.x, y: c.y, ...CHIP })).map((c) => `${c.person.key}${c.ghost ? ' (target)' : ''}`),
    ];
  };
  const assertCovers = async (model: MapModel, m: 'org' | 'layers' | 'grid', where: string) => {
    const drawn = new Set(await drawnPeople());
    const expected = await onScreen(model, m);
    assert.ok(expected.length > 0, `${where}: somebody is on screen`);
    assert.deepStrictEqual(expected.filter((k) => !drawn.has(k)), [], `${where}: everyone on screen is drawn`);
  };
  const focusedKey = () => mp.page.evaluate(() => (document as unknown as { activeElement: PageNode | null }).activeElement?.getAttribute('data-key') ?? null);

  it('has no words of its own: the loading line from the HTML, then the toolbar in the words the host sends', async () => {
    assert.strictEqual(await mp.page.locator('.notice').textContent(), '正在读取计划…', 'the line panelHtml puts into data-loading');
    assert.strictEqual(await mp.page.locator('.toolbar button').count(), 0, 'no toolbar before the host\'s words');
    await showModel(mp, hengtong(), mapLabels('zh-cn'));
    assert.deepStrictEqual(await mp.page.locator('button[data-mode]').allTextContents(), ['组织架构', '决策层级', '25 格']);
    assert.strictEqual(await mp.page.locator('button[data-action="export-svg"]').getAttribute('title'), '导出 SVG（保存在计划旁）');
  });

  it('asks for the model when loaded, then draws one card per person of the example plan', async () => {
    assert.deepStrictEqual((await sent(mp.page))[0], { type: 'ready' });
    const model = hengtong();
    const r = await showModel(mp, model);
    assert.deepStrictEqual([r.mode, r.cards, r.placeholders], ['org', 9, 0]);
    assert.strictEqual(await mp.page.locator('g.card').count(), 9);
    assert.strictEqual(await mp.page.locator('path.edge').count(), model.edges.length);
    assert.strictEqual(await mp.page.textContent('h1.account'), '中国恒通银行上海分行');
    const names = await mp.page.$$eval('g.card text.name', (ts) => ts.map((t) => t.textContent));
    assert.deepStrictEqual([...names].sort(), model.people.map((p) => p.name).sort());
    const top = (await rects(mp.page, 'g.card')).sort((a, b) => a.y - b.y)[0];
    assert.strictEqual(top.key, 'wangxing', 'the branch president heads the chart');
  });

  it('colours each badge by attitude (A–E and unknown), always with the letter; greys people who left', async () => {
    await showModel(mp, attitudes());
    const badges = await mp.page.$$eval('g.card', (gs) => gs.map((g) => ({
      key: g.getAttribute('data-key'),
      fill: getComputedStyle(g.querySelector('.att-badge')!).fill,
      letter: g.querySelector('.att-letter')!.textContent,
      opacity: getComputedStyle(g).opacity,
      gone: g.classList.contains('gone'),
    })));
    const by = Object.fromEntries(badges.map((b) => [b.key, b]));
    assert.deepStrictEqual(['boss', 'bea', 'cai', 'dan', 'eve', 'unk'].map((k) => [by[k].letter, by[k].fill]), [
      ['A', PALETTE.A], ['B+', PALETTE.B], ['C', PALETTE.C], ['D-', PALETTE.D], ['E', PALETTE.E], ['?', PALETTE.none]]);
    assert.strictEqual(by.gone.gone, true);
    assert.ok(Number(by.gone.opacity) < 0.6, `greyed (opacity ${by.gone.opacity})`);
    assert.strictEqual(by.gone.fill, PALETTE.none, 'a person who left loses the attitude colour, keeps the letter');
    assert.strictEqual(by.gone.letter, 'A');
    const legend = await mp.page.$$eval('.legend .swatch', (s) => s.map((x) => [x.textContent, getComputedStyle(x).backgroundColor]));
    assert.deepStrictEqual(legend, ['A', 'B', 'C', 'D', 'E'].map((l) => [l, PALETTE[l]]));
  });

  it('shows roles, layer, influence size, freshness and trend on the card', async () => {
    await showModel(mp, attitudes());
    const card = (key: string) => mp.page.locator(`g.card[data-key="${key}"]`);
    assert.deepStrictEqual(await card('bea').locator('.role-text').allTextContents(), ['Tech']);
    assert.strictEqual(await card('boss').locator('.layer').textContent(), 'decision');
    assert.strictEqual(await card('gone').locator('.layer').textContent(), 'left 2026-06-30');
    const size = async (key: string) => (await rects(mp.page, `g.card[data-key="${key}"] .card-bg`))[0].w;
    assert.ok(await size('boss') > await size('bea') && await size('bea') > await size('cai'), 'high > medium > low influence');
    const fresh = async (key: string) => (await card(key).locator('.fresh').getAttribute('class'))?.replace('fresh ', '');
    assert.deepStrictEqual([await fresh('boss'), await fresh('cai'), await fresh('dan'), await fresh('unk')], ['fresh-fresh', 'fresh-ageing', 'fresh-stale', 'fresh-never'],
      'B tier (60 days): 4 days fresh, 54 ageing, 207 stale, never met');
    assert.strictEqual(await card('bea').locator('.trend').textContent(), '↑', 'C → B+');
    assert.strictEqual(await card('dan').locator('.trend').textContent(), '↓', 'B → D-');
    assert.strictEqual(await card('boss').locator('.trend').count(), 0, 'no history, no arrow');
  });

  it('draws a dashed placeholder card for each required role nobody holds', async () => {
    const r = await showModel(mp, attitudes());
    assert.strictEqual(r.placeholders, 2);
    const ph = await mp.page.$$eval('g.placeholder', (gs) => gs.map((g) => ({
      role: g.getAttribute('data-role'), text: g.textContent, dash: getComputedStyle(g.querySelector('rect')!).strokeDasharray,
    })));
    assert.deepStrictEqual(ph.map((p) => p.role), ['user', 'coach']);
    assert.ok(ph.every((p) => p.dash !== 'none' && p.dash !== ''), 'dashed');
    assert.match(ph[1].text ?? '', /nobody holds the coach role/);
    for (const m of ['layers', 'grid']) {
      await mode(m);
      assert.strictEqual(await mp.page.locator('g.placeholder').count(), 2, `placeholders in ${m}`);
    }
  });

  it('lays out without overlapping cards in every mode (example plan, a cyclic plan, 300 people)', async () => {
    const cyclic = modelOf('---\naccount: Loop\nstakeholders:\n  - { id: a, name: A, reports_to: c }\n  - { id: b, name: B, reports_to: a }\n  - { id: c, name: C, reports_to: b }\n  - { id: d, name: D, reports_to: d }\n  - { id: e, name: E }\n---\n');
    for (const model of [hengtong(), attitudes(), cyclic, modelOf(bigPlan(300))]) {
      await showModel(mp, model);
      for (const m of ['org', 'layers', 'grid']) {
        if (m !== 'org') await mode(m);
        // 300 people do not fit the panel at 100 %, and only what is in view is drawn: the whole map, fitted.
        if (model.people.length > 50) await fitToPanel();
        const boxes = await rects(mp.page, '.card, .chip, .placeholder');
        const persons = new Set(boxes.filter((b) => !b.key.match(/^(economic|technical|user|financial|coach|influencer)$/)).map((b) => b.key));
        assert.strictEqual(persons.size, model.people.length, `${model.account} ${m}: everyone is drawn`);
        assert.deepStrictEqual(overlaps(boxes), [], `${model.account} ${m}: no overlap`);
      }
      await mode('org');
    }
  });

  it('org chart: each report sits a row under the boss, every reporting line is drawn, a cycle still shows', async () => {
    const cyclic = modelOf('---\naccount: Loop\nstakeholders:\n  - { id: a, name: A, reports_to: c }\n  - { id: b, name: B, reports_to: a }\n  - { id: c, name: C, reports_to: b }\n  - { id: r, name: R }\n  - { id: s, name: S, reports_to: r }\n---\n');
    for (const model of [hengtong(), cyclic, modelOf(bigPlan(300))]) {
      await showModel(mp, model);
      if (model.people.length > 50) await fitToPanel();
      const at = new Map((await rects(mp.page, '.card')).map((r) => [r.key, r]));
      assert.strictEqual(at.size, model.people.length, `${model.account}: everyone drawn`);
      assert.strictEqual(await mp.page.locator('path.edge').count(), model.edges.length, `${model.account}: one line per reports_to`);
      const below = model.edges.filter((e) => at.get(e.to)!.y >= at.get(e.from)!.y + at.get(e.from)!.h);
      // In a cycle one line has to go back up; everywhere else the report is under the boss.
      assert.strictEqual(below.length, model.edges.length - (model === cyclic ? 1 : 0), `${model.account}: reports below their boss`);
    }
  });

  it('layers mode: decision, procurement and usage bands, each person inside their band', async () => {
    await showModel(mp, hengtong());
    await mode('layers');
    const bands = await rects(mp.page, 'rect.band');
    const bandLabels = await mp.page.$$eval('text.band', (ts) => ts.map((t) => t.textContent));
    assert.deepStrictEqual(bandLabels, ['decision', 'procurement', 'usage']);
    const layerOf = Object.fromEntries(hengtong().people.map((p) => [p.key, p.layer]));
    for (const c of await rects(mp.page, 'g.card')) {
      const band = bands[['decision', 'procurement', 'usage'].indexOf(layerOf[c.key] ?? '')];
      assert.ok(band && c.y >= band.y && c.y + c.h <= band.y + band.h, `${c.key} inside the ${layerOf[c.key]} band`);
    }
  });

  it('25-grid: a 5 × 5 matrix, current positions as chips, targets as dashed chips with an arrow', async () => {
    const model = hengtong();
    await showModel(mp, model);
    await mode('grid');
    const cells = await rects(mp.page, 'rect.cell');
    assert.strictEqual(cells.length, 25);
    const xs = [...new Set(cells.map((c) => Math.round(c.x)))].sort((a, b) => a - b);
    const ys = [...new Set(cells.map((c) => Math.round(c.y)))].sort((a, b) => a - b);
    const cellOf = (r: { x: number; y: number; w: number; h: number }) => {
      const cx = r.x + r.w / 2, cy = r.y + r.h / 2;
      const col = xs.filter((x) => x <= cx).length, row = ys.filter((y) => y <= cy).length;
      return `${col}${'ABCDE'[row - 1]}`;
    };
    const current = await rects(mp.page, 'g.chip:not(.ghost)');
    const ghosts = await rects(mp.page, 'g.chip.ghost');
    for (const p of model.people.filter((x) => x.grid)) {
      const chip = current.find((c) => c.key === p.key)!;
      assert.strictEqual(cellOf(chip), `${p.grid!.personal}${p.grid!.company}`, `${p.name} current`);
    }
    const withTarget = model.people.filter((p) => p.target?.grid);
    assert.deepStrictEqual(ghosts.map((g) => g.key).sort(), withTarget.map((p) => p.key).sort());
    for (const p of withTarget) assert.strictEqual(cellOf(ghosts.find((g) => g.key === p.key)!), `${p.target!.grid!.personal}${p.target!.grid!.company}`, `${p.name} target`);
    assert.strictEqual(await mp.page.locator('path.arrow').count(), withTarget.filter((p) => p.grid).length);
    assert.strictEqual(await mp.page.locator('text.heading', { hasText: 'Not on the grid' }).count(), 1);
  });

  it('25-grid: clicking an arrow reveals the person it belongs to, not the first person', async () => {
    const model = hengtong();
    await showModel(mp, model);
    await mode('grid');
    const arrow = mp.page.locator('path.arrow').first();
    const key = await arrow.getAttribute('data-key');
    const person = model.people.find((p) => p.key === key)!;
    assert.notStrictEqual(person.index, 0, 'the fixture\'s first arrow is not the first person\'s');
    await arrow.dispatchEvent('click');
    assert.deepStrictEqual((await sent(mp.page)).filter((m) => m.type === 'reveal').at(-1), { type: 'reveal', index: person.index });
  });

  it('hover shows needs, notes and the attitude history', async () => {
    const model = modelOf(fixtureText('examples', 'hengtong-bank.account.md').replace('    notes: 决策风格稳健', '    notes: 决策风格稳健'));
    await showModel(mp, model);
    await mp.page.hover('g.card[data-key="wangxing"]');
    const tip = mp.page.locator('.tooltip');
    await tip.waitFor({ state: 'visible' });
    const text = (await tip.textContent()) ?? '';
    for (const part of ['王行健', '网点运营成本三年降 15%', '明年竞聘总行部门总经理', '决策风格稳健', 'Attitude history', 'Company needs', 'Personal needs']) {
      assert.ok(text.includes(part), `${part} in ${text}`);
    }
    const history = model.people.find((p) => p.key === 'wangxing')!.history;
    assert.ok(history.length > 0);
    assert.ok(text.includes(history.map((h) => `${h.date} ${h.attitude}`).join(' → ')), 'the history in date order');
    await mp.page.mouse.move(2, 2);
    await tip.waitFor({ state: 'hidden' });
  });

  it('hover says how long ago the last contact was as people say it: days, months, years', async () => {
    const model = modelOf(fixtureText('examples', 'hengtong-bank.account.md'));
    for (const [days, words] of [[12, '12 days ago'], [95, '3 months ago'], [7459, '20 years ago'], [1, 'yesterday']] as const) {
      await showModel(mp, { ...model, people: model.people.map((p) => (p.key === 'wangxing' ? { ...p, daysSinceContact: days } : p)) });
      await mp.page.hover('g.card[data-key="wangxing"]');
      const tip = mp.page.locator('.tooltip');
      await tip.waitFor({ state: 'visible' });
      assert.ok(((await tip.textContent()) ?? '').includes(`(${words})`), `${days} days: ${words}`);
      await mp.page.mouse.move(2, 2);
      await tip.waitFor({ state: 'hidden' });
    }
  });

  it('click selects the person and asks the host to reveal them; a drag pans and reveals nothing', async () => {
    await showModel(mp, hengtong());
    await mp.page.click('g.card[data-key="lin"]');
    assert.deepStrictEqual((await sent(mp.page)).filter((m) => m.type === 'reveal'), [{ type: 'reveal', index: 3 }]);
    assert.strictEqual(await mp.page.locator('g.card.selected').getAttribute('data-key'), 'lin');
    const before = await mp.page.getAttribute('g.viewport', 'transform');
    const box = (await rects(mp.page, 'g.card[data-key="lin"]'))[0];
    await mp.page.mouse.move(box.x + 20, box.y + 20);
    await mp.page.mouse.down();
    await mp.page.mouse.move(box.x + 120, box.y + 80, { steps: 5 });
    await mp.page.mouse.up();
    assert.notStrictEqual(await mp.page.getAttribute('g.viewport', 'transform'), before, 'panned');
    assert.strictEqual((await sent(mp.page)).filter((m) => m.type === 'reveal').length, 1, 'the drag revealed nothing');
    await mp.page.keyboard.press('Tab');
    await mp.page.focus('g.card[data-key="huang"]');
    await mp.page.keyboard.press('Enter');
    assert.deepStrictEqual((await sent(mp.page)).filter((m) => m.type === 'reveal').at(-1), { type: 'reveal', index: 4 }, 'Enter on a focused card');
  });

  it('wheel and buttons zoom; a new model keeps zoom, pan and selection; so does a reload (webview state)', async () => {
    const model = hengtong();
    await showModel(mp, model);
    const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await mp.page.getAttribute('g.viewport', 'transform')) ?? '')?.[1]);
    const k0 = await scale();
    await mp.page.mouse.move(600, 400);
    await mp.page.mouse.wheel(0, -300);
    await mp.page.waitForFunction((k) => !document.querySelector('g.viewport')?.getAttribute('transform')?.includes(`scale(${k})`), k0.toFixed(4));
    const k1 = await scale();
    assert.ok(k1 > k0, `wheel up zooms in (${k0} → ${k1})`);
    await mp.page.click('button[data-action="zoom-out"]');
    assert.ok(await scale() < k1);
    await mp.page.click('g.card[data-key="liu"]');
    const transform = await mp.page.getAttribute('g.viewport', 'transform');

    const edited: MapModel = { ...model, people: model.people.map((p) => (p.key === 'sun' ? { ...p, name: '孙倩(已改名)' } : p)) };
    await showModel(mp, edited);
    assert.strictEqual(await mp.page.getAttribute('g.viewport', 'transform'), transform, 'zoom and pan kept');
    assert.strictEqual(await mp.page.locator('g.card.selected').getAttribute('data-key'), 'liu', 'selection kept');
    assert.strictEqual(await mp.page.locator('g.card[data-key="sun"] text.name').textContent(), '孙倩(已改名)');

    await mode('layers');
    await mp.page.waitForTimeout(0);
    const state = await mp.page.evaluate(() => JSON.parse(sessionStorage.getItem('state') ?? 'null') as MapState);
    assert.strictEqual(state.mode, 'layers');
    assert.strictEqual(state.selected, 'liu');
    assert.strictEqual(state.planUri, 'file:///w/plan.account.md', 'the serializer revives the panel from this');
    await mp.page.reload();
    await waitForSent(mp.page, 'ready', 1);
    mp.revision = 0;
    const r = await showModel(mp, edited);
    assert.strictEqual(r.mode, 'layers', 'mode restored');
    assert.strictEqual(await mp.page.locator('g.card.selected').getAttribute('data-key'), 'liu', 'selection restored');
    assert.strictEqual(await mp.page.getAttribute('button[data-mode="layers"]', 'aria-pressed'), 'true');
    await mode('org');
    assert.strictEqual(await mp.page.getAttribute('g.viewport', 'transform'), transform, 'the org chart zoom restored');
  });

  /** Each drawn text's size on screen: its font size times the scale of every transform above it. */
  const screenFontSizes = () => mp.page.$$eval('g.viewport text', (ts) => ts.filter((t) => (t.textContent ?? '') !== '').map((t) => ({
    text: t.textContent ?? '',
    px: parseFloat(getComputedStyle(t).fontSize) * ((t as unknown as { getScreenCTM(): { a: number } }).getScreenCTM().a),
  })));
  const twoPeople = () => modelOf('---\naccount: Two\nstakeholders:\n'
    + '  - { id: a, name: Alice Boss, title: CEO, roles: [economic], layer: decision, attitude: B, influence: low, grid: { personal: 2, company: C } }\n'
    + '  - { id: b, name: Bob, title: CTO, roles: [technical], layer: usage, reports_to: a, attitude: C, influence: high }\n---\n');

  it('opens at a readable zoom (cards at their natural size, no text under 11 px), centred on the decision makers', async () => {
    await showModel(mp, hengtong());
    assert.match(String(await mp.page.getAttribute('g.viewport', 'transform')), /scale\(1\.0000\)$/, 'natural size, not fitted');
    const cards = await rects(mp.page, 'g.card .card-bg');
    assert.ok(cards.every((c) => c.h >= 80), `every card at least 80 px high: ${cards.map((c) => Math.round(c.h)).join(', ')}`);
    const small = (await screenFontSizes()).filter((f) => f.px < 11 - 1e-6);
    assert.deepStrictEqual(small, [], 'no text under 11 px on screen');
    const stage = (await rects(mp.page, 'svg.map'))[0];
    const top = (await rects(mp.page, 'g.card')).sort((a, b) => a.y - b.y)[0];
    assert.ok(top.y - stage.y <= 30, `the chart starts at the top of the panel, no empty band above (${top.y - stage.y} px)`);

    // A chart wider than the panel, in a panel opened afresh (a new model keeps the view the page has):
    // the head of it (decision layer, economic buyer) in the middle, at the top.
    await mp.page.close();
    mp = await openMap(browser, server.url);
    await showModel(mp, modelOf(bigPlan(40)));
    const head = (await rects(mp.page, 'g.card[data-key="p0"]'))[0];
    assert.ok(Math.abs(head.x + head.w / 2 - (stage.x + stage.w / 2)) < 2, `p0 centred across (${head.x + head.w / 2} vs ${stage.x + stage.w / 2})`);
    assert.ok(head.y - stage.y >= 0 && head.y - stage.y <= 30, `p0 at the top (${head.y - stage.y} px)`);
    assert.match(String(await mp.page.getAttribute('g.viewport', 'transform')), /scale\(1\.0000\)$/);
  });

  it('"Fit to panel" shows the whole chart at once; zoom and pan still work after it', async () => {
    await showModel(mp, modelOf(bigPlan(40)));
    const fit = mp.page.locator('button[data-action="fit"]');
    assert.strictEqual(await fit.textContent(), 'Fit to panel');
    const before = await mp.page.getAttribute('g.viewport', 'transform');
    await fit.click();
    const after = String(await mp.page.getAttribute('g.viewport', 'transform'));
    assert.notStrictEqual(after, before, 'the button changes the transform');
    assert.ok(Number(/scale\(([\d.]+)\)/.exec(after)?.[1]) < 1, after);
    await nextFrame();
    const stage = await stageRect();
    const cards = await rects(mp.page, '.card');
    assert.strictEqual(cards.length, 40, 'every person drawn');
    assert.deepStrictEqual(cards.filter((c) => !inside(c, stage)).map((c) => c.key), [], 'every card inside the panel');
    await mp.page.click('button[data-action="zoom-in"]');
    assert.notStrictEqual(await mp.page.getAttribute('g.viewport', 'transform'), after, 'zoom in after fit');
    await showModel(mp, hengtong(), mapLabels('zh-cn'));
    assert.strictEqual(await fit.textContent(), '适应面板');
  });

  it('a plan with two people: the 25-grid and the decision layers keep every text at 11 px or more, sized to their content', async () => {
    await mp.page.setViewportSize({ width: 640, height: 600 });
    await showModel(mp, twoPeople());
    for (const m of ['org', 'layers', 'grid']) {
      if (m !== 'org') await mode(m);
      const small = (await screenFontSizes()).filter((f) => f.px < 11 - 1e-6);
      assert.deepStrictEqual(small, [], `${m}: no text under 11 px`);
      if (m === 'layers') {
        const bands = await rects(mp.page, 'rect.band');
        assert.ok(bands.every((b) => b.w <= 640), `bands as wide as one card row needs, not five: ${bands.map((b) => b.w).join(', ')}`);
      }
      if (m === 'grid') {
        const alice = (await rects(mp.page, 'g.chip[data-key="a"]'))[0];
        const stage = (await rects(mp.page, 'svg.map'))[0];
        assert.ok(alice.x >= stage.x && alice.x + alice.w <= stage.x + stage.w && alice.y >= stage.y && alice.y + alice.h <= stage.y + stage.h, 'the decision maker is in view');
      }
    }
  });

  it('exports a standalone SVG and a PNG to the host', async () => {
    await showModel(mp, hengtong());
    await mp.page.click('button[data-action="export-svg"]');
    await mp.page.click('button[data-action="export-png"]');
    await waitForSent(mp.page, 'export', 2);
    const [svgMsg, pngMsg] = (await sent(mp.page)).filter((m): m is Extract<WebviewMessage, { type: 'export' }> => m.type === 'export');
    assert.strictEqual(svgMsg.format, 'svg');
    assert.match(svgMsg.data, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const parsed = await mp.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const badge = doc.querySelector('[data-key="lin"] rect:nth-of-type(2)');
      return { error: doc.querySelector('parsererror')?.textContent ?? '', cards: doc.querySelectorAll('[data-key]').length, classes: doc.querySelectorAll('[class]').length, fill: badge?.getAttribute('fill') };
    }, svgMsg.data);
    assert.deepStrictEqual(parsed, { error: '', cards: 9, classes: 0, fill: PALETTE.B }, 'colours written on the elements, no stylesheet needed');
    assert.strictEqual(pngMsg.format, 'png');
    assert.match(pngMsg.data, /^data:image\/png;base64,/);
    const png = Buffer.from(pngMsg.data.slice('data:image/png;base64,'.length), 'base64');
    assert.strictEqual(png.subarray(1, 4).toString(), 'PNG');
    assert.ok(png.readUInt32BE(16) > 800 && png.readUInt32BE(20) > 300, `size ${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`);
  });

  it('puts every string from the plan into the page as text: no markup, no script, no link', async () => {
    const model = xss();
    await showModel(mp, model);
    const check = async (where: string) => {
      const probe = await mp.page.evaluate(() => ({
        xss: (globalThis as unknown as { __xss?: string }).__xss,
        injected: document.querySelectorAll('#app img, #app script, #app iframe, #app a, #app b, #app svg svg, #app foreignObject').length,
        handlers: [...document.querySelectorAll('#app *')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || /^(href|src|xlink:href)$/i.test(a.name)).map((a) => a.name)),
      }));
      assert.deepStrictEqual(probe, { xss: undefined, injected: 0, handlers: [] }, where);
    };
    await check('org chart');
    assert.strictEqual(await mp.page.textContent('h1.account'), model.account);
    const names = await mp.page.locator('g.card text.name').allTextContents();
    assert.ok(names.some((n) => n.startsWith('javascript:')), 'the javascript: name is plain text');
    assert.ok(names.some((n) => n.startsWith('<img src=x')), names.join(' | '));
    await mp.page.hover('g.card[data-key="boss"]');
    const tip = (await mp.page.textContent('.tooltip')) ?? '';
    for (const s of [model.people[0].notes!, model.people[0].needs.company[0], model.people[0].needs.personal[0], model.people[0].department!]) {
      assert.ok(tip.includes(s), `${s} shown as text`);
    }
    await check('hover');
    await mp.page.hover('g.card[data-key="<b>id</b>"]');
    await mp.page.locator('.tooltip .tip-name', { hasText: model.people[1].name }).waitFor();
    assert.ok(((await mp.page.textContent('.tooltip')) ?? '').includes(model.people[1].title!), 'the </text><script> title is text');
    await check('hover on the second person');
    for (const m of ['layers', 'grid']) { await mode(m); await check(m); }
    await mode('org');
    await mp.page.click('button[data-action="export-svg"]');
    await waitForSent(mp.page, 'export', 1);
    const exported = (await sent(mp.page)).find((m): m is Extract<WebviewMessage, { type: 'export' }> => m.type === 'export')!.data;
    const inFile = await mp.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { elements: doc.querySelectorAll('script, img, iframe, a, foreignObject').length, handlers: [...doc.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length };
    }, exported);
    assert.deepStrictEqual(inFile, { elements: 0, handlers: 0 }, 'the exported SVG carries the payloads as text only');
    assert.ok(exported.includes('&lt;script&gt;window.__xss'), 'escaped in the file');
    await mp.page.waitForTimeout(200); // a broken image or a script would have run by now
    await check('after export');
  });

  it('says so when the plan cannot be drawn', async () => {
    await mp.page.evaluate(pagePost, { type: 'unavailable', revision: ++mp.revision, planUri: 'file:///w/x.account.md', message: 'The plan was deleted.' });
    await mp.page.locator('.notice', { hasText: 'The plan was deleted.' }).waitFor();
    assert.strictEqual(await mp.page.locator('g.card').count(), 0);
  });

  it('drops a stale update: a message older than the one drawn changes nothing', async () => {
    mp.revision = 5;
    await showModel(mp, hengtong());
    await mp.page.evaluate(pagePost, { type: 'unavailable', revision: 4, planUri: 'file:///w/plan.account.md', message: 'Stale: the plan was deleted.' });
    await mp.page.evaluate(pagePost, { type: 'model', revision: 3, planUri: 'file:///w/plan.account.md', model: attitudes() });
    await showModel(mp, hengtong());
    const revisions = (await sent(mp.page)).flatMap((m) => (m.type === 'rendered' ? [m.revision] : []));
    assert.deepStrictEqual(revisions, [6, 7], 'only the newer models were drawn');
    assert.strictEqual(await mp.page.locator('.notice', { hasText: 'Stale' }).count(), 0);
  });

  it('draws 500 people: the cards in view at 100 %, every person as one shape after "Fit to panel", none overlapping, in every mode', async () => {
    const big = modelOf(bigPlan(500));
    const r = await showModel(mp, big);
    assert.strictEqual(r.cards, 500, 'all 500 laid out');
    const keys = new Set(big.people.map((p) => p.key));
    for (const m of ['org', 'layers', 'grid'] as const) {
      if (m !== 'org') await mode(m);
      const opening = await drawnPeople();
      assert.ok(opening.length < 150, `${m}: only the people in view (and a margin) drawn, ${opening.length} of 500`);
      await assertCovers(big, m, `${m} at 100 %`);
      assert.strictEqual(await mp.page.locator('.simple').count(), 0, `${m}: full cards at 100 %`);
      await fitToPanel();
      const selector = m === 'grid' ? '.chip:not(.ghost)' : '.card';
      const boxes = await rects(mp.page, selector);
      assert.deepStrictEqual(new Set(boxes.map((b) => b.key)), keys, `${m}: every person drawn, once`);
      assert.strictEqual(boxes.length, 500, m);
      assert.strictEqual(await mp.page.locator(`${selector}.simple`).count(), 500, `${m}: too small to read, so one shape each`);
      assert.deepStrictEqual(overlaps(boxes), [], `${m}: no overlap`);
      const stage = await stageRect();
      assert.deepStrictEqual(boxes.filter((c) => !inside(c, stage)).map((c) => c.key), [], `${m}: every person inside the panel`);
    }
  });

  it('500 people: a drag draws the people it brings into view; zooming in on a far corner draws the cards there', async () => {
    const big = modelOf(bigPlan(500));
    await showModel(mp, big);
    const before = new Set(await drawnPeople());
    await mp.page.mouse.move(900, 500);
    await mp.page.mouse.down();
    await mp.page.mouse.move(100, 150, { steps: 8 });
    await mp.page.mouse.up();
    await nextFrame();
    await assertCovers(big, 'org', 'after a drag');
    const after = await drawnPeople();
    assert.ok(after.some((k) => !before.has(k)), 'new people drawn');
    assert.ok(after.length < 150, `and the ones left behind dropped (${after.length} drawn)`);

    await fitToPanel();
    // The card furthest right and down, then the mouse wheel over it until the cards can be read.
    const corner = (await rects(mp.page, '.card')).reduce((a, b) => (b.x + b.y > a.x + a.y ? b : a));
    await mp.page.mouse.move(corner.x + corner.w / 2, corner.y + corner.h / 2);
    for (let i = 0; i < 6 && (await mp.page.locator('g.card').count()) === 0; i++) {
      const t = await mp.page.getAttribute('g.viewport', 'transform');
      await mp.page.mouse.wheel(0, -500);
      await mp.page.waitForFunction((was) => document.querySelector('g.viewport')?.getAttribute('transform') !== was, t);
      await nextFrame();
    }
    assert.strictEqual(await mp.page.locator('.simple').count(), 0, 'full cards once their words can be read');
    assert.strictEqual(await mp.page.locator(`g.card[data-key="${corner.key}"] text.name`).textContent(), big.people.find((p) => p.key === corner.key)!.name);
    await assertCovers(big, 'org', 'zoomed in on the far corner');
  });

  it('500 people: Tab walks every person in order, panning to and drawing one the view left out; the focused person stays drawn out of view', async () => {
    const big = modelOf(bigPlan(500));
    await showModel(mp, big);
    // Scene order (the org chart's: the plan's order), and the first person drawn in it.
    const labels = mapLabels('en');
    const order = sceneFor('org', big, labels, () => orgLayout(big, labels)).cards.map((c) => c.person.key);
    const first = await mp.page.getAttribute('.card', 'data-key');
    const [a, b, c] = order.slice(order.indexOf(first!));
    assert.strictEqual(await mp.page.locator(`[data-key="${b}"]`).count(), 0, `${b}, next in order, is far off and not drawn`);
    await mp.page.focus(`.card[data-key="${a}"]`);
    await mp.page.keyboard.press('Tab');
    assert.strictEqual(await focusedKey(), b);
    const stage = await stageRect();
    const shown = (await rects(mp.page, `.card[data-key="${b}"]`))[0];
    assert.ok(inside(shown, stage), `${b} panned into view (${JSON.stringify(shown)})`);
    await mp.page.locator('.tooltip .tip-name', { hasText: big.people.find((p) => p.key === b)!.name }).waitFor();
    await mp.page.keyboard.press('Shift+Tab');
    assert.strictEqual(await focusedKey(), a);
    assert.ok(inside((await rects(mp.page, `.card[data-key="${a}"]`))[0], stage), `${a} back in view`);

    // Tab shows b near the panel's edge; zooming in around the middle (keys, so the card keeps focus) takes it out of view.
    await mp.page.keyboard.press('Tab');
    for (let i = 0; i < 6; i++) await mp.page.keyboard.press('+');
    await nextFrame();
    const away = (await rects(mp.page, `.card[data-key="${b}"]`))[0];
    const gap = Math.max(stage.x - (away.x + away.w), away.x - (stage.x + stage.w), stage.y - (away.y + away.h), away.y - (stage.y + stage.h));
    assert.ok(gap > KEEP_MARGIN_PX, `${b} zoomed out of view, beyond the margin where cards are kept (${gap} px)`);
    assert.strictEqual(await focusedKey(), b, 'still focused, so still drawn');

    await mp.page.keyboard.press('0');
    await nextFrame();
    assert.strictEqual(await focusedKey(), b, 'focus kept when the card becomes a shape');
    await mp.page.keyboard.press('Tab');
    assert.strictEqual(await focusedKey(), c);
    assert.strictEqual(await mp.page.locator(`.card.simple[data-key="${c}"]`).count(), 1, 'zoomed out, the shape takes focus');
  });

  it('Tab past the last person, or Shift+Tab before the first, leaves the people', async () => {
    const model = hengtong();
    await showModel(mp, model);
    const order = await mp.page.$$eval('.card', (es) => es.map((e) => e.getAttribute('data-key')));
    assert.strictEqual(order.length, model.people.length);
    await mp.page.focus(`.card[data-key="${order.at(-1)}"]`);
    await mp.page.keyboard.press('Tab');
    assert.strictEqual(await focusedKey(), null, 'out of the map');
    await mp.page.focus(`.card[data-key="${order[0]}"]`);
    await mp.page.keyboard.press('Shift+Tab');
    assert.strictEqual(await focusedKey(), null, 'back out of the people');
  });

  it('500 people: the SVG export holds every person as a full card, whatever the panel shows', async () => {
    const big = modelOf(bigPlan(500));
    await showModel(mp, big);
    for (const step of ['at 100 %', 'fitted']) {
      if (step === 'fitted') await fitToPanel();
      await mp.page.click('button[data-action="export-svg"]');
      await waitForSent(mp.page, 'export', step === 'fitted' ? 2 : 1);
      const svgText = (await sent(mp.page)).filter((m): m is Extract<WebviewMessage, { type: 'export' }> => m.type === 'export').at(-1)!.data;
      const file = await mp.page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          cards: doc.querySelectorAll('g[data-key]').length,
          shapes: doc.querySelectorAll('rect[data-key]').length,
          texts: [...doc.querySelectorAll('g[data-key] text')].map((t) => t.textContent ?? ''),
        };
      }, svgText);
      assert.deepStrictEqual([file.cards, file.shapes], [500, 0], `${step}: 500 cards, no shapes`);
      const texts = new Set(file.texts);
      assert.deepStrictEqual(big.people.filter((p) => !texts.has(p.name)).map((p) => p.key), [], `${step}: every name in the file`);
    }
  });

  it('zoomed out, each person is one shape in the attitude colour, outlined in the theme\'s border (contrast border in high contrast); clicking one selects it', async () => {
    await showModel(mp, attitudes());
    for (let i = 0; i < 3; i++) await mp.page.click('button[data-action="zoom-out"]');
    await nextFrame();
    assert.strictEqual(await mp.page.locator('g.card').count(), 0, 'at 51 % the 11 px text would be under 6 px: no full card');
    await mp.page.evaluate(() => (document as unknown as { documentElement: { style: { setProperty(k: string, v: string): void } } }).documentElement.style.setProperty('--vscode-editorWidget-border', '#ff00ff'));
    const shapes = await mp.page.$$eval('.card.simple', (es) => es.map((e) => ({
      key: e.getAttribute('data-key'), tag: e.tagName, fill: getComputedStyle(e).fill, stroke: getComputedStyle(e).stroke, opacity: getComputedStyle(e).opacity,
      high: e.classList.contains('inf-high'), label: e.getAttribute('aria-label') ?? '', tabindex: e.getAttribute('tabindex'),
    })));
    const by = Object.fromEntries(shapes.map((x) => [x.key, x]));
    assert.deepStrictEqual(['boss', 'bea', 'cai', 'dan', 'eve', 'unk', 'gone'].map((k) => by[k]?.fill),
      [PALETTE.A, PALETTE.B, PALETTE.C, PALETTE.D, PALETTE.E, PALETTE.none, PALETTE.none], 'the badge colours; a person who left is grey');
    assert.ok(shapes.every((x) => x.tag === 'rect' && x.tabindex === '0' && x.label.length > 0), 'one element each, focusable, named for screen readers');
    assert.ok(Number(by.gone.opacity) < 0.6, 'a person who left is faded');
    assert.ok(shapes.filter((x) => !x.high).every((x) => x.stroke === 'rgb(255, 0, 255)'), 'outlined in the theme\'s widget border');
    await mp.page.click('.card.simple[data-key="bea"]');
    assert.strictEqual(await mp.page.locator('.card.simple.selected').getAttribute('data-key'), 'bea');
    assert.deepStrictEqual((await sent(mp.page)).filter((m) => m.type === 'reveal').at(-1), { type: 'reveal', index: attitudes().people.find((p) => p.key === 'bea')!.index });
    await mp.page.click('button[data-action="zoom-in"]');
    await nextFrame();
    assert.strictEqual(await mp.page.locator('g.card.selected').getAttribute('data-key'), 'bea', 'still selected as a full card');
  });

  it('draws 300 people (a reporting tree, loose people and a grid position each)', async () => {
    const big = modelOf(bigPlan(300));
    const r = await showModel(mp, big);
    assert.strictEqual(r.cards, 300);
    await fitToPanel();
    assert.strictEqual(await mp.page.locator('.card').count(), 300);
    await mode('grid');
    await fitToPanel();
    assert.strictEqual(await mp.page.locator('.chip').count(), 300);
    await waitForRendered(mp, mp.revision);
  });
});
