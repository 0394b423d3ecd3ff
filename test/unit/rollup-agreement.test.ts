import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  accountRows, checkPlan, DEFAULT_FUNNEL_BENCHMARK, DEFAULT_SETTINGS, FORECAST_CATEGORIES, forecast, forecastPanel, OPEN_STAGES, pipelineGroups,
  MoneySum, addUp, type ForecastReport, type Money, type PlanEntry, type PipelineFilter,
} from '../../src/core';
import { ROOT, assertBuilt, cli } from '../cli/helpers';

/**
 * The Pipeline view (its stage, quarter and owner groups), the Accounts view, the CLI forecast
 * (in process and the built binary's JSON) and the Forecast panel roll up the same deals with the
 * same arithmetic: every figure below is compared exactly, so they agree to the cent and beyond.
 */

const TODAY = '2026-11-24';
const SHAPE = { stakeholders: 3, opportunities: 4, visits: 2, mixed: true };
const PLANS = 1000;

interface Generator {
  planText(i: number, shape: typeof SHAPE): string;
  generate(dir: string, count: number, shape: typeof SHAPE): void;
}
/** bench/generate.mjs is an ES module; a CommonJS test reaches it through a real `import()`. */
const importEsm = new Function('url', 'return import(url)') as (url: string) => Promise<Generator>;
const loadGenerator = () => importEsm(pathToFileURL(path.join(ROOT, 'bench/generate.mjs')).href);

const analyse = (uri: string, text: string): PlanEntry =>
  ({ uri, analysis: checkPlan(text, { fileName: uri.split('/').pop()!, today: TODAY, settings: DEFAULT_SETTINGS }) });

const examples = (): PlanEntry[] => fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.account.md')).sort()
  .map((f) => analyse(`file:///examples/${f}`, fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8')));

const sums = (s: { count: number; amount: Money; weighted: Money }) => ({ count: s.count, amount: s.amount, weighted: s.weighted });

/** Money objects added up, each currency under the rounding rule. */
function addUpMoney(list: readonly Money[]): Money {
  const out = new MoneySum();
  for (const m of list) for (const [c, v] of Object.entries(m)) out.add(c, v);
  return out.value;
}
const total = <T extends { count: number; amount: Money; weighted: Money }>(groups: readonly T[]) =>
  ({ count: groups.reduce((n, g) => n + g.count, 0), amount: addUpMoney(groups.map((g) => g.amount)), weighted: addUpMoney(groups.map((g) => g.weighted)) });

/** Every figure of the tree and the panel against the forecast report of the same plans. */
function assertAgree(entries: readonly PlanEntry[], filter: PipelineFilter = {}): ForecastReport {
  const picked = entries.filter((e) => e.analysis.plan
    && (filter.owner === undefined || (e.analysis.plan.owner ?? '') === filter.owner)
    && (filter.tier === undefined || (e.analysis.plan.tier ?? '') === filter.tier));
  const report = forecast(picked.map((e) => e.analysis));

  // Tree, by stage: G…A are byStage; S is won.
  const byStage = pipelineGroups(entries, 'stage', filter);
  assert.deepEqual(byStage.slice(0, 7).map((g) => ({ stage: g.key, ...sums(g) })),
    report.byStage.map((s) => ({ stage: s.stage, ...sums(s) })), 'tree by stage = byStage');
  const won = byStage.find((g) => g.key === 'S')!;
  assert.deepEqual({ count: won.count, amount: won.amount }, report.won, 'tree won = won');

  // Tree, by quarter: byPeriod; by quarter and by owner, added up: total.
  const byQuarter = pipelineGroups(entries, 'quarter', filter);
  assert.deepEqual(byQuarter.map((g) => ({ period: g.key, ...sums(g) })), report.byPeriod.map((p) => ({ period: p.period, ...sums(p) })), 'tree by quarter = byPeriod');
  assert.deepEqual(total(byQuarter), report.total, 'tree by quarter, added up = total');
  assert.deepEqual(total(pipelineGroups(entries, 'owner', filter)), report.total, 'tree by owner, added up = total');
  assert.deepEqual(addUpMoney(accountRows(picked).map((r) => r.openWeighted)), report.total.weighted, 'accounts, added up = total weighted');

  // The panel shows one currency at a time; its counts over every currency are the report's.
  const panelOf = (currency?: string) => forecastPanel(entries, { ...filter, currency }, { benchmark: DEFAULT_FUNNEL_BENCHMARK, defaultCurrency: 'CNY' });
  const currencies = panelOf().currencies.map((c) => c.value);
  const panels = currencies.map((c) => panelOf(c));
  const count = (f: (p: (typeof panels)[number]) => number) => panels.reduce((n, p) => n + f(p), 0);
  const of = (m: Money, c: string) => m[c] ?? 0;
  for (const [i, stage] of OPEN_STAGES.entries()) {
    const s = report.byStage[i];
    assert.equal(count((p) => p.funnel.steps[i].count), s.count, `panel stage ${stage} count`);
    for (const p of panels) {
      const step = p.funnel.steps[i];
      assert.deepEqual([step.amount, step.weighted], [of(s.amount, p.query.currency), of(s.weighted, p.query.currency)], `panel stage ${stage} ${p.query.currency}`);
    }
  }
  for (const [i, category] of FORECAST_CATEGORIES.entries()) {
    const c = report.byCategory[i];
    assert.equal(count((p) => p.totals.byCategory[category].count), c.count, `panel ${category} count`);
    for (const p of panels) assert.equal(p.totals.byCategory[category].weighted, of(c.weighted, p.query.currency), `panel ${category} ${p.query.currency}`);
  }
  for (const period of report.byPeriod) {
    assert.equal(count((p) => p.quarters.find((q) => q.period === period.period)?.openCount ?? 0), period.count, `panel ${period.period} count`);
    for (const p of panels) {
      const q = p.quarters.find((x) => x.period === period.period);
      const weighted = q ? addUp([q.commit, q.bestCase, q.pipeline]) : 0;
      assert.equal(weighted, of(period.weighted, p.query.currency), `panel ${period.period} ${p.query.currency}`);
    }
  }
  assert.equal(count((p) => p.totals.open.count), report.total.count, 'panel open count');
  assert.equal(count((p) => p.totals.won.count), report.won.count, 'panel won count');
  for (const p of panels) {
    const c = p.query.currency;
    assert.deepEqual(p.totals.open, { count: p.totals.open.count, amount: of(report.total.amount, c), weighted: of(report.total.weighted, c) }, `panel open ${c}`);
    assert.equal(p.totals.won.amount, of(report.won.amount, c), `panel won ${c}`);
    assert.equal(p.funnel.steps[7].amount, of(report.won.amount, c), `panel funnel S ${c}`);
  }
  return report;
}

describe('one rollup: tree, CLI and Forecast panel agree', function () {
  this.timeout(60_000);
  let generated: PlanEntry[] = [];
  let gen: Generator;

  before(async () => {
    assertBuilt();
    gen = await loadGenerator();
    generated = Array.from({ length: PLANS }, (_, i) => analyse(`file:///gen/region-${i % 20}/acct-${i}.account.md`, gen.planText(i, SHAPE)));
  });

  it('on the examples, and the built CLI prints the same JSON', () => {
    const report = assertAgree(examples());
    assert.ok(report.total.count > 5 && report.won.count > 0 && report.byCategory[3].count > 0, 'the examples have open, won and omitted deals');
    const r = cli(['forecast', 'examples', '--today', TODAY, '--format', 'json'], { cwd: ROOT });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(report)));
  });

  it('on 1,000 generated plans in several currencies, with omitted deals, decimals and gaps', () => {
    const report = assertAgree(generated);
    // The set is what the comparison needs: every kind of deal, in three currencies, with decimals.
    assert.equal(generated.filter((e) => e.analysis.findings.some((f) => f.severity === 'error')).length, 0);
    assert.ok(report.byCategory.every((c) => c.count > 50), 'every category, omitted included');
    assert.deepEqual(Object.keys(report.total.weighted).sort(), ['CNY', 'EUR', 'USD']);
    assert.ok(report.byPeriod.some((p) => p.period === 'none') && report.won.count > 100);
    assert.ok(Object.values(report.total.amount).some((v) => !Number.isInteger(v * 100)), 'sums below the cent');
  });

  it('on generated plans filtered by owner and by tier (none included)', () => {
    for (const filter of [{ owner: 'Wang Lei' }, { owner: '' }, { tier: 'VIP' }, { owner: '林山', tier: 'B' }]) {
      assert.ok(assertAgree(generated, filter).total.count > 0, JSON.stringify(filter));
    }
  });

  it('the built CLI on the generated plans written to disk prints the same JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rollup-agreement-'));
    try {
      gen.generate(dir, PLANS, SHAPE);
      const r = cli(['forecast', dir, '--today', TODAY, '--format', 'json'], { cwd: ROOT });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(forecast(generated.map((e) => e.analysis)))));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
