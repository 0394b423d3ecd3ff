import * as assert from 'assert';
import { CLEAN, check, codes, edit, only, where } from './helpers';

/** The precise readings of the rules (docs/rules.md, one section per rule), one by one. */
describe('rules: precise readings', () => {
  it('AP003 names keys that are not plain text as written: numbers, null, collections', () => {
    const odd = edit(CLEAN, 'tier: A\n', 'tier: A\n1: one\nnull: z\n[a, b]: 1\n');
    assert.deepStrictEqual(only(check(odd), 'AP003').map((f) => [f.data?.key, where(f)[0]]), [['1', 4], ['null', 5], ['[a, b]', 6]]);
    assert.deepStrictEqual(only(check(CLEAN), 'AP003'), []);
  });

  it('AP010 fires once per missing role, and not without an open opportunity', () => {
    const noCoachNoUser = edit(CLEAN, 'roles: [user, coach]', 'roles: []');
    assert.deepStrictEqual(only(check(noCoachNoUser), 'AP010').map((f) => f.data?.role), ['user', 'coach']);
    assert.deepStrictEqual(only(check(edit(noCoachNoUser, 'stage: C', 'stage: S')), 'AP010'), []);
    assert.deepStrictEqual(only(check(edit(noCoachNoUser, 'stage: C', 'stage: lost')), 'AP010'), []);
  });

  it('AP010 follows the requiredRoles setting', () => {
    const noCoach = edit(CLEAN, 'roles: [user, coach]', 'roles: [user]');
    assert.deepStrictEqual(only(check(noCoach, { settings: { requiredRoles: ['economic', 'user'] } }), 'AP010'), []);
    assert.strictEqual(only(check(CLEAN, { settings: { requiredRoles: ['financial'] } }), 'AP010').length, 1);
  });

  it('AP010 points at `account` when there is no `stakeholders` key', () => {
    const f = only(check('account: Solo\nopportunities:\n  - { id: d, name: D, stage: G }\n'), 'AP010');
    assert.strictEqual(f.length, 4);
    assert.deepStrictEqual(where(f[0]), [2, 1, 2, 8]);
  });

  it('people who left hold no role (AP010) but AP040 still applies to them', () => {
    const gone = edit(CLEAN, '    attitude: A\n', '    attitude: A\n    left: 2026-11-24\n');
    assert.deepStrictEqual(only(check(gone), 'AP010').map((f) => f.data?.role), ['user', 'coach']);
    const notYet = edit(CLEAN, '    attitude: A\n', '    attitude: A\n    left: 2026-11-25\n');
    assert.deepStrictEqual(only(check(notYet), 'AP010'), []);
    const goneAndDiffers = edit(edit(gone, '    attitude: A\n', '    attitude: B\n'), 'ops: A }', 'ops: A }');
    assert.strictEqual(only(check(goneAndDiffers), 'AP040').length, 1);
  });

  it('AP012 reads the attitude from the latest past visit when the key is absent, and points there', () => {
    const yaml = edit(edit(CLEAN, '    roles: [technical]\n    layer: procurement\n    attitude: B\n', '    roles: [technical]\n    layer: procurement\n'), 'cto: B,', 'cto: D+,');
    const f = only(check(yaml), 'AP012');
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /D\+/);
    assert.deepStrictEqual(where(f[0]), [30, 31, 30, 33]);
  });

  it('an unknown attitude is never D or E (AP012) nor worse than B- (AP013), but does not back AP031', () => {
    const noAttitudes = CLEAN.replace(/ {4}attitude: .\n/g, '').replace(/ {4}attitudes: .*\n/, '');
    assert.deepStrictEqual(codes(check(noAttitudes)), []);
    assert.strictEqual(only(check(edit(noAttitudes, 'stage: C', 'stage: A')), 'AP031').length, 1);
  });

  it('two visits on the same date: the later in the file is the more recent', () => {
    const yaml = edit(CLEAN, '    attitude: B\n  - id: ops', '    attitude: C\n  - id: ops') +
      '  - date: 2026-11-10\n    attitudes: { cto: C }\n';
    assert.deepStrictEqual(only(check(yaml), 'AP040'), []);
  });

  it('planned visits (after today) count for no time rule, but are checked for references and gifts', () => {
    const planned = edit(CLEAN, 'date: 2026-11-10', 'date: 2026-12-01');
    const a = check(edit(planned, 'with: [ceo, cto, ops]', 'with: [ceo, cto, ops, ghost]'));
    assert.deepStrictEqual(codes(a).sort(), ['AP005', 'AP020', 'AP021', 'AP032']);
  });

  it('AP020 uses the tier limit, the no-tier limit for a bad tier, and fires with no past visit', () => {
    assert.strictEqual(only(check(edit(CLEAN, 'tier: A', 'tier: VIP'), { today: '2026-12-11' }), 'AP020').length, 1);
    assert.deepStrictEqual(only(check(edit(CLEAN, 'tier: A', 'tier: VIP'), { today: '2026-12-10' }), 'AP020'), []);
    const badTier = check(edit(CLEAN, 'tier: A', 'tier: Z'), { today: '2027-01-09' });
    assert.deepStrictEqual(codes(badTier).filter((c) => c === 'AP002' || c === 'AP020'), ['AP002']);
    assert.strictEqual(only(check(edit(CLEAN, 'tier: A', 'tier: Z'), { today: '2027-01-10' }), 'AP020').length, 1);
    const never = CLEAN.slice(0, CLEAN.indexOf('visits:'));
    assert.match(only(check(never), 'AP020')[0].message, /no visit/);
  });

  it('AP020 follows the staleDays setting', () => {
    assert.strictEqual(only(check(CLEAN, { settings: { staleDays: { A: 10 } as never } }), 'AP020').length, 1);
  });

  it('AP022 counts visits, not people, and ignores visits to people who left', () => {
    const four = CLEAN + ['2026-01-10', '2026-03-10', '2026-06-10'].map((d) => `  - date: ${d}\n    with: [ceo, ceo]\n`).join('');
    assert.strictEqual(only(check(four), 'AP022').length, 1);
    const ceoGone = edit(four, '    layer: decision\n', '    layer: decision\n    left: 2026-01-01\n');
    assert.deepStrictEqual(only(check(ceoGone), 'AP022'), []);
    assert.deepStrictEqual(only(check(four, { settings: { decisionVisitsPerYear: 4 } }), 'AP022'), []);
  });

  it('AP023 only looks inside its 365-day window', () => {
    const old = edit(CLEAN, 'executive: true', 'executive: false') + '  - date: 2025-11-23\n    with: [ceo]\n    executive: true\n';
    assert.strictEqual(only(check(old), 'AP023').length, 1);
    const inWindow = edit(CLEAN, 'executive: true', 'executive: false') + '  - date: 2025-11-24\n    with: [ceo]\n    executive: true\n';
    assert.deepStrictEqual(only(check(inWindow), 'AP023'), []);
  });

  it('AP031 fires per B/A opportunity; AP032 counts only known, present people', () => {
    const two = edit(edit(CLEAN, '    attitude: B\n  - id: cto', '    attitude: C\n  - id: cto'), 'ceo: B,', 'ceo: C,')
      .replace('opportunities:\n', 'opportunities:\n  - { id: a1, name: One, stage: A }\n  - { id: b1, name: Two, stage: B }\n');
    assert.strictEqual(only(check(two), 'AP031').length, 2);
    const ghosts = edit(CLEAN, 'with: [ceo, cto, ops]', 'with: [ceo, cto, ghost]');
    assert.strictEqual(only(check(ghosts), 'AP032').length, 1);
    assert.deepStrictEqual(only(check(ghosts, { settings: { singleThreadMinStakeholders: 2 } }), 'AP032'), []);
  });

  it('AP006 reports one cycle once, including a person reporting to themselves', () => {
    const self = edit(CLEAN, '    roles: [economic]', '    reports_to: ceo\n    roles: [economic]');
    assert.strictEqual(only(check(self), 'AP006').length, 1);
    const three = edit(edit(edit(CLEAN, '    roles: [economic]', '    reports_to: ops\n    roles: [economic]'),
      '    roles: [technical]', '    reports_to: ceo\n    roles: [technical]'), '    roles: [user, coach]', '    reports_to: cto\n    roles: [user, coach]');
    const f = only(check(three), 'AP006');
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /ceo → ops → cto → ceo/);
  });

  it('AP005 is one finding per occurrence, in every kind of reference', () => {
    const yaml = edit(edit(CLEAN, '    roles: [economic]', '    reports_to: boss\n    roles: [economic]'),
      'with: [ceo, cto, ops]', 'with: [ceo, cto, ops, x, x]') + '    opportunity: nodeal\n  - date: 2027-01-05\n    attitudes: { nobody: A }\n';
    assert.strictEqual(only(check(yaml), 'AP005').length, 5);
  });

  it('AP004 is one finding per repeat after the first, and references see every copy', () => {
    const yaml = CLEAN.replace('opportunities:\n', '  - { id: ops, name: Twin }\n  - { id: ops, name: Triplet }\nopportunities:\n');
    const f = only(check(yaml), 'AP004');
    assert.strictEqual(f.length, 2);
    assert.match(f[0].message, /line 15/);
    assert.deepStrictEqual(only(check(yaml), 'AP005'), []);
  });

  it('a rule set to "off" is silent, and severities can be changed', () => {
    const a = check(edit(CLEAN, 'executive: true', 'executive: false'), { settings: { rules: { AP023: 'off' } } });
    assert.deepStrictEqual(codes(a), []);
    const b = check(edit(CLEAN, 'executive: true', 'executive: false'), { settings: { rules: { AP023: 'error' } } });
    assert.strictEqual(b.findings[0].severity, 'error');
  });
});
