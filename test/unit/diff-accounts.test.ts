import * as assert from 'assert';
import { assembleChanges, assemblePacked, diffPath, diffPlans, packedChangeSetJson, packPath, WATERFALL_STEPS } from '../../src/core';
import { BASE, EMPTY_LISTS, TODAY, changeLists, edit, run, wrap } from './diff-fixtures';

const OTHER = 'account: Beta\nopportunities:\n  - { id: x, name: X, stage: A, amount: 500, close: 2026-12-01 }\n';

describe('diff: accounts', () => {
  it('an unchanged set of plans gives an empty change set', () => {
    const plans = { 'a/acme.account.md': wrap(BASE), 'b/beta.account.md': wrap(OTHER) };
    const set = run(plans, { ...plans });
    assert.strictEqual(set.changed, false);
    assert.deepStrictEqual(set.accounts.map((a) => [a.id, a.status, a.edited]), [['acme', 'unchanged', false], ['beta', 'unchanged', false]]);
    for (const a of set.accounts) assert.deepStrictEqual(changeLists(a), EMPTY_LISTS);
    assert.deepStrictEqual(set.waterfall.moves, []);
    assert.deepStrictEqual(set.unparsable, []);
    assert.strictEqual(set.findings.introduced + set.findings.fixed, 0);
    for (const b of set.waterfall.buckets) {
      assert.strictEqual(b.before, b.after);
      for (const s of WATERFALL_STEPS) assert.strictEqual(b.steps[s], 0);
    }
  });

  it('takes a Map as well as a record, and says which quarter and day it used', () => {
    const set = diffPlans(new Map([['acme.account.md', wrap(BASE)]]), new Map([['acme.account.md', wrap(edit(BASE, 'owner: Lin', 'owner: Wu'))]]), { today: TODAY });
    assert.strictEqual(set.version, 1);
    assert.strictEqual(set.quarter, '2026-Q4');
    assert.deepStrictEqual(set.accounts[0].changes, [{ kind: 'owner', from: 'Lin', to: 'Wu' }]);
    assert.strictEqual(diffPlans({}, {}, { today: TODAY, quarter: '2027-Q1' }).quarter, '2027-Q1');
  });

  it('a moved and renamed file is the same account (matched by id), reported as moved', () => {
    const set = run({ 'a/acme.account.md': wrap(BASE) }, { 'archive/acme-2026.account.md': wrap(BASE) });
    assert.strictEqual(set.accounts.length, 1);
    const [a] = set.accounts;
    assert.strictEqual(a.status, 'changed');
    assert.deepStrictEqual(a.changes, [{ kind: 'moved', from: 'a/acme.account.md', to: 'archive/acme-2026.account.md' }]);
    assert.deepStrictEqual(a.opportunities, []);
    assert.deepStrictEqual([a.findings.introduced, a.findings.fixed], [[], []], 'the same findings, at the new path');
    assert.deepStrictEqual(set.waterfall.moves, [], 'a move is no pipeline change');
  });

  it('an id taken from the file name follows the file name: a file renamed without `id` is another account', () => {
    const plain = BASE.replace('id: acme\n', '');
    const set = run({ 'acme.account.md': wrap(plain) }, { 'acme-corp.account.md': wrap(plain) });
    assert.deepStrictEqual(set.accounts.map((a) => [a.id, a.status]), [['acme', 'removed'], ['acme-corp', 'added']]);
  });

  it('reports a renamed account (its `account` name), and owner and tier changes with a direction', () => {
    const after = edit(edit(edit(BASE, 'account: Acme', 'account: Acme Group'), 'tier: A', 'tier: VIP'), 'owner: Lin\n', '');
    const [a] = run({ 'acme.account.md': wrap(BASE) }, { 'acme.account.md': wrap(after) }).accounts;
    assert.deepStrictEqual(a.changes, [
      { kind: 'renamed', from: 'Acme', to: 'Acme Group' },
      { kind: 'owner', from: 'Lin', to: undefined },
      { kind: 'tier', from: 'A', to: 'VIP', direction: 'up' },
    ]);
    assert.deepStrictEqual(a.after, { path: 'acme.account.md', name: 'Acme Group' });
  });

  it('an added account lists its deals, people and visits; a removed one too', () => {
    const set = run({ 'beta.account.md': wrap(OTHER) }, { 'acme.account.md': wrap(BASE) });
    const [acme, beta] = set.accounts;
    assert.deepStrictEqual([acme.id, acme.status, beta.id, beta.status], ['acme', 'added', 'beta', 'removed']);
    assert.deepStrictEqual(acme.opportunities.map((o) => [o.key, o.events]), [['d1', [{ kind: 'added' }]], ['d2', [{ kind: 'added' }]], ['d3', [{ kind: 'added' }]]]);
    assert.deepStrictEqual(acme.stakeholders.map((s) => s.key), ['ceo', 'cto', 'ops']);
    assert.deepStrictEqual(acme.visits.map((v) => [v.kind, v.visit.date]), [['added', '2026-11-10'], ['added', '2026-11-12']]);
    assert.deepStrictEqual(beta.opportunities.map((o) => [o.key, o.events]), [['x', [{ kind: 'removed' }]]]);
    assert.strictEqual(beta.before?.name, 'Beta');
    assert.strictEqual(beta.after, undefined);
    assert.strictEqual(set.changed, true);
  });

  it('a plan that stops parsing is reported with its first error, and is not fatal', () => {
    const broken = '---\naccount: [\n---\n';
    const set = run({ 'acme.account.md': wrap(BASE) }, { 'acme.account.md': broken });
    const [a] = set.accounts;
    assert.strictEqual(a.id, 'acme');
    assert.strictEqual(a.status, 'changed');
    assert.strictEqual(a.after?.unparsable?.code, 'AP001');
    assert.deepStrictEqual(a.changes.map((c) => [c.kind, 'side' in c ? c.side : '']), [['unparsable', 'after']]);
    assert.deepStrictEqual([a.opportunities, a.stakeholders, a.visits], [[], [], []], 'nothing to compare against');
    assert.deepStrictEqual(set.unparsable.map((u) => [u.account, u.side, u.path, u.error?.code]), [['acme', 'after', 'acme.account.md', 'AP001']]);
    assert.deepStrictEqual(a.findings.introduced.map((f) => f.finding.code), ['AP001']);
  });

  it('a plan that parses again pairs with its broken self by path; one broken on both sides is still one account', () => {
    const broken = '---\naccount: [\n---\n';
    const fixed = run({ 'x/acme.account.md': broken }, { 'x/acme.account.md': wrap(BASE) });
    assert.deepStrictEqual(fixed.accounts.map((a) => [a.id, a.status]), [['acme', 'changed']]);
    assert.deepStrictEqual(fixed.accounts[0].changes.map((c) => c.kind), ['unparsable']);
    assert.strictEqual(fixed.accounts[0].before?.unparsable?.code, 'AP001');
    const both = run({ 'acme.account.md': broken }, { 'acme.account.md': broken });
    assert.deepStrictEqual(both.accounts.map((a) => [a.id, a.status]), [['acme', 'unchanged']]);
    assert.strictEqual(both.unparsable.length, 2);
    assert.strictEqual(both.changed, false);
  });

  it('a text-only edit (notes, a visit summary) is marked edited but not changed', () => {
    const [a] = run({ 'acme.account.md': wrap(BASE) }, { 'acme.account.md': wrap(BASE, '\n# Notes\n\nMore analysis.\n') }).accounts;
    assert.deepStrictEqual([a.status, a.edited], ['unchanged', true]);
    assert.deepStrictEqual(changeLists(a), EMPTY_LISTS);
  });

  it('two plans with one id pair by path first, then in path order', () => {
    const other = edit(BASE, 'owner: Lin', 'owner: Wu');
    const set = run({ 'a/acme.account.md': wrap(BASE), 'b/acme.account.md': wrap(other) }, { 'a/acme.account.md': wrap(BASE), 'c/acme.account.md': wrap(other) });
    assert.deepStrictEqual(set.accounts.map((a) => [a.id, a.status, a.before?.path, a.after?.path]), [
      ['acme', 'unchanged', 'a/acme.account.md', 'a/acme.account.md'],
      ['acme', 'changed', 'b/acme.account.md', 'c/acme.account.md'],
    ]);
    assert.deepStrictEqual(set.accounts[1].changes, [{ kind: 'moved', from: 'b/acme.account.md', to: 'c/acme.account.md' }]);
  });

  /** A moved and edited plan, a deal won, a plan removed and one added: every kind of path. */
  const movedWonAddedRemoved = () => {
    const other = edit(BASE, 'owner: Lin', 'owner: Wu');
    const before: Record<string, string> = { 'a/acme.account.md': wrap(BASE), 'b/beta.account.md': wrap(OTHER), 'c/gone.account.md': wrap(OTHER.replace('Beta', 'Gone')) };
    const after: Record<string, string> = { 'z/acme.account.md': wrap(other), 'b/beta.account.md': wrap(edit(OTHER, 'stage: A', 'stage: won')), 'd/new.account.md': wrap(BASE.replace('id: acme', 'id: new')) };
    return { before, after, options: { today: TODAY }, paths: [...new Set([...Object.keys(before), ...Object.keys(after)])] };
  };

  it('path by path, in any order, assembles into the same change set (how the CLI spreads a diff over threads)', () => {
    const { before, after, options, paths } = movedWonAddedRemoved();
    const parts = paths.map((p) => diffPath(p, before[p], after[p], options));
    assert.deepStrictEqual(parts.map((p) => [p.path, p.kind]), [
      ['a/acme.account.md', 'loose'], ['b/beta.account.md', 'paired'], ['c/gone.account.md', 'loose'], ['z/acme.account.md', 'loose'], ['d/new.account.md', 'loose'],
    ]);
    const whole = diffPlans(before, after, options);
    assert.deepStrictEqual(assembleChanges([...parts].reverse(), options), whole);
    assert.deepStrictEqual(whole.accounts.map((a) => [a.id, a.status]), [['acme', 'changed'], ['beta', 'changed'], ['gone', 'removed'], ['new', 'added']]);
  });

  it('accounts packed as JSON text as they are diffed give the same JSON, byte for byte (diff --format json when piped)', () => {
    const { before, after, options, paths } = movedWonAddedRemoved();
    const packed = assemblePacked(paths.map((p) => packPath(diffPath(p, before[p], after[p], options))).reverse(), options);
    const extra = { revisions: { before: 'a1', after: 'b2' } };
    const text = packedChangeSetJson(packed, extra);
    assert.equal(text, JSON.stringify({ ...diffPlans(before, after, options), ...extra }));
    assert.deepStrictEqual(packed.accounts.map((a) => [a.id, a.status, a.path]), [
      ['acme', 'changed', 'z/acme.account.md'], ['beta', 'changed', 'b/beta.account.md'], ['gone', 'removed', 'c/gone.account.md'], ['new', 'added', 'd/new.account.md'],
    ]);
    assert.ok(packed.waterfall.moves.length > 0, 'the won deal moves the waterfall');
  });

  it('packed JSON: plan text that looks like the envelope\'s own key cannot move the accounts', () => {
    const payload = 'x"],"accounts":[],"y":["';
    const before = { 'a.account.md': wrap(BASE) };
    const after = { 'a.account.md': wrap(BASE.replace('account: Acme', `account: '${payload}'`)) };
    const options = { today: TODAY };
    const packed = assemblePacked([packPath(diffPath('a.account.md', before['a.account.md'], after['a.account.md'], options))], options);
    const text = packedChangeSetJson(packed, {});
    assert.equal(text, JSON.stringify(diffPlans(before, after, options)));
    const parsed = JSON.parse(text) as { accounts: { after: { name: string } }[] };
    assert.equal(parsed.accounts[0].after.name, payload);
  });
});
