import * as assert from 'assert';
import { findingKey } from '../../src/core';
import { BASE, TODAY, edit, one, run, wrap } from './diff-fixtures';
import { check } from './helpers';

const codesOf = (list: readonly { finding: { code: string } }[]) => list.map((f) => f.finding.code);

describe('diff: findings', () => {
  it('the same findings on both sides are unchanged, none introduced or fixed', () => {
    const a = one(BASE, BASE);
    assert.ok(a.findings.unchanged.length > 0, 'BASE has findings to compare');
    assert.deepStrictEqual([a.findings.introduced, a.findings.fixed], [[], []]);
  });

  it('introduced and fixed, with the checker\'s own finding', () => {
    const a = one(BASE, edit(BASE, 'attitude: B', 'attitude: E'));
    assert.deepStrictEqual(codesOf(a.findings.introduced), ['AP012']);
    assert.strictEqual(a.findings.introduced[0].finding.data?.id, 'cto');
    const back = one(edit(BASE, 'attitude: B', 'attitude: E'), BASE);
    assert.deepStrictEqual(codesOf(back.findings.fixed), ['AP012']);
    assert.deepStrictEqual(back.findings.introduced, []);
  });

  it('lines that move do not make a finding new', () => {
    const bad = edit(BASE, 'attitude: B', 'attitude: E');
    const moved = bad.replace('opportunities:\n', '  - id: fan\n    name: Fang\n    roles: [influencer]\nopportunities:\n').replace('tier: A\n', 'tier: A\nindustry: banking\n');
    const a = one(bad, moved);
    assert.notDeepStrictEqual(check(bad).findings.find((f) => f.code === 'AP012')?.range, check(moved).findings.find((f) => f.code === 'AP012')?.range);
    assert.deepStrictEqual([a.findings.introduced, a.findings.fixed], [[], []]);
    assert.ok(codesOf(a.findings.unchanged).includes('AP012'));
  });

  it('a value error is told apart by the value it points at; counts and days are left out of the key', () => {
    const two = edit(edit(BASE, 'stage: C', 'stage: Q'), 'stage: D', 'stage: X');
    const fixedOne = edit(BASE, 'stage: D', 'stage: X');
    const a = one(two, fixedOne);
    assert.deepStrictEqual(a.findings.fixed.map((f) => [f.finding.code, f.key]), [['AP002', '["AP002","at","Q"]']]);
    assert.deepStrictEqual(a.findings.introduced, []);
    const stale = check('account: A\ntier: A\nopportunities:\n  - { id: o, name: O, stage: C }\nvisits:\n  - { date: 2026-01-01 }\n');
    assert.strictEqual(findingKey(stale.findings.find((f) => f.code === 'AP020')!, ''), '["AP020"]');
  });

  it('counts findings across accounts; a plan that breaks shows its parse error introduced', () => {
    const set = run({ 'acme.account.md': wrap(BASE), 'b.account.md': wrap('account: B\n') }, { 'acme.account.md': '---\naccount: [\n---\n', 'b.account.md': wrap('account: B\n') });
    const [acme] = set.accounts;
    assert.deepStrictEqual(codesOf(acme.findings.introduced), ['AP001']);
    assert.strictEqual(acme.findings.fixed.length, one(BASE, BASE).findings.unchanged.length, 'the rule findings are no longer reported');
    assert.deepStrictEqual(set.findings, { introduced: 1, fixed: acme.findings.fixed.length, unchanged: 0 });
    assert.strictEqual(set.today, TODAY);
  });
});
