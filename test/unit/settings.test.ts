import * as assert from 'assert';
import { DEFAULT_SETTINGS, resolveSettings } from '../../src/core';

describe('settings', () => {
  it('defaults are those docs/rules.md lists', () => {
    assert.deepStrictEqual(DEFAULT_SETTINGS.requiredRoles, ['economic', 'technical', 'user', 'coach']);
    assert.deepStrictEqual(DEFAULT_SETTINGS.staleDays, { VIP: 30, A: 45, B: 60, C: 90, D: 180, none: 60 });
  });

  it('accepts the editor\'s prefixed names and a partial staleDays', () => {
    const r = resolveSettings({ 'accountPlans.staleDays': { VIP: 14 }, economicBuyerDays: 30, $schema: 'x', 'editor.fontSize': 14 });
    assert.ok(r.ok);
    if (r.ok) {
      assert.deepStrictEqual(r.settings.staleDays, { VIP: 14, A: 45, B: 60, C: 90, D: 180, none: 60 });
      assert.strictEqual(r.settings.economicBuyerDays, 30);
    }
  });

  it('rejects bad values and unknown names with a readable reason', () => {
    const r = resolveSettings({ requiredRoles: ['boss'], staleDay: 3, currency: 'usd' });
    assert.ok(!r.ok);
    if (!r.ok) {
      const text = r.errors.join('\n');
      assert.match(text, /requiredRoles\.0/);
      assert.match(text, /staleDay/);
      assert.match(text, /currency/);
    }
    assert.deepStrictEqual(resolveSettings([1]), { ok: false, errors: ['settings must be a JSON object'] });
  });
});
