import * as assert from 'assert';
import { comparePanelModel, describeChanges, type ComparePanelModel } from '../../src/core';
import { BASE, edit, run, wrap } from './diff-fixtures';

const PLAN = 'acme.account.md';
const model = (before: string, after: string, locale?: 'en' | 'zh-cn'): ComparePanelModel =>
  comparePanelModel(run({ [PLAN]: wrap(before) }, { [PLAN]: wrap(after) }), locale);

// d1 C → B (best case 500 → 750 CNY), d2 lost (600 USD out), Tao B → D, a visit with Ou.
const AFTER = edit(edit(edit(BASE, 'stage: C', 'stage: B'), 'stage: D', 'stage: lost'), 'attitude: B', 'attitude: D')
  + '  - date: 2026-11-20\n    purpose: progress\n    with: [ops]\n';

describe('comparePanelModel: what the Compare panel shows', () => {
  it('tiles: the pipeline\'s move per currency, then deals, people, visits and findings', () => {
    const m = model(BASE, AFTER);
    assert.deepStrictEqual(m.tiles.map((t) => [t.kind, t.label, t.value, t.detail, t.tone]), [
      ['pipeline', 'Pipeline 2026-Q4 · CNY', '+CN¥250', 'CN¥500 → CN¥750', 'up'],
      ['pipeline', 'Pipeline 2026-Q4 · USD', '−$600', '$600 → $0', 'down'],
      ['deals', 'Deals changed', '2', undefined, undefined],
      ['people', 'People changed', '1', undefined, undefined],
      ['visits', 'Visits added', '1', undefined, undefined],
      ['findings', 'Findings', m.tiles[5].value, m.tiles[5].detail, m.tiles[5].tone],
    ]);
    assert.match(m.tiles[5].value, /^\+\d+ \/ −\d+$/);
  });

  it('an unmoved pipeline is one tile that says so', () => {
    const m = model(BASE, edit(BASE, 'attitude: B', 'attitude: A'));
    assert.deepStrictEqual(m.tiles[0], { kind: 'pipeline', label: 'Pipeline 2026-Q4', value: 'unchanged' });
    assert.deepStrictEqual(m.waterfalls, []);
    assert.strictEqual(m.waterfallTable, undefined);
  });

  it('the headline is the presenters\' headline, word for word', () => {
    const cs = run({ [PLAN]: wrap(BASE) }, { [PLAN]: wrap(AFTER) });
    assert.deepStrictEqual(comparePanelModel(cs).headline, describeChanges(cs).headline);
    assert.deepStrictEqual(comparePanelModel(cs).waterfallTable, describeChanges(cs).waterfall);
  });

  it('deals: stage, amount and close before and after, with the tone of the move, and the presenters\' lines', () => {
    const [acme] = model(BASE, AFTER).accounts;
    assert.strictEqual(acme.name, 'Acme');
    assert.deepStrictEqual(acme.deals.map((d) => [d.name, d.status, d.stage, d.amount.changed, d.close.changed]), [
      ['Deal one', 'changed', { from: 'C', to: 'B', changed: true, tone: 'up' }, false, false],
      ['Deal two', 'changed', { from: 'D', to: 'lost', changed: true, tone: 'down' }, false, false],
    ]);
    assert.deepStrictEqual(acme.deals[0].lines, [{ text: 'stage C → B ↑ (customer step 5 → 6)', tone: 'up' }]);
    assert.deepStrictEqual(acme.deals[1].lines, [{ text: 'lost ↓ (from stage D)', tone: 'down' }]);
    assert.deepStrictEqual(acme.deals[0].amount, { from: 'CN¥1,000', to: 'CN¥1,000', changed: false, tone: undefined });
  });

  it('people: the attitude move; coverage, visits and next steps as lines', () => {
    const [acme] = model(BASE, AFTER).accounts;
    assert.deepStrictEqual(acme.people.map((p) => [p.name, p.status, p.attitude]), [['Tao', 'changed', { from: 'B', to: 'D', changed: true, tone: 'down' }]]);
    assert.deepStrictEqual(acme.visits, [{ text: 'visit 2026-11-20 (progress) with Ou', tone: 'up' }]);
    assert.deepStrictEqual(acme.coverage, []);
    const removed = model(BASE, edit(BASE, '    roles: [user, coach]\n', '    roles: [user]\n')).accounts[0];
    assert.deepStrictEqual(removed.coverage, [{ text: 'coach lost: Ou no longer holds the role', tone: 'down' }]);
  });

  it('waterfall chart per currency: before, each step from the running total, after', () => {
    const m = model(BASE, AFTER);
    assert.deepStrictEqual(m.waterfalls.map((w) => [w.currency, w.title, w.bars.map((b) => [b.label, b.kind, b.start, b.end, b.amount])]), [
      ['CNY', 'CNY, 2026-Q4', [
        ['Pipeline before', 'total', 0, 500, 'CN¥500'],
        ['+ increased', 'up', 500, 750, '+CN¥250'],
        ['Pipeline after', 'total', 0, 750, 'CN¥750'],
      ]],
      ['USD', 'USD, 2026-Q4', [
        ['Pipeline before', 'total', 0, 600, '$600'],
        ['− lost', 'down', 600, 0, '−$600'],
        ['Pipeline after', 'total', 0, 0, '$0'],
      ]],
    ]);
  });

  it('an account whose text alone changed says so; an unchanged one is left out', () => {
    assert.deepStrictEqual(model(BASE, BASE).accounts, []);
    const edited = comparePanelModel(run({ [PLAN]: wrap(BASE) }, { [PLAN]: wrap(BASE, '\n# New notes\n') }));
    assert.deepStrictEqual(edited.accounts.map((a) => a.account), [[{ text: 'text edited (notes or summaries only)' }]]);
  });

  it('speaks Chinese', () => {
    const m = model(BASE, AFTER, 'zh-cn');
    assert.strictEqual(m.tiles[2].label, '变化的商机');
    assert.strictEqual(m.waterfalls[0].bars[0].label, '变更前管道');
  });
});

describe('comparePanelModel: the waterfall chart within one currency', () => {
  it('a move between forecast categories is one net step (the table keeps both rows)', () => {
    // Deal one C → A: out of best case (500), into commit (900): the currency's pipeline gains 400.
    const m = model(BASE, edit(BASE, 'stage: C', 'stage: A'));
    assert.deepStrictEqual(m.waterfalls[0].bars.map((b) => [b.label, b.kind, b.start, b.end, b.amount]), [
      ['Pipeline before', 'total', 0, 500, 'CN¥500'],
      ['± moved between forecast categories', 'up', 500, 900, '+CN¥400'],
      ['Pipeline after', 'total', 0, 900, 'CN¥900'],
    ]);
    assert.deepStrictEqual(m.waterfallTable?.rows.map((r) => r[0]), ['Pipeline before', '− moved to another category', '+ moved from another category', 'Pipeline after']);
  });
});
