import * as assert from 'assert';
import type { Browser } from 'playwright-core';
import { ComparePage, compareModel, hengtong, launch } from './compare-page';

const BLUE: [number, number, number] = [0x1a, 0x85, 0xff];
const GREEN: [number, number, number] = [0x38, 0x8a, 0x34];
const RED: [number, number, number] = [0xe5, 0x14, 0x00];

/** Every string a plan puts on the page, each a payload that runs if it is ever parsed as HTML. */
const X = {
  account: '<img src=x onerror="window.__pwned=1">',
  deal: '<script>window.__pwned=2</script>',
  person: '<b onmouseover="window.__pwned=3">Li</b>',
  next: '<a href="javascript:window.__pwned=4">next</a>',
  plan: '<img src=x onerror="window.__pwned=5">',
};
const q = (s: string) => JSON.stringify(s);
const HOSTILE_BEFORE = `---\nid: x\naccount: ${q(X.account)}\nstakeholders:\n  - { id: p, name: ${q(X.person)}, roles: [coach], attitude: D }\nopportunities:\n  - id: d\n    name: ${q(X.deal)}\n    stage: C\n    amount: 1000\n    close: 2026-12-01\n---\n`;
const HOSTILE_AFTER = HOSTILE_BEFORE.replace('attitude: D', 'attitude: B').replace('stage: C', `stage: B\n    next: ${q(X.next)}`)
  .replace('---\n', '---\n').replace(/\n---\n$/, `\nvisits:\n  - { date: 2026-11-20, purpose: progress, with: [p] }\n---\n`);

describe('compare webview (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let p: ComparePage;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });
  afterEach(async () => { await p?.close(); });

  describe('the Hengtong plan, a month apart', () => {
    beforeEach(async () => {
      const { before, after } = hengtong();
      p = await ComparePage.open(browser, compareModel(before, after));
    });

    it('says what is compared, and the headline of every presenter', async () => {
      assert.deepStrictEqual(await p.texts('h1'), ['Plan changes']);
      assert.deepStrictEqual(await p.texts('.scope'), ['中国恒通银行上海分行']);
      assert.deepStrictEqual(await p.texts('.revisions'), ['1a2b3c4 Hengtong: October → working copy']);
      assert.deepStrictEqual(await p.texts('.headline'), [
        'Pipeline 2026-Q4: CN¥3,015,000 → CN¥2,210,000 (−CN¥805,000) · $0 → $20,000 (+$20,000) · 4 deals moved · 1 account changed · findings: 0 introduced, 2 fixed']);
      assert.deepStrictEqual(await p.texts('.notice'), ['']);
    });

    it('key figures: the pipeline\'s move per currency in its tone, then deals, people, visits, findings', async () => {
      assert.deepStrictEqual(await p.texts('.kpi .label'), ['Pipeline 2026-Q4 · CNY', 'Pipeline 2026-Q4 · USD', 'Deals changed', 'People changed', 'Visits added', 'Findings']);
      assert.deepStrictEqual(await p.texts('.kpi .value'), ['−CN¥805,000', '+$20,000', '4', '2', '3', '+0 / −2']);
      assert.deepStrictEqual(await p.texts('.kpi .value.down'), ['−CN¥805,000']);
      assert.deepStrictEqual(await p.texts('.kpi .value.up'), ['+$20,000', '+0 / −2']);
      assert.deepStrictEqual(await p.texts('.kpi.pipeline .detail'), ['CN¥3,015,000 → CN¥2,210,000', '$0 → $20,000']);
    });

    it('opportunities: stage moves with arrows, amounts and close dates, new and removed deals marked', async () => {
      const rows = await p.page.locator('table.deals tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 4).map((c) => (c.textContent ?? '').trim())));
      assert.deepStrictEqual(rows, [
        ['网点 SD-WAN 组网(一期 86 个网点)', 'B → A', 'CN¥2,400,000 → CN¥2,600,000', '2026-12-28'],
        ['信用卡中心短信通知平台', 'B', 'CN¥1,100,000', '2026-12-20 → 2027-01-29'],
        ['Hong Kong branch linknew', '— → E', '— → $80,000', '— → 2026-12-31'],
        ['ATM 远程监控removed', 'D → —', 'CN¥500,000 → —', '2026-12-15 → —'],
      ]);
      assert.deepStrictEqual(await p.texts('table.deals tbody tr:first-child td.stage .to.up'), ['A']);
      assert.deepStrictEqual(await p.texts('table.deals tbody tr:nth-child(2) td.close .to.down'), ['2027-01-29']);
      assert.match((await p.texts('table.deals tbody tr:nth-child(2) td.changes'))[0], /pushed out 40 days, left 2026-Q4/);
    });

    it('stakeholders: attitude moves; visits added; next steps; findings fixed', async () => {
      const people = await p.page.locator('table.people tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
      assert.deepStrictEqual(people, [['林智勇', 'C → B+', 'attitude C → B+ ↑'], ['赵建国', 'C+ → B-', 'attitude C+ → B- ↑ (visit 2026-11-17)']]);
      assert.deepStrictEqual(await p.texts('ul.visits li'), [
        'visit 2026-11-17 (progress) with 林智勇, 赵建国', 'visit 2026-11-20 (research) with 刘敏, 孙倩', 'visit planned 2027-01-12 (relationship) with 王行健']);
      assert.deepStrictEqual(await p.texts('ul.next-steps li'), ['next step: 12 月 10 日提交正式方案']);
      assert.deepStrictEqual(await p.texts('.part.findings h4'), ['Fixed']);
      assert.strictEqual((await p.texts('ul.fixed li.up')).length, 2);
    });

    it('the waterfall is a chart per currency: painted, totals blue, steps down red and up green; exact figures in a table', async () => {
      assert.deepStrictEqual(await p.texts('.waterfall-chart figcaption'), ['CNY, 2026-Q4', 'USD, 2026-Q4']);
      const charts = (await p.sent()).filter((m) => m.type === 'rendered').map((m) => (m as { charts: number }).charts);
      assert.deepStrictEqual(charts, [2]);
      assert.ok(await p.pixels('waterfall-0', BLUE) > 500, 'totals in --vscode-charts-blue (fallback)');
      assert.ok(await p.pixels('waterfall-0', RED) > 200, 'steps down in --vscode-charts-red');
      assert.ok(await p.pixels('waterfall-0', GREEN) > 50, 'the net move up in --vscode-charts-green');
      assert.ok(await p.pixels('waterfall-1', GREEN) > 200, 'USD: the new deal up');
      assert.strictEqual(await p.page.getAttribute('#waterfall-0', 'aria-label'),
        'CNY, 2026-Q4: Pipeline before CN¥3,015,000; − removed −CN¥150,000; − pushed out of the quarter −CN¥825,000; ± moved between forecast categories +CN¥170,000; Pipeline after CN¥2,210,000');
      assert.deepStrictEqual(await p.texts('table.waterfall-table thead th'), ['Step', 'CNY · Pipeline', 'CNY · Best case', 'CNY · Commit', 'USD · Pipeline']);
      assert.deepStrictEqual(await p.cspViolations(), [], 'nothing blocked by the panel\'s CSP');
      assert.deepStrictEqual(p.errors, []);
    });

    it('keeps the plan and the revisions in the webview state, for the serializer', async () => {
      assert.deepStrictEqual(await p.state(), { uri: 'file:///repo/hengtong-bank.account.md', before: '1a2b3c4d' });
    });

    it('drops a stale update: a model older than the one drawn is not drawn', async () => {
      await p.page.evaluate(`window.postMessage(${JSON.stringify({ type: 'model', revision: 0, locale: 'en', labels: {}, header: {}, model: compareModel('', '') })}, '*')`);
      const { before, after } = hengtong();
      await p.send(compareModel(before, after));
      const revisions = (await p.sent()).flatMap((m) => (m.type === 'rendered' ? [m.revision] : []));
      assert.deepStrictEqual(revisions, [1, 2], 'revision 0 came after 1: dropped');
      assert.strictEqual(await p.page.locator('table.deals tbody tr').count(), 4);
    });
  });

  it('nothing changed: says so, and that no deal in the pipeline moved', async () => {
    const { before } = hengtong();
    p = await ComparePage.open(browser, compareModel(before, before));
    assert.deepStrictEqual(await p.texts('.nothing'), ['Nothing changed in the plan between these revisions.']);
    assert.deepStrictEqual(await p.texts('.waterfall .note'), ['No deal in the quarter\'s pipeline changed.']);
    assert.deepStrictEqual(await p.texts('.kpi .value'), ['unchanged', '0', '0', '0', '+0 / −0']);
    assert.strictEqual(await p.page.locator('canvas').count(), 0);
  });

  it('speaks Chinese with the Chinese catalogue', async () => {
    const { before, after } = hengtong();
    p = await ComparePage.open(browser, compareModel(before, after, 'zh-cn'), { locale: 'zh-cn' });
    assert.deepStrictEqual(await p.texts('h1'), ['计划变更']);
    assert.deepStrictEqual(await p.texts('.part h3'), ['商机', '联系人', '拜访', '下一步', '问题']);
    assert.deepStrictEqual(await p.texts('.kpi .label'), ['2026-Q4 管道 · CNY', '2026-Q4 管道 · USD', '变化的商机', '变化的联系人', '新增拜访', '问题']);
  });

  describe('plan text is only ever text', () => {
    for (const csp of [true, false]) {
      it(`account, deal, person, next step and plan name shown as written, nothing run (${csp ? 'with' : 'without'} the CSP)`, async () => {
        p = await ComparePage.open(browser, compareModel(HOSTILE_BEFORE, HOSTILE_AFTER, 'en', 'x.account.md'), {
          csp, header: { plan: X.plan, before: `abc1234 ${X.deal}`, after: 'working copy', notice: X.account },
        });
        assert.deepStrictEqual(await p.texts('.account h2'), [X.account]);
        assert.deepStrictEqual(await p.texts('table.deals th.name'), [X.deal]);
        assert.deepStrictEqual(await p.texts('table.people th.name'), [X.person]);
        assert.deepStrictEqual(await p.texts('ul.next-steps li'), [`${X.deal}: next step: ${X.next}`]);
        assert.deepStrictEqual(await p.texts('ul.visits li'), [`visit 2026-11-20 (progress) with ${X.person}`]);
        assert.deepStrictEqual(await p.texts('.scope'), [X.plan]);
        assert.deepStrictEqual(await p.texts('.revisions'), [`abc1234 ${X.deal} → working copy`]);
        assert.deepStrictEqual(await p.texts('.notice'), [X.account]);
        await p.page.hover('table.people th.name');
        await p.page.waitForTimeout(300); // give an injected handler the chance it must not get
        assert.strictEqual(await p.page.evaluate('window.__pwned'), undefined, 'no payload ran');
        assert.strictEqual(await p.page.locator('#app img, #app script, #app b, #app a, #app [onerror], #app [onmouseover], #app [href]').count(), 0, 'no element came from plan text');
        if (csp) assert.deepStrictEqual(await p.cspViolations(), []);
        assert.deepStrictEqual(p.errors, []);
      });
    }
  });
});
