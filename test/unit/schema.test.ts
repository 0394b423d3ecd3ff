import * as assert from 'assert';
import { planJsonSchema, suggest } from '../../src/core';
import { CLEAN, check, codes, edit, only, where } from './helpers';

describe('schema (AP002) and unknown keys (AP003)', () => {
  it('a bad enum value names the allowed ones and points at the value', () => {
    const f = only(check(edit(CLEAN, 'stage: C', 'stage: X')), 'AP002');
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /^opportunities\[0\]\.stage: "X" is not one of G, F, E, D, C, B, A, S, lost\.$/);
    assert.deepStrictEqual(where(f[0]), [23, 12, 23, 13]);
  });

  it('a bad attitude, date, currency, id, number range and type are each AP002', () => {
    const yaml = CLEAN
      .replace('    attitude: A\n', '    attitude: F\n')
      .replace('close: 2027-03-31', 'close: 2027-02-30\n    currency: usd\n    position: 9\n    probability: -1')
      .replace('  - id: cto', '  - id: c t o')
      .replace('amount: 1000', 'amount: lots');
    const f = only(check(yaml), 'AP002');
    const messages = f.map((x) => x.message).join('\n');
    assert.strictEqual(f.length, 7, messages);
    for (const part of [/attitude: "F" is not one of A, B, C, D or E/, /"2027-02-30" is not a date/, /"usd" is not a currency code/,
      /"c t o" is not an id/, /9 is above the maximum 5/, /-1 is below the minimum 0/, /amount: expected a number, got text/]) {
      assert.match(messages, part);
    }
  });

  it('a missing required key points at the first key of its object', () => {
    const f = only(check(edit(CLEAN, '    name: Tao\n', '')), 'AP002');
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /stakeholders\[1\]: missing required key "name"/);
    assert.deepStrictEqual(where(f[0]), [10, 5, 10, 7]);
  });

  it('an empty value is AP002 with advice', () => {
    const f = only(check(edit(CLEAN, '    name: Tao\n', '    name: Tao\n    title:\n')), 'AP002');
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /empty/);
  });

  it('a value that fails the schema is treated as absent, the rest is checked', () => {
    const a = check(edit(CLEAN, '    roles: [user, coach]', '    roles: [user, boss]'));
    assert.deepStrictEqual(codes(a).sort(), ['AP002', 'AP010']);
    assert.strictEqual(a.plan?.stakeholders[2].roles?.join(), 'user');
  });

  it('AP003 in every fixed-key object, with "did you mean" when close', () => {
    const yaml = CLEAN.replace('tier: A', 'teir: A\npolicy: { gift: forbidden }')
      .replace('    name: Chen\n', '    name: Chen\n    grid: { personal: 3, company: B, persona: 1 }\n    target: { attitude: A, gird: { personal: 4, company: A } }\n    needs: { company: [x], private: [y] }\n')
      .replace('    amount: 1000\n', '    amount: 1000\n    amout: 5\n')
      .replace('    purpose: progress\n', '    purpose: progress\n    purpse: x\n');
    const f = only(check(yaml), 'AP003');
    assert.deepStrictEqual(f.map((x) => [x.data?.key, x.data?.suggestion ?? null]), [
      ['teir', 'tier'], ['gift', 'gifts'], ['persona', 'personal'], ['gird', 'grid'], ['private', null], ['amout', 'amount'], ['purpse', 'purpose'],
    ]);
    assert.match(f[0].message, /did you mean "tier"\?/);
  });

  it('open maps (personal, contact, attitudes) accept any key', () => {
    const yaml = edit(CLEAN, '    name: Chen\n', '    name: Chen\n    personal: { hometown: 杭州, 爱好: 围棋 }\n    contact: { wechat: chen88 }\n');
    assert.deepStrictEqual(codes(check(yaml)), []);
  });

  it('suggest() finds slips of the keyboard and nothing for strangers', () => {
    assert.strictEqual(suggest('stakholders', ['account', 'stakeholders']), 'stakeholders');
    assert.strictEqual(suggest('Account', ['account']), 'account');
    assert.strictEqual(suggest('reports-to', ['reports_to']), 'reports_to');
    assert.strictEqual(suggest('budget', ['account', 'stakeholders']), undefined);
  });

  it('the JSON Schema is generated from the same schema', () => {
    const s = planJsonSchema() as { required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    assert.deepStrictEqual(s.required, ['account']);
    assert.ok('stakeholders' in s.properties);
    assert.strictEqual(s.additionalProperties, false);
  });

  it('the default id is the file name without .account.md', () => {
    assert.strictEqual(check(CLEAN).plan?.id, 'acme');
    assert.strictEqual(check('id: ACME-1\n' + CLEAN).plan?.id, 'ACME-1');
  });

  it('messages come in Simplified Chinese too', async () => {
    const { checkPlan } = await import('../../src/core');
    const a = checkPlan('---\naccount: X\ntier: Z\n---\n', { fileName: 'x.account.md', today: '2026-11-24', locale: 'zh-cn' });
    assert.match(a.findings[0].message, /不是以下之一/);
  });
});

describe('shipped JSON Schema', () => {
  it('schemas/account-plan.schema.json is the one the engine generates (run `npm run schema` after a schema change)', async () => {
    const { readFileSync } = await import('fs');
    const { join } = await import('path');
    const shipped = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'account-plan.schema.json'), 'utf8'));
    assert.deepStrictEqual(shipped, JSON.parse(JSON.stringify(planJsonSchema())));
  });
});
