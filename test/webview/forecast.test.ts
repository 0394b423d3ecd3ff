import * as assert from 'assert';
import type { Browser } from 'playwright-core';
import { checkPlan } from '../../src/core';
import { ForecastPage, launch, planEntries } from './forecast-page';

const FIXTURES = 'test/fixtures/forecast-panel';
const rowNames = (p: ForecastPage) => p.texts('table.opportunities tbody td.opportunity');
const COMMIT: [number, number, number] = [0x38, 0x8a, 0x34];
const STUCK: [number, number, number] = [0xe5, 0x14, 0x00];

describe('forecast webview (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let p: ForecastPage;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });
  afterEach(async () => { await p?.close(); });

  describe('the fixture plans, in CNY', () => {
    beforeEach(async () => { p = await ForecastPage.open(browser, planEntries(FIXTURES)); });

    it('key figures: open weighted and unweighted, each category, won', async () => {
      assert.deepStrictEqual(await p.texts('.kpi .value'), ['CN¥2,640,000', 'CN¥1,350,000', 'CN¥1,000,000', 'CN¥290,000', 'CN¥500,000']);
      assert.deepStrictEqual(await p.texts('.kpi .detail'), ['6 open · CN¥4,800,000 unweighted', '2', '1', '3', '1 signed']);
      assert.deepStrictEqual(await p.texts('.notice'), ['']);
    });

    it('table rows: the open opportunities, heaviest first, with stage, forecast, amounts, close and owner', async () => {
      assert.deepStrictEqual(await rowNames(p), ['Card platform', 'Core banking renewal', 'Hospital information system', 'Fleet telematics', 'Warehouse system', 'Imaging archive']);
      const first = await p.page.locator('table.opportunities tbody tr').first().locator('td').allTextContents();
      assert.deepStrictEqual(first, ['Alpha Bank', 'Card platform', 'C', 'Best case', 'CN¥2,000,000', 'CN¥1,000,000', '50%', '2027-02-15', '林山']);
      assert.deepStrictEqual(await p.texts('table.opportunities th[aria-sort="descending"]'), ['Weighted ▼']);
      assert.deepStrictEqual(await p.texts('.card.table .note'), ['']);
    });

    it('funnel figures: at stage, reached, conversion to the next against the benchmark, stuck stages flagged', async () => {
      const rows = await p.page.locator('table.funnel-figures tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
      assert.deepStrictEqual(rows, [
        ['G', '1', '7', '86%', '80%'],
        ['F', '1', '6', '83%', '80%'],
        ['E', '0', '5', '100%', '75%'],
        ['D', '1', '5', '80%', '70%'],
        ['C', '1', '4', '75%', '65%'],
        ['B', '1', '3', '67% ▼ below benchmark', '80%'],
        ['A', '1', '2', '50% ▼ below benchmark', '90%'],
        ['S (won)', '1', '1', '–', ''],
      ]);
      assert.deepStrictEqual(await p.texts('table.funnel-figures tr.stuck th'), ['B', 'A']);
      assert.deepStrictEqual(await p.texts('.bottleneck'), ['1 deal parked at A: 50% convert to S (won), against 90% expected'],
        'the deals at the bottleneck now, its conversion to the next stage and the benchmark');
    });

    it('charts drawn: both canvases sized and painted, the bars in the theme colours', async () => {
      for (const id of ['quarter-chart', 'funnel-chart']) {
        const ink = await p.ink(id);
        assert.ok(ink.width > 100 && ink.height > 100, `${id} has a size: ${JSON.stringify(ink)}`);
        assert.ok(ink.painted > 1000, `${id} is painted: ${JSON.stringify(ink)}`);
      }
      assert.ok(await p.pixels('quarter-chart', COMMIT) > 100, 'commit bars in --vscode-charts-green (fallback)');
      assert.ok(await p.pixels('funnel-chart', STUCK) > 100, 'stuck stages in --vscode-charts-red (fallback)');
      assert.match(String(await p.page.getAttribute('#quarter-chart', 'aria-label')), /2026-Q4 CN¥900,000, Won CN¥500,000/);
      assert.deepStrictEqual(await p.cspViolations(), [], 'nothing blocked by the panel\'s CSP');
      assert.deepStrictEqual(p.errors, []);
    });

    it('the funnel chart labels every bar, the quarter chart every column, even in a small panel', async () => {
      await p.page.setViewportSize({ width: 520, height: 700 });
      await p.page.waitForFunction(() => {
        const c = (globalThis as unknown as { document: { getElementById(id: string): { width: number } } }).document.getElementById('funnel-chart');
        return c.width < 500;
      });
      await p.sendModel(); // drawn again at the new size
      const drawn = async (id: string) => JSON.parse(String(await p.page.getAttribute(`#${id}`, 'data-drawn-labels'))) as Record<string, string[]>;
      assert.deepStrictEqual((await drawn('funnel-chart')).y, ['G → F', 'F → E', 'E → D', 'D → C', 'C → B', 'B → A', 'A → S']);
      assert.deepStrictEqual((await drawn('quarter-chart')).x, p.model!.quarters.map((q) => (q.period === 'none' ? 'No close date' : q.period)));
    });

    it('the table ends with a totals row: the count, the amounts and the weighted amounts of its rows added up', async () => {
      const total = await p.page.locator('table.opportunities tfoot tr').locator('th, td').allTextContents();
      assert.deepStrictEqual(total, ['Total', '6 open', '', '', 'CN¥4,800,000', 'CN¥2,640,000', '', '', '']);
      const sum = async (cls: string) => (await p.texts(`table.opportunities tbody td.${cls}`)).reduce((a, t) => a + Number(t.replace(/[^\d.]/g, '')), 0);
      assert.deepStrictEqual([await sum('amount'), await sum('weighted')], [4_800_000, 2_640_000], 'the rows above add up to it');
    });

    it('sorting: a header click asks the host for that sort, a second click reverses it', async () => {
      await p.page.click('button.sort[data-key="account"]');
      const q = await p.answerQuery();
      assert.deepStrictEqual(q.change, { sort: { key: 'account', dir: 'asc' } });
      assert.deepStrictEqual(await rowNames(p), ['Card platform', 'Core banking renewal', 'Fleet telematics', 'Warehouse system', 'Hospital information system', 'Imaging archive']);
      assert.strictEqual(await p.page.getAttribute('th:has(button[data-key="account"])', 'aria-sort'), 'ascending');
      await p.page.click('button.sort[data-key="account"]');
      assert.deepStrictEqual((await p.answerQuery()).change, { sort: { key: 'account', dir: 'desc' } });
      assert.deepStrictEqual(await p.texts('table.opportunities tbody td.account'), ['Gamma Hospital', 'Gamma Hospital', 'Beta Logistics', 'Beta Logistics', 'Alpha Bank', 'Alpha Bank']);
      await p.page.click('button.sort[data-key="close"]');
      assert.deepStrictEqual((await p.answerQuery()).change, { sort: { key: 'close', dir: 'asc' } });
      assert.deepStrictEqual(await p.texts('table.opportunities tbody td.close'), ['2026-12-20', '2027-01-10', '2027-02-15', '2027-03-01', '2027-05-01', '']);
    });

    it('filters: owner (with "no owner") and tier, each listed with its plan count', async () => {
      assert.deepStrictEqual(await p.texts('#fc-owner option'), ['Everyone', 'Emma Zhou (1)', '林山 (1)', '(no owner) (1)']);
      assert.deepStrictEqual(await p.texts('#fc-tier option'), ['All tiers', 'VIP (1)', 'B (1)', 'C (1)']);
      await p.page.selectOption('#fc-owner', { label: 'Emma Zhou (1)' });
      assert.deepStrictEqual((await p.answerQuery()).change, { owner: 'Emma Zhou' });
      assert.deepStrictEqual(await rowNames(p), ['Fleet telematics', 'Warehouse system']);
      assert.deepStrictEqual(await p.texts('.kpi.open .value'), ['CN¥270,000']);
      await p.page.selectOption('#fc-owner', { label: '(no owner) (1)' });
      assert.deepStrictEqual((await p.answerQuery()).change, { owner: '' });
      assert.deepStrictEqual(await rowNames(p), ['Hospital information system', 'Imaging archive']);
      await p.page.selectOption('#fc-owner', { label: 'Everyone' });
      assert.deepStrictEqual((await p.answerQuery()).change, { owner: null });
      await p.page.selectOption('#fc-tier', { label: 'VIP (1)' });
      assert.deepStrictEqual((await p.answerQuery()).change, { tier: 'VIP' });
      assert.deepStrictEqual(await rowNames(p), ['Card platform', 'Core banking renewal']);
      assert.strictEqual(await p.page.inputValue('#fc-tier'), '1', 'the select shows the filter in effect');
    });

    it('currency selector: each currency is its own book', async () => {
      assert.deepStrictEqual(await p.texts('#fc-currency option'), ['CNY (7)', 'USD (1)']);
      await p.page.selectOption('#fc-currency', { label: 'USD (1)' });
      assert.deepStrictEqual((await p.answerQuery()).change, { currency: 'USD' });
      assert.deepStrictEqual(await rowNames(p), ['Export portal']);
      assert.deepStrictEqual(await p.page.locator('table.opportunities tbody tr td.num').allTextContents(), ['$420,000', '$210,000', '50%']);
      assert.deepStrictEqual(await p.texts('.kpi.open .value'), ['$210,000']);
      assert.deepStrictEqual(await p.texts('table.funnel-figures tbody tr[data-stage="C"] td:nth-child(2)'), ['1']);
    });

    it('keeps its scope (folder, owner) in the webview state, for the serializer', async () => {
      assert.deepStrictEqual(await p.state(), { scope: {} });
      await p.page.selectOption('#fc-owner', { label: '林山 (1)' });
      await p.answerQuery();
      assert.deepStrictEqual(await p.state(), { scope: { owner: '林山' } });
    });

    it('Export CSV and a click on an account are requests to the host', async () => {
      await p.page.click('button.export');
      assert.deepStrictEqual(await p.nextMessage(), { type: 'exportCsv' });
      await p.page.locator('table.opportunities tbody button.link').first().click();
      assert.deepStrictEqual(await p.nextMessage(), { type: 'reveal', uri: `file:///repo/${FIXTURES}/alpha.account.md`, index: 1 });
    });
  });

  it('an open deal whose close date has passed is flagged overdue, in one Overdue column before the quarters', async () => {
    p = await ForecastPage.open(browser, planEntries(FIXTURES), { today: '2027-02-01' });
    const overdue = p.model!.rows.filter((r) => r.overdue).map((r) => [r.opportunity, r.close]);
    assert.deepStrictEqual(overdue.map(([, close]) => close).sort(), ['2026-12-20', '2027-01-10'], 'closes before 2027-02-01');
    const flagged = await p.page.locator('table.opportunities tbody tr.overdue').evaluateAll((trs) => trs.map((tr) => [
      tr.querySelector('td.opportunity')?.textContent, tr.querySelector('td.close')?.textContent, tr.querySelector('td.close')?.getAttribute('title')]));
    assert.deepStrictEqual(flagged.map((f) => f[0]).sort(), overdue.map(([name]) => name).sort());
    for (const f of flagged) {
      assert.match(String(f[1]), /^\d{4}-\d{2}-\d{2} ⚠ Overdue$/);
      assert.strictEqual(f[2], 'The close date has passed');
    }
    const labels = JSON.parse(String(await p.page.getAttribute('#quarter-chart', 'data-drawn-labels'))) as Record<string, string[]>;
    assert.strictEqual(labels.x[0], 'Overdue', 'one column for all overdue deals, first');
    const past = p.model!.quarters.filter((q) => /^\d{4}-Q\d$/.test(q.period) && q.period < '2027-Q1' && q.commit + q.bestCase + q.pipeline > 0).map((q) => q.period);
    assert.deepStrictEqual(past, [], 'no past quarter holds an open deal');
    assert.match(String(await p.page.getAttribute('#quarter-chart', 'aria-label')), /^[^:]+: Overdue CN¥/);
  });

  it('the format-error banner names the plans, each a button that asks the host to open it', async () => {
    const broken = { uri: 'file:///repo/east/broken%20plan.account.md', analysis: checkPlan('---\naccount: [unclosed\n---\n', { fileName: 'broken plan.account.md', today: '2026-11-24' }) };
    p = await ForecastPage.open(browser, [...planEntries(FIXTURES), broken]);
    assert.deepStrictEqual(await p.texts('.notice'), ['1 plan has format errors: the figures may be incomplete. broken plan.account.md']);
    assert.strictEqual(await p.page.getAttribute('.notice button.plan', 'title'), 'Open broken plan.account.md to fix it');
    await p.page.click('.notice button.plan');
    assert.deepStrictEqual(await p.nextMessage(), { type: 'openPlan', uri: broken.uri });
  });

  it('a folder scope shows its name as text, with a button to show all plans', async () => {
    p = await ForecastPage.open(browser, planEntries(FIXTURES), { query: { folder: `file:///repo/${FIXTURES}` }, folderLabel: '<b>east</b>' });
    assert.deepStrictEqual(await p.texts('.scope .chip'), ['Folder: <b>east</b>×']);
    await p.page.click('.scope button.clear');
    assert.deepStrictEqual((await p.answerQuery()).change, { folder: null });
    assert.deepStrictEqual(await p.texts('.scope'), ['All plans']);
  });

  it('drops a stale update: a model older than the one drawn is not drawn', async () => {
    p = await ForecastPage.open(browser, planEntries(FIXTURES));
    const rows = await p.page.locator('table.opportunities tbody tr').count();
    assert.ok(rows > 0);
    await p.page.evaluate(`window.postMessage(${JSON.stringify({ type: 'model', revision: 0, locale: 'en', labels: {}, model: { ...p.model, rows: [], rowCount: 0 } })}, '*')`);
    await p.sendModel();
    const revisions = (await p.sent()).flatMap((m) => (m.type === 'rendered' ? [m.revision] : []));
    assert.deepStrictEqual(revisions, [1, 2], 'revision 0 came after 1: dropped');
    assert.strictEqual(await p.page.locator('table.opportunities tbody tr').count(), rows);
  });

  it('an empty selection says so', async () => {
    p = await ForecastPage.open(browser, planEntries(FIXTURES), { query: { currency: 'JPY' } });
    assert.deepStrictEqual(await p.texts('.card.table .note'), ['No open opportunity in this selection.']);
    assert.deepStrictEqual(await p.page.locator('table.opportunities tbody tr').count(), 0);
    assert.deepStrictEqual(await p.texts('.bottleneck'), ['Every stage converts at or above its benchmark']);
  });

  it('follows the theme: VS Code\'s chart colours, re-drawn when the theme changes; borders in high contrast', async () => {
    p = await ForecastPage.open(browser, planEntries(FIXTURES), {
      bodyClass: 'vscode-dark', vars: { '--vscode-charts-green': '#00ff00', '--vscode-editor-background': '#1e1e1e', '--vscode-foreground': '#cccccc' },
    });
    assert.ok(await p.pixels('quarter-chart', [0, 255, 0]) > 100, 'commit bars take --vscode-charts-green');
    assert.strictEqual(await p.pixels('quarter-chart', COMMIT), 0);
    assert.strictEqual(await p.page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(30, 30, 30)');
    // A theme switch: VS Code changes the variables on <html> and the body's class.
    await p.page.evaluate(`document.documentElement.style.setProperty('--vscode-charts-green', '#0000ff');
      document.documentElement.style.setProperty('--vscode-contrastBorder', '#ff00ff');
      document.body.className = 'vscode-high-contrast';`);
    // Predicates are functions: a string one is polled through eval, which the page's CSP refuses.
    await p.page.waitForFunction(() => {
      type Canvas = { width: number; height: number; getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
      const c = (globalThis as unknown as { document: { getElementById(id: string): Canvas } }).document.getElementById('quarter-chart');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) if (d[i] === 0 && d[i + 1] === 0 && d[i + 2] === 255) return true;
      return false;
    });
    assert.strictEqual(await p.pixels('quarter-chart', [0, 255, 0]), 0, 'the old colour is gone');
    assert.ok(await p.pixels('quarter-chart', [255, 0, 255]) > 50, 'high contrast: bars have a contrastBorder outline');
  });

  describe('plan text is only ever text', () => {
    // The plans in test/fixtures/forecast-panel/xss put these in every field the page shows.
    const ACCOUNTS = ['<img src=x onerror="window.__pwned=1">', 'javascript:window.__pwned=6'];
    const NAMES = ['<script>window.__pwned=2</script>', 'javascript:window.__pwned=4', '<img src=x onerror="window.__pwned=5"><b>bold</b>',
      '<a href="javascript:window.__pwned=8">click</a>'];
    const OWNERS = ['javascript:window.__pwned=3', '<img src=x onerror="window.__pwned=7">'];
    for (const csp of [true, false]) {
      it(`account, opportunity and owner payloads shown as text, nothing run (${csp ? 'with' : 'without'} the CSP)`, async () => {
        p = await ForecastPage.open(browser, planEntries(FIXTURES, `${FIXTURES}/xss`), { csp, folderLabel: '<img src=x onerror="window.__pwned=9">' });
        const accounts = await p.texts('table.opportunities tbody td.account');
        const names = await p.texts('table.opportunities tbody td.opportunity');
        const owners = await p.texts('table.opportunities tbody td.owner');
        for (const s of ACCOUNTS) assert.ok(accounts.includes(s), `account ${s} in ${JSON.stringify(accounts)}`);
        for (const s of NAMES) assert.ok(names.includes(s), `name ${s} in ${JSON.stringify(names)}`);
        for (const s of OWNERS) assert.ok(owners.includes(s), `owner ${s} in ${JSON.stringify(owners)}`);
        assert.ok((await p.texts('#fc-owner option')).includes('<img src=x onerror="window.__pwned=7"> (1)'), 'owner filter option as text');
        // Filter to the payload owner: it round-trips through the host as a plain string.
        await p.page.selectOption('#fc-owner', { label: 'javascript:window.__pwned=3 (1)' });
        assert.deepStrictEqual((await p.answerQuery()).change, { owner: 'javascript:window.__pwned=3' });
        assert.strictEqual(await p.page.locator('table.opportunities tbody tr').count(), 3);
        await p.page.waitForTimeout(300); // give an injected handler the chance it must not get
        assert.strictEqual(await p.page.evaluate('window.__pwned'), undefined, 'no payload ran');
        const injected = await p.page.locator('#app img, #app script, #app b, #app a, #app [onerror], #app [href]').count();
        assert.strictEqual(injected, 0, 'no element came from plan text');
        if (csp) assert.deepStrictEqual(await p.cspViolations(), []);
        assert.deepStrictEqual(p.errors, []);
      });
    }
  });
});
