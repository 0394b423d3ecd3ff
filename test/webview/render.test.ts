/**
 * The page `account-plans render` writes, opened in headless Chromium as a reader would open the
 * file: the card is drawn and styled, nothing loads, nothing runs, whatever the plan holds.
 *
 * PLAN_CARD_SCREENSHOT=1 also saves docs/images/plan-card.png (the example plan, for the README).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { ATTITUDE_BADGES, ATTITUDE_THEME_COLOURS } from '../../src/core';
import { launchChromium } from '../chromium';
import { cssRgb } from '../colour-vision';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const TODAY = '2026-11-24';

const XSS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  'javascript:window.__xss=3',
  '" onmouseover="window.__xss=4',
  "'><svg onload=\"window.__xss=5\">",
  '<iframe src="javascript:parent.__xss=6"></iframe>',
];

/** A plan with a script payload in every text field and id, and in the notes. */
function hostilePlan(): string {
  const q = (i: number) => JSON.stringify(XSS[i % XSS.length]);
  const id = (i: number) => JSON.stringify(XSS[i % XSS.length].replace(/\s/g, ''));
  return `---
account: ${q(0)}
owner: ${q(1)}
industry: ${q(2)}
competitors: [${q(3)}, ${q(4)}]
stakeholders:
  - id: ${id(0)}
    name: ${q(1)}
    title: ${q(2)}
    department: ${q(3)}
    roles: [economic]
    attitude: B
  - id: ${id(5)}
    name: ${q(4)}
    title: ${q(5)}
    reports_to: ${id(0)}
    left: 2026-01-01
opportunities:
  - id: ${id(1)}
    name: ${q(0)}
    stage: B
    amount: 100
    next: [${q(2)}, ${q(3)}]
visits:
  - date: 2026-11-01
    purpose: solution
    with: [${id(0)}, ${id(2)}]
    by: [${q(4)}]
    opportunity: ${id(1)}
    attitudes: { ${id(0)}: B, ${id(3)}: C }
    summary: ${q(5)}
    next: ${q(0)}
  - date: 2027-02-01
    with: [${id(5)}]
    summary: ${q(1)}
---

# Notes ${XSS[0]}

${XSS[1]}

[link](javascript:window.__xss=7) ${XSS[4]}
`;
}

/** The few DOM calls the checks make inside the page (this tsconfig has no DOM lib). */
interface PageGlobals {
  getComputedStyle(el: unknown, pseudo?: string): { getPropertyValue(p: string): string };
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number; style: { setProperty(name: string, value: string): void } };
    body: { append(node: unknown): void };
    querySelectorAll(selector: string): Iterable<{ outerHTML: string }>;
    createElement(tag: string): { textContent: string };
  };
  __xss?: unknown;
  __csp?: unknown;
}

function renderToFile(plan: string, out: string, ...args: string[]): void {
  const r = spawnSync(process.execPath, [CLI, 'render', plan, '--today', TODAY, '-o', out, ...args], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
}

describe('account-plans render, in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let tmp: string;
  const example = () => path.join(tmp, 'hengtong-bank.html');

  before(async () => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'account-plans-page-'));
    renderToFile(path.join(ROOT, 'examples', 'hengtong-bank.account.md'), example());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens a page file, recording every request, dialog and script error it causes. */
  async function open(file: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1200, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
    const requests: string[] = [];
    const events: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => { events.push(`dialog: ${d.message()}`); void d.dismiss(); });
    page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
    await page.goto(pathToFileURL(file).href);
    await page.locator('.ap-card').waitFor({ state: 'visible' });
    return { page, requests, events };
  }

  const color = (page: Page, selector: string, prop = 'color') =>
    page.locator(selector).first().evaluate((el, p) => (globalThis as unknown as PageGlobals).getComputedStyle(el).getPropertyValue(p), prop);

  it('draws the card of the example plan, styled, and loads nothing but itself', async () => {
    const { page, requests, events } = await open(example());
    assert.strictEqual(await page.locator('.ap-account').textContent(), '中国恒通银行上海分行');
    assert.strictEqual(await page.locator('.ap-stakeholders tbody tr').count(), 9);
    assert.strictEqual(await page.locator('.ap-pipeline tbody tr').count(), 5);
    assert.strictEqual(await page.locator('.ap-visits li.ap-visit').count(), 14);
    assert.strictEqual(await page.locator('.ap-visits li.ap-planned').count(), 1);
    const card = await page.locator('.ap-card').boundingBox();
    assert.ok(card && card.width > 900 && card.height > 1000, JSON.stringify(card));
    assert.strictEqual(await color(page, '.ap-card', 'border-top-style'), 'solid', 'the stylesheet applies');
    assert.strictEqual(await color(page, '.ap-att-b', 'background-color'), cssRgb(ATTITUDE_BADGES.B.fill), 'attitude B on the palette\'s badge');
    assert.strictEqual(await color(page, '.ap-att-b'), cssRgb(ATTITUDE_BADGES.B.ink));
    assert.strictEqual(await color(page, '.ap-stage-b'), cssRgb(ATTITUDE_THEME_COLOURS.B.light), 'text in attitude B\'s light-theme colour');
    assert.strictEqual(await color(page, '.ap-gone .ap-name', 'text-decoration-line'), 'line-through', 'who left is struck through');
    assert.deepStrictEqual(requests, [pathToFileURL(example()).href]);
    assert.deepStrictEqual(events, []);
    await page.close();
  });

  it('follows the reader: dark colours in a dark system, and VS Code theme variables where they are set', async () => {
    const { page } = await open(example(), { colorScheme: 'dark' });
    assert.strictEqual(await color(page, '.ap-stage-b'), cssRgb(ATTITUDE_THEME_COLOURS.B.dark));
    await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.style.setProperty('--vscode-accountPlans-attitudeB', 'rgb(1, 2, 3)'));
    assert.strictEqual(await color(page, '.ap-stage-b'), 'rgb(1, 2, 3)');
    assert.strictEqual(await color(page, '.ap-att-b', 'background-color'), cssRgb(ATTITUDE_BADGES.B.fill), 'badges look the same on every theme');
    await page.close();
  });

  it('fits a narrow window: the page never scrolls sideways', async () => {
    const { page } = await open(example(), { width: 480 });
    const overflow = await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return w.document.documentElement.scrollWidth - w.innerWidth;
    });
    assert.ok(overflow <= 0, `page wider than the window by ${overflow}px`);
    await page.close();
  });

  it('fits a narrow preview: the table rows stack, each cell (the attitude too) inside the card, labelled, nothing to scroll', async () => {
    for (const width of [480, 560]) {
      const { page } = await open(example(), { width });
      const layout = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { querySelector(s: string): Box; querySelectorAll(s: string): Iterable<Box> } }).document;
        type Box = { getBoundingClientRect(): { left: number; right: number }; scrollWidth: number; clientWidth: number; getAttribute(n: string): string | null; textContent: string | null };
        const card = d.querySelector('.ap-card').getBoundingClientRect();
        const cells = [...d.querySelectorAll('.ap-table tbody td')].map((c) => ({ label: c.getAttribute('data-label'), right: c.getBoundingClientRect().right, left: c.getBoundingClientRect().left }));
        const scrolls = [...d.querySelectorAll('.ap-scroll')].map((s) => s.scrollWidth - s.clientWidth);
        const attitude = [...d.querySelectorAll('.ap-stakeholders td[data-label="Attitude"]')].map((c) => c.textContent?.trim());
        return { card: { left: card.left, right: card.right }, cells, scrolls, attitude };
      });
      // (An empty cell is not drawn: a lost deal has no weighted amount.)
      const outside = layout.cells.filter((c) => c.right > c.left && (c.right > layout.card.right + 0.5 || c.left < layout.card.left - 0.5));
      assert.deepStrictEqual(outside, [], `${width}px: every cell inside the card`);
      assert.deepStrictEqual(layout.scrolls, [0, 0], `${width}px: no table needs scrolling`);
      assert.strictEqual(layout.attitude.length, 9);
      assert.ok(layout.attitude.every((a) => /^[A-E?]/.test(a ?? '')), layout.attitude.join(' | '));
      const label = await page.locator('.ap-stakeholders td[data-label="Attitude"]').first().evaluate((c) =>
        (globalThis as unknown as PageGlobals).getComputedStyle(c, '::before').getPropertyValue('content'));
      assert.strictEqual(label, '"Attitude"', 'the column name before the value');
      await page.close();
    }
    const { page } = await open(example(), { width: 1200 });
    assert.strictEqual(await page.locator('.ap-stakeholders thead').evaluate((e) => (globalThis as unknown as PageGlobals).getComputedStyle(e).getPropertyValue('display')), 'table-header-group', 'a wide card keeps the table');
    await page.close();
  });

  it('runs no script from the plan or its notes, and its CSP would stop one anyway', async () => {
    const plan = path.join(tmp, 'hostile.account.md');
    const out = path.join(tmp, 'hostile.html');
    fs.writeFileSync(plan, hostilePlan());
    renderToFile(plan, out);
    const { page, requests, events } = await open(out);
    await page.locator('.ap-person').first().hover();
    await page.locator('.ap-account').hover();
    assert.strictEqual(await page.evaluate(() => (globalThis as unknown as PageGlobals).__xss), undefined);
    assert.deepStrictEqual(events, []);
    assert.deepStrictEqual(requests, [pathToFileURL(out).href], 'no image, frame or link was fetched');
    assert.deepStrictEqual(await page.evaluate(() => [...(globalThis as unknown as PageGlobals).document
      .querySelectorAll('script, img, iframe, svg, a[href^="javascript"], [onerror], [onload], [onmouseover]')].map((e) => e.outerHTML)), []);
    assert.strictEqual(await page.locator('.ap-account').textContent(), XSS[0], 'the payload shows as text');
    assert.strictEqual(await page.title(), XSS[0]);

    const csp = await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      const s = w.document.createElement('script');
      s.textContent = 'window.__csp = 1';
      w.document.body.append(s);
      return w.__csp;
    });
    assert.strictEqual(csp, undefined, 'an inline script is refused by the page policy');
    await page.close();
  });

  it('looks like a CRM page (docs/images/plan-card.png when PLAN_CARD_SCREENSHOT=1)', async () => {
    const { page } = await open(example(), { width: 1200 });
    const png = await page.locator('.ap-card').screenshot();
    assert.ok(png.length > 50_000, `a real picture (${png.length} bytes)`);
    if (process.env.PLAN_CARD_SCREENSHOT === '1') {
      const out = path.join(ROOT, 'docs', 'images', 'plan-card.png');
      // Down to the fourth visit: the header, the people, the pipeline and the start of the timeline.
      const visit = await page.locator('.ap-visit').nth(3).boundingBox();
      const scrollY = await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
      assert.ok(visit);
      await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: Math.ceil(scrollY + visit.y + visit.height + 8) } });
      console.log(`      saved ${path.relative(ROOT, out)}`);
    }
    await page.close();
  });
});
