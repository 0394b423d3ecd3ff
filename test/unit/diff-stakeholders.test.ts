import * as assert from 'assert';
import type { StakeholderEvent } from '../../src/core';
import { BASE, edit, one } from './diff-fixtures';

const eventsOf = (after: string, key: string, before = BASE): readonly StakeholderEvent[] =>
  one(before, after).stakeholders.find((s) => s.key === key)?.events ?? [];
const FAN = '  - id: fan\n    name: Fang\n    roles: [influencer]\n';
const withFan = BASE.replace('opportunities:\n', `${FAN}opportunities:\n`);

describe('diff: stakeholders', () => {
  it('are silent when no one changed', () => {
    const a = one(BASE, BASE);
    assert.deepStrictEqual([a.stakeholders, a.coverage], [[], []]);
  });

  it('added and removed, with a snapshot of the person', () => {
    const added = one(BASE, withFan).stakeholders;
    assert.deepStrictEqual(added.map((s) => [s.key, s.events, s.after?.name, s.after?.roles]), [['fan', [{ kind: 'added' }], 'Fang', ['influencer']]]);
    assert.deepStrictEqual(one(withFan, BASE).stakeholders.map((s) => [s.key, s.events]), [['fan', [{ kind: 'removed' }]]]);
  });

  it('marked as left (gone when the date has passed)', () => {
    assert.deepStrictEqual(eventsOf(edit(BASE, '    name: Tao\n', '    name: Tao\n    left: 2026-11-01\n'), 'cto'), [{ kind: 'left', from: undefined, to: '2026-11-01', gone: true }]);
    assert.deepStrictEqual(eventsOf(edit(BASE, '    name: Tao\n', '    name: Tao\n    left: 2027-01-31\n'), 'cto'), [{ kind: 'left', from: undefined, to: '2027-01-31', gone: false }]);
  });

  it('attitude better or worse; from a visit, the visit that recorded it', () => {
    assert.deepStrictEqual(eventsOf(edit(BASE, 'attitude: B', 'attitude: D'), 'cto'), [{ kind: 'attitude', from: 'B', to: 'D', direction: 'worse', recordedAt: undefined }]);
    assert.deepStrictEqual(eventsOf(edit(BASE, 'attitude: A', 'attitude: A+'), 'ops'), [{ kind: 'attitude', from: 'A', to: 'A+', direction: 'better', recordedAt: undefined }]);
    // Chen's attitude comes from the visits: a new visit records B.
    const visit = `${BASE}  - date: 2026-11-20\n    purpose: sign\n    with: [ceo]\n    attitudes: { ceo: B }\n`;
    assert.deepStrictEqual(eventsOf(visit, 'ceo'), [{ kind: 'attitude', from: 'C', to: 'B', direction: 'better', recordedAt: { index: 2, date: '2026-11-20' } }]);
  });

  it('25-grid moves count steps on each axis; influence changes have a direction', () => {
    assert.deepStrictEqual(eventsOf(edit(BASE, 'grid: { personal: 2, company: C }', 'grid: { personal: 3, company: A }'), 'ceo'), [{
      kind: 'grid', from: { personal: 2, company: 'C' }, to: { personal: 3, company: 'A' }, personal: 1, company: 2,
    }]);
    assert.deepStrictEqual(eventsOf(edit(BASE, 'influence: high', 'influence: low'), 'ceo'), [{ kind: 'influence', from: 'high', to: 'low', direction: 'down' }]);
  });

  it('role changes are listed per person', () => {
    assert.deepStrictEqual(eventsOf(edit(BASE, 'roles: [user, coach]', 'roles: [user, influencer]'), 'ops'), [{ kind: 'roles', added: ['influencer'], removed: ['coach'] }]);
  });

  it('decision-chain coverage gained: "economic buyer now covered"', () => {
    const noEconomic = edit(BASE, 'roles: [economic]', 'roles: [financial]');
    assert.deepStrictEqual(one(noEconomic, BASE).coverage, [{ role: 'economic', change: 'gained', people: [{ key: 'ceo', name: 'Chen' }] }]);
  });

  it('decision-chain coverage lost, with why: left the company, removed, role dropped', () => {
    const left = edit(BASE, '    name: Ou\n', '    name: Ou\n    left: 2026-11-20\n');
    assert.deepStrictEqual(one(BASE, left).coverage, [
      { role: 'user', change: 'lost', people: [{ key: 'ops', name: 'Ou', reason: 'left' }] },
      { role: 'coach', change: 'lost', people: [{ key: 'ops', name: 'Ou', reason: 'left' }] },
    ]);
    const removed = edit(BASE, '  - id: cto\n    name: Tao\n    roles: [technical]\n    layer: procurement\n    attitude: B\n', '');
    assert.deepStrictEqual(one(BASE, removed).coverage, [{ role: 'technical', change: 'lost', people: [{ key: 'cto', name: 'Tao', reason: 'removed' }] }]);
    const dropped = edit(BASE, 'roles: [user, coach]', 'roles: [user]');
    assert.deepStrictEqual(one(BASE, dropped).coverage, [{ role: 'coach', change: 'lost', people: [{ key: 'ops', name: 'Ou', reason: 'role-dropped' }] }]);
  });

  it('coverage that stays (someone else still holds the role) is no change; roles not required are not followed', () => {
    const second = BASE.replace('opportunities:\n', '  - id: cfo\n    name: Cai\n    roles: [economic, financial]\nopportunities:\n');
    assert.deepStrictEqual(one(second, edit(second, 'roles: [economic]', 'roles: [user]')).coverage, []);
    assert.deepStrictEqual(one(BASE, withFan).coverage, [], 'influencer is not a required role by default');
  });
});
