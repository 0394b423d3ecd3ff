import * as assert from 'assert';
import type { OpportunityEvent } from '../../src/core';
import { BASE, edit, one } from './diff-fixtures';

const D1 = `  - id: d1
    name: Deal one
    stage: C
    amount: 1000
    close: 2026-12-15
`;
const withD1 = (yaml: string) => edit(BASE, D1, yaml);
const eventsOf = (after: string, key = 'd1'): readonly OpportunityEvent[] =>
  one(BASE, after).opportunities.find((o) => o.key === key)?.events ?? [];

describe('diff: opportunities', () => {
  it('are silent when nothing about a deal changed', () => {
    assert.deepStrictEqual(one(BASE, BASE).opportunities, []);
  });

  it('added and removed', () => {
    const more = BASE.replace('visits:\n', '  - { id: d4, name: Deal four, stage: G, amount: 10 }\nvisits:\n');
    assert.deepStrictEqual(one(BASE, more).opportunities.map((o) => [o.key, o.events, o.after?.stage]), [['d4', [{ kind: 'added' }], 'G']]);
    assert.deepStrictEqual(one(more, BASE).opportunities.map((o) => [o.key, o.events, o.before?.amount]), [['d4', [{ kind: 'removed' }], 10]]);
  });

  it('won, lost and reopened (with the stage it came from)', () => {
    assert.deepStrictEqual(eventsOf(edit(BASE, 'stage: C', 'stage: S')), [{ kind: 'won', from: 'C' }]);
    assert.deepStrictEqual(eventsOf(edit(BASE, 'stage: C', 'stage: lost')), [{ kind: 'lost', from: 'C' }]);
    const won = edit(BASE, 'stage: C', 'stage: S');
    assert.deepStrictEqual(one(won, edit(BASE, 'stage: C', 'stage: A')).opportunities[0].events, [{ kind: 'reopened', from: 'S', to: 'A' }]);
  });

  it('a stage move has a direction (up is towards A) and the customer\'s buying step', () => {
    assert.deepStrictEqual(eventsOf(edit(BASE, 'stage: C', 'stage: B')), [{ kind: 'stage', from: 'C', to: 'B', direction: 'up', customerStep: { from: 5, to: 6 } }]);
    assert.deepStrictEqual(eventsOf(edit(BASE, 'stage: C', 'stage: E')), [{ kind: 'stage', from: 'C', to: 'E', direction: 'down', customerStep: { from: 5, to: 3 } }]);
    // The customer moved on alone: same stage, another buying step.
    assert.deepStrictEqual(eventsOf(withD1(`${D1}    procurement_step: 6\n`)), [{ kind: 'stage', from: 'C', to: 'C', direction: undefined, customerStep: { from: 5, to: 6 } }]);
  });

  it('close date pushed out of the quarter, or pulled into it, in days', () => {
    assert.deepStrictEqual(eventsOf(edit(BASE, 'close: 2026-12-15', 'close: 2027-01-14')), [{
      kind: 'close', from: '2026-12-15', to: '2027-01-14', days: 30, direction: 'pushed-out',
      quarter: { from: '2026-Q4', to: '2027-Q1' }, leftQuarter: true, enteredQuarter: false,
    }]);
    assert.deepStrictEqual(eventsOf(edit(BASE, 'close: 2027-02-10', 'close: 2026-12-20'), 'd3'), [{
      kind: 'close', from: '2027-02-10', to: '2026-12-20', days: -52, direction: 'pulled-in',
      quarter: { from: '2027-Q1', to: '2026-Q4' }, leftQuarter: false, enteredQuarter: true,
    }]);
    const inside = eventsOf(edit(BASE, 'close: 2026-12-15', 'close: 2026-12-01'))[0];
    assert.deepStrictEqual(inside.kind === 'close' && [inside.days, inside.direction, inside.leftQuarter, inside.enteredQuarter], [-14, 'pulled-in', false, false]);
    const cleared = eventsOf(edit(BASE, '    close: 2026-12-15\n', ''))[0];
    assert.deepStrictEqual(cleared.kind === 'close' && [cleared.to, cleared.days, cleared.direction, cleared.leftQuarter], [undefined, undefined, undefined, true]);
  });

  it('amount up or down, and a currency change', () => {
    assert.deepStrictEqual(eventsOf(edit(BASE, 'amount: 1000', 'amount: 1500')), [{ kind: 'amount', from: 1000, to: 1500, currency: 'CNY', direction: 'up' }]);
    assert.deepStrictEqual(eventsOf(edit(BASE, 'amount: 1000', 'amount: 800')), [{ kind: 'amount', from: 1000, to: 800, currency: 'CNY', direction: 'down' }]);
    assert.deepStrictEqual(eventsOf(withD1(`${D1}    currency: EUR\n`)), [{ kind: 'currency', from: 'CNY', to: 'EUR' }]);
  });

  it('forecast category and probability overrides, with the values in effect', () => {
    assert.deepStrictEqual(eventsOf(withD1(`${D1}    forecast: commit\n`)), [{ kind: 'forecast', from: undefined, to: 'commit', category: { from: 'best-case', to: 'commit' } }]);
    assert.deepStrictEqual(eventsOf(withD1(`${D1}    probability: 35\n`)), [{ kind: 'probability', from: undefined, to: 35, direction: undefined, effective: { from: 50, to: 35 } }]);
    const p40 = withD1(`${D1}    probability: 40\n`);
    assert.deepStrictEqual(one(p40, withD1(`${D1}    probability: 60\n`)).opportunities[0].events, [{ kind: 'probability', from: 40, to: 60, direction: 'up', effective: { from: 40, to: 60 } }]);
  });

  it('several changes at once are each reported, with both snapshots', () => {
    const [d] = one(BASE, withD1('  - id: d1\n    name: Deal one\n    stage: A\n    amount: 3000\n    close: 2026-12-01\n')).opportunities;
    assert.deepStrictEqual(d.events.map((e) => e.kind), ['stage', 'close', 'amount']);
    assert.deepStrictEqual([d.before?.weighted, d.after?.weighted, d.after?.category, d.after?.status], [500, 2700, 'commit', 'open']);
  });

  it('matches by id: a renamed deal is the same deal; a deal with a new id is another', () => {
    assert.deepStrictEqual(eventsOf(edit(BASE, 'name: Deal one', 'name: Deal 1')), []);
    const renumbered = one(BASE, edit(BASE, 'id: d1', 'id: d1b')).opportunities;
    assert.deepStrictEqual(renumbered.map((o) => [o.key, o.events[0].kind]), [['d1b', 'added'], ['d1', 'removed']]);
  });

  it('a deal without a readable id is matched by name, then by position', () => {
    const noId = edit(BASE, '  - id: d1\n    name: Deal one\n', '  - name: Deal one\n');
    assert.deepStrictEqual(one(noId, edit(noId, 'amount: 1000', 'amount: 1200')).opportunities.map((o) => [o.key, o.events[0].kind]), [['Deal one', 'amount']]);
    assert.deepStrictEqual(one(noId, BASE).opportunities, [], 'the id added to a deal of the same name');
    const bare = edit(BASE, '  - id: d1\n    name: Deal one\n    stage: C\n', '  - stage: C\n');
    assert.deepStrictEqual(one(bare, edit(bare, 'amount: 1000', 'amount: 900')).opportunities.map((o) => [o.key, o.events[0].kind]), [['#1', 'amount']]);
  });
});
