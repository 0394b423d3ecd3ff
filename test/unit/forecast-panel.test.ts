import * as assert from 'assert';
import {
  applyQueryChange, bottleneckFigures, checkPlan, csvCell, DEFAULT_FUNNEL_BENCHMARK, ForecastBook, forecastCsv, forecastPanel, inFolder, ROW_BLOCK,
  ROW_SORT_KEYS, rowBlock, sortRows, withFirstBlock, type ForecastPanelOptions, type ForecastRow, type PlanEntry,
} from '../../src/core';

const entry = (uri: string, head: string, opps: string[]): PlanEntry => ({
  uri,
  analysis: checkPlan(`---\n${head}opportunities:\n${opps.map((o) => `  - ${o}\n`).join('')}---\n`,
    { fileName: uri.split('/').pop()!, today: '2026-11-24' }),
});

const entries: PlanEntry[] = [
  entry('file:///w/east/a.account.md', 'account: Alpha\nowner: Lin\ntier: A\n', [
    '{ id: g1, name: Survey, stage: G, amount: 1000, close: 2026-12-31 }',
    '{ id: c1, name: Core, stage: C, amount: 2000, close: 2027-01-15 }',
    '{ id: a1, name: Renewal, stage: A, amount: 3000, probability: 80, close: 2027-02-01 }',
    '{ id: u1, name: Export, stage: C, amount: 500, currency: USD, close: 2027-01-10 }',
    '{ id: s1, name: Signed, stage: S, amount: 7000, close: 2026-11-01 }',
    '{ id: l1, name: Gone, stage: lost, amount: 9000 }',
  ]),
  entry('file:///w/eastern/b.account.md', 'account: Beta\nowner: Wang\ntier: B\n', [
    '{ id: b1, name: Backup, stage: B, amount: 1000 }',
    '{ id: e1, name: Edge, stage: E, amount: 400, forecast: omitted, close: 2027-03-01 }',
    '{ id: d1, name: Demo, stage: D, close: 2027-02-02 }',
    '{ id: s2, name: Old, stage: S, amount: 500 }',
  ]),
  entry('file:///w/east/c.account.md', 'account: Gamma\n', [
    '{ id: f1, name: Field, stage: F, amount: 200, forecast: commit, close: 2027-04-01 }',
  ]),
  // stage X fails the schema (AP002): the plan counts, its figures may be incomplete
  entry('file:///w/east/d.account.md', 'account: Delta\nowner: Lin\n', ['{ id: x, name: X, stage: X, amount: 100 }']),
  { uri: 'file:///w/east/broken.account.md', analysis: checkPlan('---\naccount: [\n---\n', { fileName: 'broken.account.md', today: '2026-11-24' }) },
];
const options: ForecastPanelOptions = { benchmark: DEFAULT_FUNNEL_BENCHMARK, defaultCurrency: 'CNY' };
const ids = (rows: readonly ForecastRow[]) => rows.map((r) => `${r.account}/${r.opportunity}`);

describe('forecast panel model', () => {
  const all = forecastPanel(entries, {}, options);

  it('shows the settings currency by default, else the most used one', () => {
    assert.strictEqual(all.query.currency, 'CNY');
    assert.deepStrictEqual(all.query.sort, { key: 'weighted', dir: 'desc' });
    assert.strictEqual(forecastPanel(entries, {}, { ...options, defaultCurrency: 'EUR' }).query.currency, 'CNY');
    assert.deepStrictEqual(all.currencies, [{ value: 'CNY', count: 9 }, { value: 'USD', count: 1 }]);
  });

  it('weighted pipeline by close quarter and category, and the amount won in each quarter', () => {
    assert.deepStrictEqual(all.quarters, [
      { period: '2026-Q4', commit: 0, bestCase: 0, pipeline: 100, won: 7000, openCount: 1, wonCount: 1 },
      { period: '2027-Q1', commit: 2400, bestCase: 1000, pipeline: 0, won: 0, openCount: 3, wonCount: 0 },
      { period: '2027-Q2', commit: 40, bestCase: 0, pipeline: 0, won: 0, openCount: 1, wonCount: 0 },
      { period: 'none', commit: 0, bestCase: 750, pipeline: 0, won: 500, openCount: 1, wonCount: 1 },
    ]);
  });

  it('totals: open (omitted left out), by category (omitted shown), won', () => {
    assert.deepStrictEqual(all.totals, {
      open: { count: 6, amount: 7200, weighted: 4290 },
      byCategory: {
        pipeline: { count: 2, weighted: 100 },
        'best-case': { count: 2, weighted: 1750 },
        commit: { count: 2, weighted: 2440 },
        omitted: { count: 1, weighted: 100 },
      },
      won: { count: 2, amount: 7500 },
      overdue: { count: 0, amount: 0, weighted: 0 },
    });
  });

  it('with today, open deals whose close date passed are overdue: one column first, a flag on the row, a total', () => {
    const m = forecastPanel(entries, {}, { ...options, today: '2027-01-20' });
    assert.deepStrictEqual(m.quarters.map((q) => [q.period, q.commit + q.bestCase + q.pipeline, q.won, q.openCount]), [
      ['overdue', 1100, 0, 2], ['2026-Q4', 0, 7000, 0], ['2027-Q1', 2400, 0, 2], ['2027-Q2', 40, 0, 1], ['none', 750, 500, 1]],
      'Survey (2026-12-31) and Core (2027-01-15) are overdue; the deal won in 2026-Q4 stays there');
    assert.deepStrictEqual(m.rows.filter((r) => r.overdue).map((r) => r.opportunity).sort(), ['Core', 'Survey']);
    assert.ok(m.rows.filter((r) => !r.overdue).every((r) => !('overdue' in r)), 'the flag only where it is true');
    assert.deepStrictEqual(m.totals.overdue, { count: 2, amount: 3000, weighted: 1100 });
    assert.deepStrictEqual(m.totals.open, all.totals.open, 'still open, still counted');
    assert.ok(!forecastPanel(entries, {}, { ...options, today: '2027-01-15' }).rows.find((r) => r.opportunity === 'Core')!.overdue, 'due today is not overdue');
  });

  it('the totals row adds up every row of the table (omitted included), not only the rows sent', () => {
    const sum = (f: (r: ForecastRow) => number | undefined) => all.rows.reduce((a, r) => a + (f(r) ?? 0), 0);
    assert.deepStrictEqual(all.rowTotals, { count: 7, amount: sum((r) => r.amount), weighted: sum((r) => r.weighted) });
    assert.deepStrictEqual(forecastPanel(entries, {}, { ...options, rowLimit: 2 }).rowTotals, all.rowTotals);
  });

  it('the bottleneck in numbers: deals parked there, its conversion to the next stage and the benchmark', () => {
    assert.deepStrictEqual(bottleneckFigures(all.funnel), { stage: 'A', next: 'S', parked: 1, reached: 3, passed: 2, conversion: 2 / 3, benchmark: 0.9 });
    assert.strictEqual(bottleneckFigures({ steps: all.funnel.steps, bottleneck: undefined }), undefined);
  });

  it('sums keep their decimals, as the CLI and the views do (the display rounds)', () => {
    const cents = [entry('file:///w/x.account.md', 'account: X\n', [
      '{ id: a, name: A, stage: D, amount: 1234.567, close: 2027-01-01 }',
      '{ id: b, name: B, stage: C, amount: 0.125, close: 2027-01-02 }',
    ])];
    const m = forecastPanel(cents, {}, options);
    assert.deepStrictEqual(m.totals.open, { count: 2, amount: 1234.692, weighted: 370.4326 });
    assert.deepStrictEqual([m.quarters[0].pipeline, m.quarters[0].bestCase], [370.3701, 0.0625]);
  });

  it('owner and tier choices in name order (case-blind, digits as numbers), none last', () => {
    const people = ['Wang', 'lin', 'Lin', 'Lot 10', 'Lot 9', undefined].map((owner, i) =>
      entry(`file:///w/p${i}.account.md`, `account: P${i}\n${owner ? `owner: ${owner}\n` : ''}`, ['{ id: a, name: A, stage: G, amount: 1 }']));
    assert.deepStrictEqual(forecastPanel(people, {}, options).owners.map((c) => c.value), ['Lin', 'lin', 'Lot 9', 'Lot 10', 'Wang', '']);
  });

  it('the funnel of the selection, with amounts per stage and the bottleneck', () => {
    assert.deepStrictEqual(all.funnel.steps.map((s) => [s.stage, s.count, s.reached, s.amount, s.weighted, s.stuck]), [
      ['G', 1, 9, 1000, 100, false], ['F', 1, 8, 200, 40, false], ['E', 1, 7, 400, 100, false], ['D', 1, 6, 0, 0, false],
      ['C', 1, 5, 2000, 1000, false], ['B', 1, 4, 1000, 750, true], ['A', 1, 3, 3000, 2400, true], ['S', 2, 2, 7500, 7500, false]]);
    assert.strictEqual(all.funnel.steps[5].conversion, 3 / 4);
    assert.strictEqual(all.funnel.bottleneck, 'A');
  });

  it('table rows: open opportunities, omitted included, heaviest first, a missing weight last', () => {
    assert.strictEqual(all.rowCount, 7);
    assert.deepStrictEqual(ids(all.rows), ['Alpha/Renewal', 'Alpha/Core', 'Beta/Backup', 'Alpha/Survey', 'Beta/Edge', 'Gamma/Field', 'Beta/Demo']);
    assert.deepStrictEqual(all.rows[0], {
      uri: 'file:///w/east/a.account.md', index: 2, account: 'Alpha', opportunity: 'Renewal', stage: 'A', category: 'commit',
      probability: 80, currency: 'CNY', amount: 3000, weighted: 2400, close: '2027-02-01', owner: 'Lin', tier: 'A',
    });
    assert.strictEqual(forecastPanel(entries, { sort: { key: 'amount', dir: 'asc' } }, { ...options, rowLimit: 2 }).rows.length, 2);
  });

  it('counts plans and the ones with format errors; filter choices with plan counts', () => {
    assert.strictEqual(all.plans, 4);
    assert.strictEqual(all.incomplete, 2, 'the AP002 plan and the unreadable file');
    assert.deepStrictEqual(all.incompletePlans, [
      { uri: 'file:///w/east/broken.account.md', name: 'broken.account.md' }, { uri: 'file:///w/east/d.account.md', name: 'd.account.md' }]);
    assert.deepStrictEqual(all.owners, [{ value: 'Lin', count: 2 }, { value: 'Wang', count: 1 }, { value: '', count: 1 }]);
    assert.deepStrictEqual(all.tiers, [{ value: 'A', count: 1 }, { value: 'B', count: 1 }, { value: '', count: 2 }]);
  });

  it('filters by owner and tier (empty for none), keeping every choice of the folder', () => {
    const wang = forecastPanel(entries, { owner: 'Wang' }, options);
    assert.deepStrictEqual(ids(wang.rows), ['Beta/Backup', 'Beta/Edge', 'Beta/Demo']);
    assert.strictEqual(wang.plans, 1);
    assert.strictEqual(wang.incomplete, 0);
    assert.deepStrictEqual(wang.owners, all.owners);
    assert.deepStrictEqual(ids(forecastPanel(entries, { owner: '' }, options).rows), ['Gamma/Field']);
    const noTier = forecastPanel(entries, { tier: '' }, options);
    assert.deepStrictEqual(ids(noTier.rows), ['Gamma/Field']);
    assert.strictEqual(noTier.plans, 2);
  });

  it('scopes to a folder by URI prefix (east is not eastern)', () => {
    assert.ok(inFolder('file:///w/east/a.account.md', 'file:///w/east'));
    assert.ok(inFolder('file:///w/east/a.account.md', 'file:///w/east/'));
    assert.ok(!inFolder('file:///w/eastern/b.account.md', 'file:///w/east'));
    const east = forecastPanel(entries, { folder: 'file:///w/east' }, options);
    assert.deepStrictEqual(east.owners, [{ value: 'Lin', count: 2 }, { value: '', count: 1 }]);
    assert.strictEqual(east.totals.open.weighted, 3540, 'Alpha 100 + 1000 + 2400, Gamma 40');
    assert.strictEqual(east.query.folder, 'file:///w/east');
  });

  it('another currency is its own book; an unknown one is listed with no opportunity', () => {
    const usd = forecastPanel(entries, { currency: 'USD' }, options);
    assert.deepStrictEqual(ids(usd.rows), ['Alpha/Export']);
    assert.deepStrictEqual(usd.quarters, [{ period: '2027-Q1', commit: 0, bestCase: 250, pipeline: 0, won: 0, openCount: 1, wonCount: 0 }]);
    const jpy = forecastPanel(entries, { currency: 'JPY' }, options);
    assert.deepStrictEqual(jpy.currencies.map((c) => [c.value, c.count]), [['CNY', 9], ['JPY', 0], ['USD', 1]]);
    assert.strictEqual(jpy.rowCount, 0);
    assert.deepStrictEqual(jpy.quarters, []);
  });
});

describe('forecast query changes from the page', () => {
  it('null clears a filter, the folder can only be cleared, the rest is kept', () => {
    const q = { folder: 'file:///w/east', owner: 'Lin', tier: 'A', currency: 'USD' };
    assert.deepStrictEqual(applyQueryChange(q, { owner: null }), { folder: 'file:///w/east', owner: undefined, tier: 'A', currency: 'USD' });
    assert.deepStrictEqual(applyQueryChange(q, { owner: '', tier: null, sort: { key: 'close', dir: 'asc' } }),
      { folder: 'file:///w/east', owner: '', tier: undefined, currency: 'USD', sort: { key: 'close', dir: 'asc' } });
    assert.deepStrictEqual(applyQueryChange(q, { folder: null, currency: 'CNY' }), { folder: undefined, owner: 'Lin', tier: 'A', currency: 'CNY' });
    assert.deepStrictEqual(applyQueryChange(q, {}), q);
  });
});

describe('forecast table sort', () => {
  const rows = forecastPanel(entries, {}, options).rows;
  const by = (key: Parameters<typeof sortRows>[1]['key'], dir: 'asc' | 'desc') => ids(sortRows(rows, { key, dir }));

  it('by stage in the stage table order, not the alphabet', () => {
    assert.deepStrictEqual(by('stage', 'asc'), ['Alpha/Survey', 'Gamma/Field', 'Beta/Edge', 'Beta/Demo', 'Alpha/Core', 'Beta/Backup', 'Alpha/Renewal']);
  });

  it('by close date; a deal without one is last in both directions', () => {
    assert.deepStrictEqual(by('close', 'asc'), ['Alpha/Survey', 'Alpha/Core', 'Alpha/Renewal', 'Beta/Demo', 'Beta/Edge', 'Gamma/Field', 'Beta/Backup']);
    assert.deepStrictEqual(by('close', 'desc'), ['Gamma/Field', 'Beta/Edge', 'Beta/Demo', 'Alpha/Renewal', 'Alpha/Core', 'Alpha/Survey', 'Beta/Backup']);
  });

  it('by owner (no owner last), ties by account then opportunity', () => {
    assert.deepStrictEqual(by('owner', 'asc'), ['Alpha/Core', 'Alpha/Renewal', 'Alpha/Survey', 'Beta/Backup', 'Beta/Demo', 'Beta/Edge', 'Gamma/Field']);
  });

  it('names ignore case and read digits as numbers', () => {
    const mk = (account: string, i: number): ForecastRow => ({ ...rows[0], account, index: i });
    const names = sortRows([mk('lot 10', 0), mk('Lot 9', 1), mk('apple', 2), mk('Banana', 3)], { key: 'account', dir: 'asc' }).map((r) => r.account);
    assert.deepStrictEqual(names, ['apple', 'Banana', 'Lot 9', 'lot 10']);
  });
});

describe('forecast CSV', () => {
  it('RFC 4180 quoting, CRLF, a BOM, and formulas neutralised', () => {
    const row: ForecastRow = {
      uri: 'file:///w/x.account.md', index: 0, account: '=HYPERLINK("http://x","y")', opportunity: 'a,b', stage: 'C', category: 'best-case',
      probability: 50, currency: 'CNY', amount: 1000, weighted: 500, close: '2027-01-01', owner: '@admin', tier: 'A',
    };
    const other: ForecastRow = { ...row, account: 'line\nbreak', opportunity: '-5', owner: '+1', amount: undefined, weighted: undefined, close: undefined, tier: undefined };
    assert.strictEqual(forecastCsv([row, other]), '\uFEFF'
      + 'account,opportunity,stage,category,probability,currency,amount,weighted,close,owner,tier\r\n'
      + '"\'=HYPERLINK(""http://x"",""y"")","a,b",C,best-case,50,CNY,1000,500,2027-01-01,\'@admin,A\r\n'
      + '"line\nbreak",\'-5,C,best-case,50,CNY,,,,\'+1,\r\n');
  });

  it('cells', () => {
    assert.strictEqual(csvCell('plain'), 'plain');
    assert.strictEqual(csvCell('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvCell('\tx'), "'\tx");
    assert.strictEqual(csvCell('中国电信'), '中国电信');
    assert.strictEqual(csvCell(0), '0');
    assert.strictEqual(csvCell(undefined), '');
  });
});

describe('forecast book (the deals indexed once, for the panel at 10,000 plans)', () => {
  const queries = [
    {}, { owner: 'Lin' }, { owner: '' }, { tier: 'B' }, { folder: 'file:///w/east' }, { currency: 'USD' }, { currency: 'JPY' },
    ...ROW_SORT_KEYS.flatMap((key) => (['asc', 'desc'] as const).map((dir) => ({ sort: { key, dir } }))),
    { owner: 'Lin', sort: { key: 'account' as const, dir: 'desc' as const } },
  ];
  for (const today of [undefined, '2027-01-20']) {
    it(`gives the model forecastPanel gives, for every filter and sort (today ${today ?? 'unset'})`, () => {
      const book = new ForecastBook(entries, today);
      for (const q of queries) assert.deepStrictEqual(book.panel(q, options), forecastPanel(entries, q, { ...options, today }), JSON.stringify(q));
    });
  }

  it('keeps the last models: a query asked again gets the same model without computing it again', () => {
    const book = new ForecastBook(entries);
    const lin = book.panel({ owner: 'Lin' }, options);
    assert.strictEqual(book.panel({}, options), book.panel({}, options));
    assert.strictEqual(book.panel({ owner: 'Lin' }, options), lin);
    assert.notStrictEqual(book.panel({ owner: 'Lin' }, { ...options, defaultCurrency: 'USD' }), lin, 'other options, another model');
    for (let i = 0; i < 10; i++) book.panel({ folder: `file:///w/f${i}` }, options);
    assert.notStrictEqual(book.panel({ owner: 'Lin' }, options), lin, 'forgotten after 8 other queries');
    assert.deepStrictEqual(book.panel({ owner: 'Lin' }, options), lin);
  });

  it('sorts each order once, however many queries use it', () => {
    const book = new ForecastBook(entries);
    const sort = { key: 'amount' as const, dir: 'asc' as const };
    assert.strictEqual(book.ordered(sort), book.ordered(sort));
    assert.deepStrictEqual(ids(book.ordered(sort)), ids(sortRows(book.ordered({ key: 'weighted', dir: 'desc' }), sort)));
  });

  it('the page gets the rows a block at a time: the model with the first block, then any block by where it starts', () => {
    const many = Array.from({ length: 3 }, (_, i) => entry(`file:///w/m${i}.account.md`, `account: M${i}\n`,
      Array.from({ length: 150 }, (_, d) => `{ id: o${d}, name: D${d}, stage: C, amount: ${1000 + d} }`)));
    const m = forecastPanel(many, {}, options);
    assert.strictEqual(m.rows.length, 450, 'every row, with no row limit');
    const first = withFirstBlock(m);
    assert.deepStrictEqual([first.rows.length, first.rowCount], [ROW_BLOCK, 450]);
    assert.deepStrictEqual(rowBlock(m, 400), m.rows.slice(400));
    assert.deepStrictEqual(rowBlock(m, 450), []);
  });
});
