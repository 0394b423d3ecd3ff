import * as assert from 'assert';
import { CLEAN, check, codes, edit, only, where } from './helpers';

/** Each rule fires on a minimal change to CLEAN and is silent on its corrected twin. */
describe('rules: each fires, and its twin is silent', () => {
  it('CLEAN trips no rule', () => {
    assert.deepStrictEqual(codes(check(CLEAN)), []);
  });

  const cases: { code: string; fire: string; fix: string; count?: number; today?: string; fixToday?: string; at?: [number, number, number, number] }[] = [
    { code: 'AP003', fire: edit(CLEAN, '    name: Tao\n', '    name: Tao\n    titel: CTO\n'), fix: edit(CLEAN, '    name: Tao\n', '    name: Tao\n    title: CTO\n'), at: [12, 5, 12, 10] },
    { code: 'AP004', fire: edit(CLEAN, 'opportunities:', '  - id: cto\n    name: Other Tao\nopportunities:'), fix: edit(CLEAN, 'opportunities:', '  - id: cto2\n    name: Other Tao\nopportunities:'), at: [20, 9, 20, 12] },
    { code: 'AP005', fire: edit(CLEAN, 'with: [ceo, cto, ops]', 'with: [ceo, cto, ops, nobody]'), fix: CLEAN, at: [29, 27, 29, 33] },
    { code: 'AP006', fire: edit(edit(CLEAN, '    roles: [economic]', '    reports_to: cto\n    roles: [economic]'), '    roles: [technical]', '    reports_to: ceo\n    roles: [technical]'), fix: edit(CLEAN, '    roles: [technical]', '    reports_to: ceo\n    roles: [technical]'), at: [7, 17, 7, 20] },
    { code: 'AP010', fire: edit(CLEAN, 'roles: [user, coach]', 'roles: [user]'), fix: CLEAN, at: [4, 1, 4, 13] },
    { code: 'AP011', fire: edit(CLEAN, 'layer: decision', 'layer: procurement'), fix: CLEAN, at: [4, 1, 4, 13] },
    { code: 'AP012', fire: edit(edit(CLEAN, '    attitude: B\n  - id: ops', '    attitude: D\n  - id: ops'), 'cto: B,', 'cto: D,'), fix: CLEAN, at: [14, 15, 14, 16] },
    { code: 'AP013', fire: edit(edit(CLEAN, '    attitude: A\n', '    attitude: C+\n'), 'ops: A }', 'ops: C+ }'), fix: edit(edit(CLEAN, '    attitude: A\n', '    attitude: B-\n'), 'ops: A }', 'ops: B- }') },
    { code: 'AP020', fire: CLEAN, today: '2026-12-26', fix: CLEAN, fixToday: '2026-12-25', at: [26, 1, 26, 7] },
    { code: 'AP021', fire: CLEAN, today: '2027-02-09', fix: CLEAN, fixToday: '2027-02-08', at: [5, 9, 5, 12] },
    { code: 'AP022', fire: CLEAN + visitsWithCeo(['2026-01-10', '2026-03-10', '2026-06-10']), fix: CLEAN + visitsWithCeo(['2025-11-23', '2026-03-10', '2026-06-10']) },
    { code: 'AP023', fire: edit(CLEAN, 'executive: true', 'executive: false'), fix: CLEAN, at: [27, 11, 27, 21] },
    { code: 'AP030', fire: edit(CLEAN, 'close: 2027-03-31', 'close: 2026-11-23'), fix: edit(CLEAN, 'close: 2027-03-31', 'close: 2026-11-24'), at: [25, 12, 25, 22] },
    { code: 'AP031', fire: edit(edit(edit(CLEAN, 'stage: C', 'stage: B'), '    attitude: B\n  - id: cto', '    attitude: C\n  - id: cto'), 'ceo: B,', 'ceo: C,'), fix: edit(edit(edit(CLEAN, 'stage: C', 'stage: B'), '    attitude: B\n  - id: cto', '    attitude: B-\n  - id: cto'), 'ceo: B,', 'ceo: B-,'), at: [23, 12, 23, 13] },
    { code: 'AP032', fire: edit(CLEAN, 'with: [ceo, cto, ops]', 'with: [ceo, cto]'), fix: edit(edit(CLEAN, 'with: [ceo, cto, ops]', 'with: [ceo, cto]'), 'stage: C', 'stage: E'), at: [23, 12, 23, 13] },
    { code: 'AP040', fire: edit(CLEAN, 'cto: B,', 'cto: B+,'), fix: CLEAN, at: [14, 15, 14, 16] },
    { code: 'AP050', fire: edit(CLEAN, 'tier: A\n', 'tier: A\npolicy: { gifts: forbidden }\n') + '    gift: tea set\n', fix: edit(CLEAN, 'tier: A\n', 'tier: A\npolicy: { gifts: limited }\n') + '    gift: tea set\n', at: [33, 11, 33, 18] },
  ];

  for (const c of cases) {
    it(`${c.code} fires once, at the offending node`, () => {
      const found = only(check(c.fire, { today: c.today }), c.code);
      assert.strictEqual(found.length, c.count ?? 1, JSON.stringify(found));
      if (c.at) assert.deepStrictEqual(where(found[0]), c.at);
      assert.ok(found[0].message.length > 10);
    });
    it(`${c.code} is silent on the corrected twin`, () => {
      assert.deepStrictEqual(only(check(c.fix, { today: c.fixToday ?? c.today }), c.code), []);
    });
  }
});

function visitsWithCeo(dates: string[]): string {
  return dates.map((d) => `  - date: ${d}\n    with: [ceo]\n`).join('');
}
