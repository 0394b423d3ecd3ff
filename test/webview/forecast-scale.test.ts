import * as assert from 'assert';
import type { Browser } from 'playwright-core';
import { ROW_BLOCK, type PlanEntry } from '../../src/core';
import { ForecastPage, launch } from './forecast-page';
import { bigBook, DEALS, OWNERS, PLANS } from './scale-book';

const dealRows = (p: ForecastPage) => p.page.locator('table.opportunities tbody tr.deal');

describe('forecast webview at 30,000 opportunities (headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let p: ForecastPage;
  let entries: PlanEntry[];
  before(async () => {
    entries = bigBook();
    browser = await launch();
  });
  after(async () => { await browser?.close(); });
  afterEach(async () => { await p?.close(); });

  it('the DOM holds only the rows in view, of one height; scrolling to the end shows the last deal in recycled rows', async () => {
    p = await ForecastPage.open(browser, entries);
    const total = p.model!.rowCount;
    assert.strictEqual(total, PLANS * DEALS);
    assert.strictEqual(await p.page.getAttribute('table.opportunities', 'aria-rowcount'), String(total + 2));
    const first = await dealRows(p).count();
    assert.ok(first > 10 && first <= 200, `${first} rows in the DOM`);
    assert.deepStrictEqual(await p.texts('table.opportunities tbody tr.deal:first-child td.opportunity'), [p.model!.rows[0].opportunity]);
    const heights = await dealRows(p).evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getBoundingClientRect().height))]);
    assert.deepStrictEqual(heights, [26], 'every row of one height (ROW_HEIGHT)');
    // Mark the row elements: after the scroll, the rows showing the last deals are the same elements.
    await dealRows(p).evaluateAll((trs) => trs.forEach((tr) => tr.setAttribute('data-test-mark', '1')));

    await p.page.locator('.rows').evaluate((box) => { box.scrollTop = box.scrollHeight; });
    const last = p.model!.rows[total - 1];
    await p.page.waitForFunction((name) => {
      type Rows = { length: number; [i: number]: { querySelector(s: string): { textContent: string | null } | null } };
      const rows = (globalThis as unknown as { document: { querySelectorAll(s: string): Rows } }).document.querySelectorAll('table.opportunities tbody tr.deal');
      return rows.length > 0 && rows[rows.length - 1].querySelector('td.opportunity')?.textContent === name;
    }, last.opportunity, { timeout: 30_000 });
    const end = dealRows(p).last();
    assert.strictEqual(await end.getAttribute('aria-rowindex'), String(total + 1));
    assert.deepStrictEqual(await end.locator('td').allTextContents(), [last.account, last.opportunity, last.stage, 'Pipeline',
      `CN¥${last.amount!.toLocaleString('en')}`, `CN¥${last.weighted!.toLocaleString('en')}`, `${last.probability}%`, last.close!, last.owner!]);
    assert.ok(await end.isVisible(), 'the last deal is in view');
    const after = await dealRows(p).count();
    assert.ok(after <= 200, `${after} rows in the DOM at the end`);
    assert.strictEqual(await p.page.locator('table.opportunities tbody tr.deal:not([data-test-mark])').count(), 0, `no new row element: the old ones refilled (${first} rows at the top, ${after} at the end)`);
    const lastBlock = (total - 1) - ((total - 1) % ROW_BLOCK);
    assert.ok(p.fetched.includes(lastBlock), `the last block asked for: ${JSON.stringify(p.fetched)}`);
    assert.ok(p.fetched.length <= 3, `only the blocks in view asked for, not every block: ${JSON.stringify(p.fetched)}`);

    // A click on an account of the last rows reveals that deal.
    await end.locator('button.link').click();
    assert.deepStrictEqual(await p.nextMessage(), { type: 'reveal', uri: last.uri, index: last.index });
    assert.deepStrictEqual(p.errors, []);
    assert.deepStrictEqual(await p.cspViolations(), []);
  });

  it('a filter narrows the list to the right count, from the top', async () => {
    p = await ForecastPage.open(browser, entries);
    await p.page.locator('.rows').evaluate((box) => { box.scrollTop = 100_000; });
    const owner = '林山';
    const expected = entries.filter((e) => e.analysis.plan?.owner === owner).length * DEALS;
    await p.page.selectOption('#fc-owner', { label: `${owner} (${PLANS / OWNERS.length})` });
    assert.deepStrictEqual((await p.answerQuery()).change, { owner });
    assert.strictEqual(p.model!.rowCount, expected);
    assert.strictEqual(await p.page.getAttribute('table.opportunities', 'aria-rowcount'), String(expected + 2));
    assert.deepStrictEqual(await p.texts('table.opportunities tfoot td.count'), [`${expected.toLocaleString('en')} open`]);
    assert.strictEqual(await p.page.locator('.rows').evaluate((box) => box.scrollTop), 0, 'a new filter starts at the top');
    const owners = await p.texts('table.opportunities tbody tr.deal td.owner');
    assert.ok(owners.length > 10 && owners.every((o) => o === owner), `rows of ${owner} only: ${owners.length}`);
    const height = await p.page.locator('.rows').evaluate((box) => box.scrollHeight);
    assert.ok(height >= expected * 26 && height < (expected + 10) * 26, `the list is as long as ${expected} rows: ${height}px`);
  });
});
