import * as assert from 'node:assert/strict';
import { addUp, byName, denoise, formatAmount, formatCompactMoney, formatMoney, formatMoneySum, MoneySum, Sum } from '../../src/core';

describe('money: one formatter for every view', () => {
  it('an amount in whole units of its currency, in the display language', () => {
    assert.equal(formatMoney(2600000, 'CNY', 'en'), 'CN¥2,600,000');
    assert.equal(formatMoney(2600000, 'CNY', 'zh-cn'), '¥2,600,000');
    assert.equal(formatMoney(1234.4, 'EUR', 'de'), '1.234\u00a0€');
    assert.equal(formatMoney(411.110811, 'USD', 'en'), '$411');
  });

  it('a code Intl cannot format goes after the number; a locale it does not know is shown as en', () => {
    assert.equal(formatMoney(1234.4, 'XY', 'en'), '1,234 XY');
    assert.equal(formatMoney(1234, 'EUR', 'en_US'), '€1,234');
    assert.equal(formatCompactMoney(2600000, 'XY', 'zh-cn'), '2,600,000 XY');
  });

  it('a sum per currency on one line; nothing for no amount', () => {
    assert.equal(formatMoneySum({ CNY: 1200000, USD: 500 }, 'zh-cn'), '¥1,200,000 + US$500');
    assert.equal(formatMoneySum({}, 'en'), '');
    assert.equal(formatMoneySum({ USD: 60000, CNY: 1500000 }, 'en', 'compact'), '$60K + CN¥1.5M', 'no trailing .0 (USD has cents)');
  });

  it('compact for charts, plain for tables with a currency column', () => {
    assert.equal(formatCompactMoney(2600000, 'CNY', 'en'), 'CN¥2.6M');
    assert.equal(formatAmount(8333.25, 'en-US'), '8,333');
    assert.equal(formatAmount(1234567, 'de'), '1.234.567');
  });
});

describe('money: one rounding rule for sums', () => {
  it('keeps the decimals and clears floating-point noise', () => {
    assert.equal(new Sum().add(0.1).add(0.2).value, 0.3);
    assert.equal(addUp(Array<number>(10).fill(0.1)), 1);
    assert.equal(addUp([1234.567, 0.0005]), 1234.5675);
    assert.equal(denoise(0.1 * 0.3), 0.03);
  });

  it('adds negative and mixed-sign values', () => {
    assert.equal(new Sum().add(5).add(-0.3).value, 4.7);
    assert.equal(addUp([-0.1, -0.2]), -0.3);
    assert.equal(addUp([-1.5, 0.7]), -0.8);
    assert.equal(addUp([]), 0);
  });

  it('gives the same sum in any order, even in the billions', () => {
    const values = Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 5_000_000) + ((i * 31) % 1000) / 1000);
    const forward = addUp(values);
    assert.equal(addUp([...values].reverse()), forward);
    assert.equal(addUp([...values].sort((a, b) => a - b)), forward);
    const exact = values.reduce((n, v) => n + Math.round(v * 1000), 0) / 1000;
    assert.equal(forward, exact);
    assert.ok(forward > 7e9);
  });

  it('keeps one sum per currency, in the order first seen', () => {
    const m = new MoneySum().add('USD', 0.1).add('CNY', 5).add('USD', 0.2);
    assert.deepEqual(Object.entries(m.value), [['USD', 0.3], ['CNY', 5]]);
  });
});

describe('name order', () => {
  it('ignores case, reads digits as numbers, and breaks ties by code point', () => {
    assert.deepEqual(['Lot 10', 'beta', 'Alpha', 'Lot 9', 'alpha', '王', 'Zed'].sort(byName), ['Alpha', 'alpha', 'beta', 'Lot 9', 'Lot 10', 'Zed', '王']);
  });
});
