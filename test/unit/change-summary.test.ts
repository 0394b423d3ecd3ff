import * as assert from 'assert';
import { summariseChanges } from '../../src/core';
import { BASE, edit, run, wrap } from './diff-fixtures';

const PLAN = 'acme.account.md';
const summary = (before: string | undefined, after: string | undefined, locale?: 'en' | 'zh-cn', max?: number): string =>
  summariseChanges(run(before === undefined ? {} : { [PLAN]: wrap(before) }, after === undefined ? {} : { [PLAN]: wrap(after) }), locale, max);

const VISIT = '  - date: 2026-11-20\n    purpose: progress\n    with: [ops]\n';

describe('summariseChanges: one commit in a few words (Plan History)', () => {
  it('stage moves, attitude moves and visits added, deals first, in the plan\'s order', () => {
    const after = edit(edit(BASE, 'stage: C', 'stage: B'), 'attitude: B', 'attitude: D') + VISIT;
    assert.strictEqual(summary(BASE, after), 'Deal one C→B · Tao B→D · 1 visit');
  });

  it('deals won, lost, added and removed; people added, removed and gone', () => {
    const won = edit(BASE, 'stage: C', 'stage: S');
    assert.strictEqual(summary(BASE, won), 'Deal one won');
    assert.strictEqual(summary(BASE, edit(BASE, 'stage: D', 'stage: lost')), 'Deal two lost');
    const more = BASE.replace('visits:\n', '  - { id: d4, name: Four, stage: G }\nvisits:\n');
    assert.strictEqual(summary(BASE, more), 'new deal Four');
    assert.strictEqual(summary(more, BASE), 'Four removed');
    const person = BASE.replace('opportunities:\n', '  - { id: li, name: Li Na, attitude: C }\nopportunities:\n');
    assert.strictEqual(summary(BASE, person), 'new contact Li Na');
    assert.strictEqual(summary(person, BASE), 'Li Na removed');
    assert.strictEqual(summary(BASE, edit(BASE, '    attitude: A\n', '    attitude: A\n    left: 2026-11-01\n')), 'Ou left');
  });

  it('a plan added (first commit, or renamed to this path) or deleted is one part (with the visits it came with), not every deal and person', () => {
    assert.strictEqual(summary(undefined, BASE), 'plan added · 2 visits');
    assert.strictEqual(summary(BASE, undefined), 'plan deleted');
  });

  it('says when nothing it names changed: other details, text only, nothing', () => {
    assert.strictEqual(summary(BASE, edit(BASE, 'amount: 1000', 'amount: 1500')), 'other details changed');
    assert.strictEqual(summariseChanges(run({ [PLAN]: wrap(BASE) }, { [PLAN]: wrap(BASE, '\n# Other notes\n') })), 'text edited');
    assert.strictEqual(summary(BASE, BASE), 'no change to the plan');
  });

  it('a plan that breaks or parses again says so', () => {
    assert.strictEqual(summary(BASE, 'account: [unclosed\n'), 'does not parse');
    assert.strictEqual(summary('account: [unclosed\n', BASE), 'parses again');
  });

  it('names at most five parts, then how many more', () => {
    const after = ['stage: C', 'stage: D', 'stage: B'].reduce((p, s) => edit(p, s, 'stage: A'), BASE).replace('attitude: B', 'attitude: C').replace('attitude: A', 'attitude: E') + VISIT;
    assert.strictEqual(summary(BASE, after), 'Deal one C→A · Deal two D→A · Deal three B→A · Tao B→C · +2 more');
    assert.strictEqual(summary(BASE, after, 'en', 10), 'Deal one C→A · Deal two D→A · Deal three B→A · Tao B→C · Ou A→E · 1 visit');
  });

  it('speaks Chinese', () => {
    const after = edit(BASE, 'stage: C', 'stage: S') + VISIT;
    assert.strictEqual(summary(BASE, after, 'zh-cn'), 'Deal one 赢单 · 1 次拜访');
  });

  it('keeps plan text as written (a tree item shows text, nothing renders it)', () => {
    const hostile = edit(BASE, 'name: Deal one', 'name: "<img src=x onerror=alert(1)>"');
    assert.strictEqual(summary(hostile, edit(hostile, 'stage: C', 'stage: B')), '<img src=x onerror=alert(1)> C→B');
  });
});
