import * as assert from 'node:assert/strict';
import { TODAY, assertBuilt, assertUsageError, cli } from './helpers';

/**
 * test/fixtures/cli/forecast, rolled up by hand:
 *   a: pos G 100,000 CNY Q2 · export C 400,000 USD Q3 · ai A (no amount) Q3 · erp S 300,000 CNY (won) · wms lost
 *   b: claims B 200,000 CNY at 60 % (no close) · dc D 1,000,000 CNY omitted Q3 · intl F 50,000 USD Q4 ·
 *      sms S 20,000 USD (won) · crm E 80,000 CNY as commit, 2025-Q4
 *   c: YAML error, left out · d: grid E 33,333 EUR 2026-Q2 (weighted 8,333.25)
 */
const EXPECTED = {
  byStage: [
    { stage: 'G', probability: 10, count: 1, amount: { CNY: 100000 }, weighted: { CNY: 10000 } },
    { stage: 'F', probability: 20, count: 1, amount: { USD: 50000 }, weighted: { USD: 10000 } },
    { stage: 'E', probability: 25, count: 2, amount: { CNY: 80000, EUR: 33333 }, weighted: { CNY: 20000, EUR: 8333.25 } },
    { stage: 'D', probability: 30, count: 1, amount: { CNY: 1000000 }, weighted: { CNY: 300000 } },
    { stage: 'C', probability: 50, count: 1, amount: { USD: 400000 }, weighted: { USD: 200000 } },
    { stage: 'B', probability: 75, count: 1, amount: { CNY: 200000 }, weighted: { CNY: 120000 } },
    { stage: 'A', probability: 90, count: 1, amount: {}, weighted: {} },
  ],
  byCategory: [
    { category: 'pipeline', count: 3, amount: { CNY: 100000, USD: 50000, EUR: 33333 }, weighted: { CNY: 10000, USD: 10000, EUR: 8333.25 } },
    { category: 'best-case', count: 2, amount: { USD: 400000, CNY: 200000 }, weighted: { USD: 200000, CNY: 120000 } },
    { category: 'commit', count: 2, amount: { CNY: 80000 }, weighted: { CNY: 20000 } },
    { category: 'omitted', count: 1, amount: { CNY: 1000000 }, weighted: { CNY: 300000 } },
  ],
  byPeriod: [
    { period: '2025-Q4', count: 1, amount: { CNY: 80000 }, weighted: { CNY: 20000 } },
    { period: '2026-Q2', count: 2, amount: { CNY: 100000, EUR: 33333 }, weighted: { CNY: 10000, EUR: 8333.25 } },
    { period: '2026-Q3', count: 2, amount: { USD: 400000 }, weighted: { USD: 200000 } },
    { period: '2026-Q4', count: 1, amount: { USD: 50000 }, weighted: { USD: 10000 } },
    { period: 'none', count: 1, amount: { CNY: 200000 }, weighted: { CNY: 120000 } },
  ],
  total: { count: 7, amount: { CNY: 380000, USD: 450000, EUR: 33333 }, weighted: { CNY: 150000, USD: 210000, EUR: 8333.25 } },
  won: { count: 2, amount: { CNY: 300000, USD: 20000 } },
};

describe('account-plans forecast', () => {
  before(assertBuilt);

  it('--format json gives the spec shape, rolled up by hand', () => {
    const r = cli(['forecast', 'forecast', '--today', TODAY, '--format', 'json']);
    assert.equal(r.status, 0);
    const report = JSON.parse(r.stdout);
    assert.deepStrictEqual(report, EXPECTED);
    assert.deepStrictEqual(Object.keys(report), ['byStage', 'byCategory', 'byPeriod', 'total', 'won']);
    assert.deepStrictEqual(Object.keys(report.byStage[0]), ['stage', 'probability', 'count', 'amount', 'weighted']);
  });

  it('warns on stderr that a file with errors may leave figures out', () => {
    const r = cli(['forecast', 'forecast', '--today', TODAY, '-f', 'json']);
    assert.equal(r.stderr, "account-plans: warning: 1 plan file has format errors, so the figures may be incomplete (run 'account-plans check')\n");
  });

  it('takes the default currency from --config, and --currency over it', () => {
    const eur = JSON.parse(cli(['forecast', 'forecast/a.account.md', '--today', TODAY, '-f', 'json', '-c', 'config/eur.json']).stdout);
    assert.deepStrictEqual(eur.byStage[0].amount, { EUR: 100000 });
    assert.deepStrictEqual(eur.won.amount, { EUR: 300000 });
    const usd = JSON.parse(cli(['forecast', 'forecast/a.account.md', '--today', TODAY, '-f', 'json', '-c', 'config/eur.json', '--currency', 'USD']).stdout);
    assert.deepStrictEqual(usd.byStage[0].amount, { USD: 100000 });
  });

  it('lists all stages and categories, and no quarter, when nothing is open', () => {
    const r = cli(['forecast', 'cjk', 'plans/broken.account.md', '--today', TODAY, '-f', 'json']);
    const report = JSON.parse(r.stdout);
    assert.deepStrictEqual(report.byStage.map((s: { stage: string; count: number }) => `${s.stage}${s.count}`), ['G0', 'F0', 'E1', 'D0', 'C0', 'B1', 'A0']);
    const none = JSON.parse(cli(['forecast', 'config', '--today', TODAY, '-f', 'json']).stdout);
    assert.deepStrictEqual(none.byPeriod, []);
    assert.deepStrictEqual(none.total, { count: 0, amount: {}, weighted: {} });
    assert.equal(none.byCategory.length, 4);
  });

  it('--format text prints aligned tables, one row per currency', () => {
    const r = cli(['forecast', 'forecast', '--today', TODAY]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `Forecast: 8 open and 2 won opportunities in 4 plans

By stage
  Stage  Probability  Count  Currency     Amount  Weighted
  G              10%      1  CNY         100,000    10,000
  F              20%      1  USD          50,000    10,000
  E              25%      2  CNY          80,000    20,000
                             EUR          33,333     8,333
  D              30%      1  CNY       1,000,000   300,000
  C              50%      1  USD         400,000   200,000
  B              75%      1  CNY         200,000   120,000
  A              90%      1

By forecast category
  Category   Count  Currency     Amount  Weighted
  pipeline       3  CNY         100,000    10,000
                    EUR          33,333     8,333
                    USD          50,000    10,000
  best-case      2  CNY         200,000   120,000
                    USD         400,000   200,000
  commit         2  CNY          80,000    20,000
  omitted        1  CNY       1,000,000   300,000

By close quarter (open, not omitted)
  Quarter        Count  Currency   Amount  Weighted
  2025-Q4            1  CNY        80,000    20,000
  2026-Q2            2  CNY       100,000    10,000
                        EUR        33,333     8,333
  2026-Q3            2  USD       400,000   200,000
  2026-Q4            1  USD        50,000    10,000
  no close date      1  CNY       200,000   120,000

Totals
                     Count  Currency   Amount  Weighted
  open, not omitted      7  CNY       380,000   150,000
                            EUR        33,333     8,333
                            USD       450,000   210,000
  won (stage S)          2  CNY       300,000
                            USD        20,000
`);
  });

  it('--format text says when no quarter has an open opportunity', () => {
    const r = cli(['forecast', 'config', '--today', TODAY]);
    assert.match(r.stdout, /^Forecast: 0 open and 0 won opportunities in 0 plans\n/);
    assert.ok(r.stdout.includes('\nBy close quarter (open, not omitted)\n  No open opportunities.\n'), r.stdout);
  });

  it('--format markdown prints GitHub tables with numbers aligned right and amounts with their currency symbol', () => {
    const r = cli(['forecast', 'forecast', '--today', TODAY, '-f', 'markdown']);
    assert.equal(r.status, 0);
    const md = r.stdout;
    assert.ok(md.startsWith('## Forecast: 8 open and 2 won opportunities in 4 plans\n\n### By stage\n\n'));
    // `$` goes through the plan-text escaper as `&#36;` (GitHub shows $, and no math starts).
    assert.ok(md.includes([
      '| Stage | Probability | Count | Amount | Weighted |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| G | 10% | 1 | CN¥100,000 | CN¥10,000 |',
      '| F | 20% | 1 | &#36;50,000 | &#36;10,000 |',
      '| E | 25% | 2 | CN¥80,000 | CN¥20,000 |',
      '|  |  |  | €33,333 | €8,333 |',
      '| D | 30% | 1 | CN¥1,000,000 | CN¥300,000 |',
      '| C | 50% | 1 | &#36;400,000 | &#36;200,000 |',
      '| B | 75% | 1 | CN¥200,000 | CN¥120,000 |',
      '| A | 90% | 1 |  |  |',
    ].join('\n')), md);
    assert.ok(md.includes('| omitted | 1 | CN¥1,000,000 | CN¥300,000 |\n'));
    assert.ok(md.includes('| no close date | 1 | CN¥200,000 | CN¥120,000 |\n'));
    assert.ok(md.includes('| open, not omitted | 7 | CN¥380,000 | CN¥150,000 |\n|  |  | €33,333 | €8,333 |\n|  |  | &#36;450,000 | &#36;210,000 |\n'));
    assert.ok(md.includes('| won (stage S) | 2 | CN¥300,000 |  |\n|  |  | &#36;20,000 |  |\n'));
  });

  it('--format markdown ends with the funnel: counts, conversion against the benchmark, and the bottleneck in numbers', () => {
    const md = cli(['forecast', 'forecast', '--today', TODAY, '-f', 'markdown']).stdout;
    const funnel = md.slice(md.indexOf('### Funnel\n'));
    assert.equal(funnel, [
      '### Funnel',
      '',
      '| Stage | At stage | Reached | Conversion to next | Benchmark |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| G | 1 | 10 | 90% | 80% |',
      '| F | 1 | 9 | 89% | 80% |',
      '| E | 2 | 8 | 75% | 75% |',
      '| D | 1 | 6 | 83% | 70% |',
      '| C | 1 | 5 | 80% | 65% |',
      '| B | 1 | 4 | 75% (below benchmark) | 80% |',
      '| A | 1 | 3 | 67% (below benchmark) | 90% |',
      '| S (won) | 2 | 2 |  |  |',
      '',
      'Deals that reached a stage (now there or further, won included) and the share of them that reached the next one, against the benchmark. '
        + '1 deal parked at A: 67% convert to S (won), against 90% expected.',
      '',
    ].join('\n'));
  });

  it('--format markdown judges the funnel against the configured benchmark', () => {
    const md = cli(['forecast', 'forecast', '--today', TODAY, '-f', 'markdown', '-c', 'config/low-benchmark.json']).stdout;
    assert.ok(md.includes('| A | 1 | 3 | 67% | 50% |\n'), md);
    assert.ok(md.endsWith('Every stage converts at or above its benchmark.\n'), md);
  });

  it('--format text keeps the currency code in its own column', () => {
    const text = cli(['forecast', 'forecast', '--today', TODAY]).stdout;
    assert.match(text, /\n {2}Stage {2}Probability {2}Count {2}Currency {2}/);
    assert.ok(!text.includes('CN¥'), text);
  });

  it('rejects a check-only format', () => {
    assertUsageError(cli(['forecast', '--format', 'sarif']), /unknown format 'sarif' for forecast; use one of text, json, markdown/);
    assertUsageError(cli(['forecast', '--lang', 'en']), /unknown option '--lang'/);
  });
});
