import * as assert from 'assert';
import { DEFAULT_SETTINGS, freshness, resolveSettings, stakeholderMap, type MapModel, type Settings } from '../../src/core';
import { CLEAN, check, edit } from './helpers';

const model = (yaml: string, opts: Parameters<typeof check>[1] = {}): MapModel => {
  const m = stakeholderMap(check(yaml, opts), resolved(opts.settings));
  assert.ok(m, 'the plan has a model');
  return m;
};
function resolved(s: Partial<Settings> | undefined): Settings {
  const r = resolveSettings(s ?? {});
  assert.ok(r.ok);
  return r.settings;
}

const ORG = `account: Org
tier: VIP
stakeholders:
  - id: ceo
    name: Chen
    title: CEO
    roles: [economic]
    layer: decision
    influence: high
    grid: { personal: 3, company: B }
    target: { attitude: A, grid: { personal: 4, company: A } }
    needs: { company: [growth], personal: [promotion] }
    notes: likes data
  - id: cto
    name: Tao
    reports_to: ceo
    roles: [technical, coach]
    layer: procurement
    attitude: B
  - id: ops
    name: Ou
    reports_to: cto
    roles: [user]
    layer: usage
  - id: old
    name: Ode
    reports_to: ceo
    roles: [coach]
    left: 2026-01-01
  - id: ghost
    name: Nobody's report
    reports_to: nobody
visits:
  - { date: 2026-11-20, with: [ceo], attitudes: { ceo: C } }
  - { date: 2026-11-22, with: [ceo], attitudes: { ceo: B } }
  - { date: 2026-10-20, with: [cto] }
  - { date: 2026-09-01, with: [ops] }
  - { date: 2026-12-30, with: [ops], attitudes: { ops: A } }
`;

describe('stakeholder map model', () => {
  it('one person per stakeholder, with the derived values the map draws', () => {
    const m = model(ORG);
    assert.strictEqual(m.account, 'Org');
    assert.strictEqual(m.staleDays, 30, 'VIP');
    assert.deepStrictEqual(m.people.map((p) => p.key), ['ceo', 'cto', 'ops', 'old', 'ghost']);
    const [ceo, cto, ops, old] = m.people;
    assert.strictEqual(ceo.attitude, 'B', 'from the latest visit');
    assert.strictEqual(ceo.letter, 'B');
    assert.deepStrictEqual(ceo.trend, { from: 'C', to: 'B', direction: 'up' });
    assert.deepStrictEqual(ceo.history, [{ date: '2026-11-20', attitude: 'C' }, { date: '2026-11-22', attitude: 'B' }]);
    assert.deepStrictEqual(ceo.needs, { company: ['growth'], personal: ['promotion'] });
    assert.strictEqual(ceo.notes, 'likes data');
    assert.deepStrictEqual(ceo.grid, { personal: 3, company: 'B' });
    assert.deepStrictEqual(ceo.target, { attitude: 'A', grid: { personal: 4, company: 'A' } });
    assert.strictEqual(ceo.influence, 'high');
    assert.strictEqual(ceo.layer, 'decision');
    assert.deepStrictEqual(cto.roles, ['technical', 'coach']);
    assert.strictEqual(ops.attitude, undefined, 'a planned visit does not count');
    assert.strictEqual(ops.letter, undefined);
    assert.strictEqual(old.gone, true);
    assert.strictEqual(old.left, '2026-01-01');
    assert.deepStrictEqual(old.roles, ['coach'], 'the roles they had stay on the (greyed) card');
    assert.strictEqual(m.people[4].gone, false);
  });

  it('freshness against the tier limit: fresh up to half, ageing up to the limit, stale beyond, never without a visit', () => {
    const m = model(ORG);
    assert.deepStrictEqual(m.people.map((p) => [p.freshness, p.daysSinceContact]), [
      ['fresh', 2], ['stale', 35], ['stale', 84], ['never', undefined], ['never', undefined]]);
    assert.strictEqual(m.people[0].lastContact, '2026-11-22');
    assert.deepStrictEqual([0, 15, 16, 30, 31].map((d) => freshness(d, 30)), ['fresh', 'fresh', 'ageing', 'ageing', 'stale']);
    assert.strictEqual(freshness(undefined, 30), 'never');
    const noTier = model(ORG.replace('tier: VIP\n', ''));
    assert.strictEqual(noTier.staleDays, 60);
    assert.strictEqual(noTier.people[1].freshness, 'ageing', '35 days of 60');
    const custom = model(ORG, { settings: { staleDays: { ...DEFAULT_SETTINGS.staleDays, VIP: 100 } } });
    assert.strictEqual(custom.people[2].freshness, 'ageing', 'the setting is the limit: 84 days of 100');
  });

  it('edges from boss to report, only to known ids', () => {
    assert.deepStrictEqual(model(ORG).edges, [{ from: 'ceo', to: 'cto' }, { from: 'cto', to: 'ops' }, { from: 'ceo', to: 'old' }]);
  });

  it('tolerates cycles, self-reports and repeated ids', () => {
    const m = model(`account: Loop
stakeholders:
  - { id: a, name: A, reports_to: b }
  - { id: b, name: B, reports_to: a }
  - { id: c, name: C, reports_to: c }
  - { id: a, name: A again, reports_to: c }
  - { name: No id }
`);
    assert.deepStrictEqual(m.people.map((p) => p.key), ['a', 'b', 'c', '#3', '#4']);
    assert.deepStrictEqual(m.edges, [{ from: 'b', to: 'a' }, { from: 'a', to: 'b' }, { from: 'c', to: '#3' }]);
    assert.strictEqual(m.people[4].name, 'No id');
  });

  it('placeholders for required roles nobody still there holds', () => {
    assert.deepStrictEqual(model(ORG).placeholders, [], 'coach is held by cto; old left but is not needed');
    const m = model(edit(ORG, 'roles: [technical, coach]', 'roles: [technical]'));
    assert.deepStrictEqual(m.placeholders, [{ role: 'coach' }], 'the coach who left does not count');
    const withFinancial = model(CLEAN, { settings: { requiredRoles: ['economic', 'financial', 'influencer'] } });
    assert.deepStrictEqual(withFinancial.placeholders.map((p) => p.role), ['financial', 'influencer'], 'in the order of docs/format.md');
  });

  it('no model when the frontmatter does not parse; an empty map for a plan without people', () => {
    assert.strictEqual(stakeholderMap(check('account: [\n'), DEFAULT_SETTINGS), undefined);
    const empty = model('account: Empty\n');
    assert.deepStrictEqual([empty.people, empty.edges], [[], []]);
    assert.deepStrictEqual(empty.placeholders.map((p) => p.role), ['economic', 'technical', 'user', 'coach']);
  });

  it('a value that fails the schema is left out, the person stays', () => {
    const m = model('account: Bad\nstakeholders:\n  - { id: x, name: X, attitude: Z, influence: huge, grid: { personal: 9, company: B } }\n');
    assert.strictEqual(m.people.length, 1);
    assert.strictEqual(m.people[0].attitude, undefined);
    assert.strictEqual(m.people[0].influence, undefined);
  });
});
