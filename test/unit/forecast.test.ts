import * as assert from 'assert';
import { checkPlan, forecast, resolveSettings } from '../../src/core';

const plan = (name: string, opps: string) =>
  checkPlan(`---\naccount: ${name}\nopportunities:\n${opps}---\n`, { fileName: `${name}.account.md`, today: '2026-11-24' });

describe('forecast rollup', () => {
  const a = plan('a', [
    '  - { id: g, name: G, stage: G, amount: 1000, close: 2026-12-31 }',
    '  - { id: c, name: C, stage: C, amount: 2000, close: 2027-01-15 }',
    '  - { id: c2, name: C2, stage: C, amount: 500, currency: USD, probability: 40, close: 2027-02-01 }',
    '  - { id: a, name: A, stage: A, amount: 3000, forecast: omitted, close: 2026-10-01 }',
    '  - { id: s, name: S, stage: S, amount: 7000 }',
    '  - { id: l, name: L, stage: lost, amount: 9000 }',
    '',
  ].join('\n'));
  const b = plan('b', [
    '  - { id: b, name: B, stage: B, amount: 1000 }',
    '  - { id: d, name: D, stage: D }',
    '  - { id: e, name: E, stage: E, amount: 100, forecast: commit, close: 2026-12-01 }',
    '  - { id: x, name: X, stage: Q, amount: 100 }',
    '',
  ].join('\n'));
  const broken = checkPlan('---\naccount: [\n---\n', { fileName: 'c.account.md', today: '2026-11-24' });
  const r = forecast([a, b, broken]);

  it('lists the seven open stages in order, with counts and the stage probability', () => {
    assert.deepStrictEqual(r.byStage.map((s) => [s.stage, s.probability, s.count]), [
      ['G', 10, 1], ['F', 20, 0], ['E', 25, 1], ['D', 30, 1], ['C', 50, 2], ['B', 75, 1], ['A', 90, 1]]);
    assert.deepStrictEqual(r.byStage[4], { stage: 'C', probability: 50, count: 2, amount: { CNY: 2000, USD: 500 }, weighted: { CNY: 1000, USD: 200 } });
    assert.deepStrictEqual(r.byStage[3], { stage: 'D', probability: 30, count: 1, amount: {}, weighted: {} });
  });

  it('groups by category, omitted included', () => {
    assert.deepStrictEqual(r.byCategory, [
      { category: 'pipeline', count: 2, amount: { CNY: 1000 }, weighted: { CNY: 100 } },
      { category: 'best-case', count: 3, amount: { CNY: 3000, USD: 500 }, weighted: { CNY: 1750, USD: 200 } },
      { category: 'commit', count: 1, amount: { CNY: 100 }, weighted: { CNY: 25 } },
      { category: 'omitted', count: 1, amount: { CNY: 3000 }, weighted: { CNY: 2700 } },
    ]);
  });

  it('groups by close quarter in time order with none last, omitted left out', () => {
    assert.deepStrictEqual(r.byPeriod, [
      { period: '2026-Q4', count: 2, amount: { CNY: 1100 }, weighted: { CNY: 125 } },
      { period: '2027-Q1', count: 2, amount: { CNY: 2000, USD: 500 }, weighted: { CNY: 1000, USD: 200 } },
      { period: 'none', count: 2, amount: { CNY: 1000 }, weighted: { CNY: 750 } },
    ]);
  });

  it('totals open, non-omitted opportunities, and counts won ones', () => {
    assert.deepStrictEqual(r.total, { count: 6, amount: { CNY: 4100, USD: 500 }, weighted: { CNY: 1875, USD: 200 } });
    assert.deepStrictEqual(r.won, { count: 1, amount: { CNY: 7000 } });
  });

  it('uses the currency setting for opportunities without one', () => {
    const usd = resolveSettings({ currency: 'EUR' });
    assert.ok(usd.ok);
    const one = checkPlan('---\naccount: Z\nopportunities:\n  - { id: z, name: Z, stage: A, amount: 10 }\n---\n',
      { fileName: 'z.account.md', today: '2026-11-24', settings: usd.ok ? usd.settings : undefined });
    assert.deepStrictEqual(forecast([one]).total, { count: 1, amount: { EUR: 10 }, weighted: { EUR: 9 } });
  });
});

describe('weighted amounts', () => {
  it('are amount × probability with their decimals, and without floating-point noise', () => {
    const a = checkPlan('---\naccount: W\nopportunities:\n  - { id: a, name: A, stage: D, amount: 1234.567, probability: 33.3 }\n  - { id: b, name: B, stage: D, amount: 0.1 }\n  - { id: c, name: C, stage: D, amount: 0.2 }\n---\n',
      { fileName: 'w.account.md', today: '2026-11-24' });
    assert.deepStrictEqual(a.facts?.opportunities.map((o) => o.weighted), [411.110811, 0.03, 0.06]);
    assert.deepStrictEqual(forecast([a]).byStage[3].weighted, { CNY: 411.200811 });
    assert.deepStrictEqual(forecast([a]).byStage[3].amount, { CNY: 1234.867 });
  });
});
