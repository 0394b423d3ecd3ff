import * as assert from 'assert';
import { accountRows, accountRowsLazily, checkPlan, DEFAULT_SETTINGS, pipelineGroups, roleGroups, type PlanEntry } from '../../src/core';
import { CLEAN, TODAY, edit, wrap } from './helpers';

const entry = (uri: string, yaml: string): PlanEntry => ({ uri, analysis: checkPlan(wrap(yaml), { fileName: uri, today: TODAY }) });

describe('view models', () => {
  const acme = entry('file:///w/acme.account.md', 'owner: Lin\n' + CLEAN.replace('opportunities:\n', 'opportunities:\n  - { id: w, name: Won, stage: S, amount: 50 }\n  - { id: g, name: Early, stage: G, amount: 100, close: 2026-12-01 }\n'));
  const beta = entry('file:///w/beta.account.md', 'account: Beta\nowner: Wang\ntier: C\nopportunities:\n  - { id: b, name: B deal, stage: C, amount: 300, currency: USD }\n');
  const broken = entry('file:///w/broken.account.md', 'account: [\n');

  it('pipeline by stage: G → A, then won and lost, with per-currency totals', () => {
    const g = pipelineGroups([acme, beta, broken], 'stage');
    assert.deepStrictEqual(g.map((x) => x.key), ['G', 'F', 'E', 'D', 'C', 'B', 'A', 'S', 'lost']);
    const c = g[4];
    assert.strictEqual(c.count, 2);
    assert.deepStrictEqual(c.amount, { CNY: 1000, USD: 300 });
    assert.deepStrictEqual(c.weighted, { CNY: 500, USD: 150 });
    assert.deepStrictEqual(c.items.slice(0, c.count).map((i) => i.account), ['Acme', 'Beta']);
    assert.strictEqual(g[7].count, 1);
  });

  it('pipeline by quarter and by owner, open only, with filters', () => {
    assert.deepStrictEqual(pipelineGroups([acme, beta], 'quarter').map((x) => [x.key, x.count]), [['2026-Q4', 1], ['2027-Q1', 1], ['none', 1]]);
    assert.deepStrictEqual(pipelineGroups([acme, beta], 'owner').map((x) => [x.key, x.count]), [['Lin', 2], ['Wang', 1]]);
    assert.strictEqual(pipelineGroups([acme, beta], 'stage', { tier: 'C' }).reduce((n, x) => n + x.count, 0), 1);
    assert.strictEqual(pipelineGroups([acme, beta], 'stage', { owner: 'Lin' }).reduce((n, x) => n + x.count, 0), 3);
  });

  it('each group lists as many deals as it counts, under every grouping and filter; the deals are listed only when first read', () => {
    for (const grouping of ['stage', 'quarter', 'owner'] as const) {
      for (const filter of [{}, { owner: 'Lin' }, { tier: 'C' }, { owner: '' }]) {
        for (const g of pipelineGroups([acme, beta, broken], grouping, filter)) {
          assert.strictEqual(g.items.slice(0, g.count + 1).length, g.count, `${grouping} ${JSON.stringify(filter)} ${g.key}`);
          assert.ok(g.items.slice(0, g.count).every((d) => (grouping === 'stage' ? d.facts.stage === g.key : true)), `${grouping} ${g.key}`);
        }
      }
    }
    let reads = 0;
    const counted = (e: PlanEntry): PlanEntry => ({ uri: e.uri, get analysis() { reads++; return e.analysis; } });
    const groups = pipelineGroups([counted(acme), counted(beta)], 'stage');
    const afterSums = reads;
    assert.strictEqual(afterSums, 2, 'the sums read each plan once');
    assert.deepStrictEqual(groups[4].items.slice(0, 5).map((d) => d.account), ['Acme', 'Beta']);
    assert.strictEqual(reads, 4, 'the first group read lists every group\'s deals, in one more walk');
    groups[0].items.slice(0, 5);
    assert.strictEqual(reads, 4, 'and no walk after it');
  });

  it('what the views show does not depend on the order of the entries (the index hands them over unsorted)', () => {
    const gamma = entry('file:///w/gamma.account.md', 'account: Acme\nowner: Lin\nopportunities:\n  - { id: t, name: Early, stage: G, amount: 100 }\n');
    const forward = [acme, beta, broken, gamma];
    const backward = [...forward].reverse();
    const shown = (entries: PlanEntry[]) => ({
      groups: (['stage', 'quarter', 'owner'] as const).map((g) => pipelineGroups(entries, g).map((x) => ({ ...x, items: x.items.slice(0, x.count) }))),
      rows: accountRows(entries).map((r) => [r.uri, r.account, r.openWeighted]),
      lazy: accountRowsLazily(entries).slice(0, 2).map((r) => r.uri),
    });
    assert.deepStrictEqual(shown(backward), shown(forward));
  });

  it('by quarter and by owner, the deals of the forecast total: open, not omitted; by stage, every open deal', () => {
    const gamma = entry('file:///w/gamma.account.md', 'account: Gamma\nowner: lin\nopportunities:\n'
      + '  - { id: o, name: Skip, stage: D, amount: 100, forecast: omitted, close: 2027-01-05 }\n'
      + '  - { id: k, name: Keep, stage: D, amount: 0.125, close: 2027-01-06 }\n');
    const d = pipelineGroups([gamma], 'stage')[3];
    assert.deepStrictEqual([d.count, d.amount, d.weighted], [2, { CNY: 100.125 }, { CNY: 30.0375 }]);
    for (const grouping of ['quarter', 'owner'] as const) {
      const [only, ...rest] = pipelineGroups([gamma], grouping);
      assert.deepStrictEqual([only.count, only.amount, only.weighted, rest.length], [1, { CNY: 0.125 }, { CNY: 0.0375 }, 0], grouping);
    }
    assert.deepStrictEqual(accountRows([gamma])[0].openWeighted, { CNY: 0.0375 });
  });

  it('names in one order: owners and accounts case-blind, digits as numbers, no owner last', () => {
    const plan = (uri: string, account: string, owner?: string) =>
      entry(`file:///w/${uri}.account.md`, `account: ${account}\n${owner ? `owner: ${owner}\n` : ''}opportunities:\n  - { id: x, name: X, stage: G, amount: 10 }\n`);
    const plans = [plan('a', 'Lot 10', 'Wang'), plan('b', 'lot 9', 'lin'), plan('c', 'Lot 9', 'Lin'), plan('d', 'Acme')];
    assert.deepStrictEqual(pipelineGroups(plans, 'owner').map((g) => g.key), ['Lin', 'lin', 'Wang', 'none']);
    const g = pipelineGroups(plans, 'stage')[0];
    assert.deepStrictEqual(g.items.slice(0, g.count).map((i) => i.account), ['Acme', 'Lot 9', 'lot 9', 'Lot 10']);
    assert.deepStrictEqual(accountRows(plans).map((r) => r.account), ['Acme', 'Lot 9', 'lot 9', 'Lot 10']);
  });

  it('buying roles in the order of docs/format.md, with gaps and trends', () => {
    const a = checkPlan(wrap(edit(CLEAN, 'roles: [user, coach]', 'roles: [user]') + '  - date: 2026-11-20\n    attitudes: { cto: A }\n'), { fileName: 'a', today: TODAY });
    const g = roleGroups(a, DEFAULT_SETTINGS);
    assert.deepStrictEqual(g.map((x) => [x.key, x.people.length, x.gap]), [
      ['economic', 1, false], ['technical', 1, false], ['user', 1, false], ['financial', 0, false], ['coach', 0, true], ['influencer', 0, false]]);
    const cto = g[1].people[0];
    assert.deepStrictEqual(cto.trend, { from: 'B', to: 'A', direction: 'up' });
    assert.strictEqual(cto.daysSinceContact, 14);
    assert.deepStrictEqual(roleGroups(a, DEFAULT_SETTINGS, 'layer').map((x) => [x.key, x.people.length]), [['decision', 1], ['procurement', 1], ['usage', 1]]);
  });

  it('accounts: errors first, then stale, then by name', () => {
    const stale = entry('file:///w/c.account.md', 'account: Cold\nopportunities:\n  - { id: c, name: C, stage: G }\n');
    const rows = accountRows([acme, stale, broken, beta]);
    assert.deepStrictEqual(rows.map((r) => [r.account, r.errors > 0, r.stale]), [
      ['broken.account.md', true, false], ['Beta', false, true], ['Cold', false, true], ['Acme', false, false]]);
    assert.strictEqual(rows[3].daysSinceVisit, 14);
    assert.deepStrictEqual(rows[3].openWeighted, { CNY: 510 });
    // The view's rows, sorted only as far as a page is read: the same order.
    assert.deepStrictEqual(accountRowsLazily([acme, stale, broken, beta]).slice(0, 2).map((r) => r.account), rows.slice(0, 2).map((r) => r.account));
    assert.deepStrictEqual(accountRowsLazily([acme, stale, broken, beta]).slice(0, 4).map((r) => r.account), rows.map((r) => r.account));
  });
});
