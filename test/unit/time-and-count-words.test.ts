import * as assert from 'assert';
import { checkPlan, counted, daysAgo, translator } from '../../src/core';
import { CLEAN, TODAY, check, edit, only, wrap } from './helpers';

const en = translator('en');
const zh = translator('zh-cn');

describe('counts and spans of time in words (src/core/i18n)', () => {
  it('says a span in days below 60, in months below a year, in years from a year', () => {
    const said = (days: number) => daysAgo(en, days);
    assert.deepStrictEqual([0, 1, -1, 2, 12, 59].map(said), ['today', 'yesterday', 'tomorrow', '2 days ago', '12 days ago', '59 days ago']);
    assert.deepStrictEqual([60, 91, 364].map(said), ['2 months ago', '3 months ago', '12 months ago']);
    assert.deepStrictEqual([365, 547, 730, 7459].map(said), ['1 year ago', '1 year ago', '2 years ago', '20 years ago']);
    assert.deepStrictEqual([-2, -100, -400, -800].map(said), ['in 2 days', 'in 3 months', 'in 1 year', 'in 2 years']);
  });

  it('says the same spans in Chinese, which has no plural', () => {
    assert.deepStrictEqual([12, 91, 7459, -100].map((d) => daysAgo(zh, d)), ['12 天前', '3 个月前', '20 年前', '3 个月后']);
  });

  it('picks the singular or plural noun for a count', () => {
    assert.deepStrictEqual([0, 1, 2, 180].map((n) => counted(en, 'count.day', n)), ['0 days', '1 day', '2 days', '180 days']);
    assert.strictEqual(counted(zh, 'count.day', 1), '1 天');
  });
});

describe('findings say counts and spans in words', () => {
  const longAgo = edit(CLEAN, 'close: 2027-03-31', 'close: 2006-06-30');

  it('AP030: a close date twenty years past is "20 years ago", not thousands of days', () => {
    const [f] = only(check(longAgo), 'AP030');
    assert.strictEqual(f.message, 'Close date 2006-06-30 has passed (20 years ago) while the opportunity is still at stage C.');
    const inChinese = checkPlan(wrap(longAgo), { fileName: 'acme.account.md', today: TODAY, locale: 'zh-cn' });
    assert.strictEqual(only(inChinese, 'AP030')[0].message, '预计成交日期 2006-06-30 已过(20 年前),商机仍在 C 阶段。');
  });

  it('AP020: the last visit months ago, and the tier limit in days', () => {
    const [f] = only(check(CLEAN, { today: '2027-03-01' }), 'AP020');
    assert.strictEqual(f.message, 'Stale account: the last visit (2026-11-10) was 4 months ago; tier A allows 45 days.');
    const [one] = only(check(CLEAN, { settings: { staleDays: { A: 1 } as never } }), 'AP020');
    assert.strictEqual(one.message, 'Stale account: the last visit (2026-11-10) was 14 days ago; tier A allows 1 day.');
  });

  it('AP032: no stakeholder met is "0 stakeholders", and the window is in days', () => {
    const nobody = edit(CLEAN, 'with: [ceo, cto, ops]', 'with: []').replace('stage: C', 'stage: B');
    const [f] = only(check(nobody), 'AP032');
    assert.match(f.message, /^Single-threaded: only 0 stakeholders met in the last 180 days; meet at least 3 at stage B\.$/);
  });
});
