import * as assert from 'assert';
import { mergePlans } from '../../src/core';
import { addStakeholder, generatedPlans, logVisit, planData, setField, type PlanEdit } from './merge-fixtures';

/** Pairs of edits two sellers make to the same plan in the same week, none touching the other's facts. */
const PAIRS: readonly [string, PlanEdit, PlanEdit][] = [
  ['each logs a visit', logVisit('2026-12-01', 'p0'), logVisit('2026-12-02', 'p1', 'sign')],
  ['both log a visit on the same day', logVisit('2026-12-01', 'p0'), logVisit('2026-12-01', 'p2', 'sign')],
  ['one adds a stakeholder, the other changes an attitude', addStakeholder('newcomer'), setField('stakeholders', 1, 'attitude', 'D')],
  ['one moves a stage, the other an amount of another deal', setField('opportunities', 0, 'stage', 'B'), setField('opportunities', 1, 'amount', 1234000)],
  ['one logs a visit, the other renames a deal', logVisit('2027-02-03', 'p1'), setField('opportunities', 1, 'name', 'Renamed "deal"')],
  ['one changes the owner, the other adds a stakeholder', setField('stakeholders', 0, 'title', 'CIO'), addStakeholder('another')],
];

const EDITS: readonly PlanEdit[] = PAIRS.flatMap(([, a, b]) => [a, b]);

describe('merge properties, on generated plans and edit pairs', function () {
  this.timeout(120_000);
  let plans: string[] = [];
  before(async () => { plans = await generatedPlans(12); });

  it('merging a side with an unchanged base returns that side byte for byte', () => {
    for (const base of plans) {
      for (const edit of EDITS) {
        const side = edit(base);
        assert.equal(mergePlans(base, side, base).text, side);
        assert.equal(mergePlans(base, base, side).text, side);
        assert.equal(mergePlans(base, side, side).text, side);
      }
    }
  });

  for (const [name, a, b] of PAIRS) {
    it(`${name}: the same plan as applying both edits in either order, and it parses`, () => {
      for (const [i, base] of plans.entries()) {
        const expected = planData(b(a(base)));
        assert.deepEqual(planData(a(b(base))), expected, `plan ${i}: the two edits commute`);
        for (const [ours, theirs] of [[a(base), b(base)], [b(base), a(base)]]) {
          const merged = mergePlans(base, ours, theirs);
          assert.deepEqual(merged.conflicts, [], `plan ${i}`);
          assert.equal(merged.how, 'meaning');
          assert.deepEqual(planData(merged.text), expected, `plan ${i}`);
        }
      }
    });
  }

  it('keeps every byte of OURS outside what THEIRS changed', () => {
    for (const base of plans) {
      const ours = logVisit('2026-12-01', 'p0')(base);
      const theirs = setField('opportunities', 0, 'stage', 'B')(base);
      const merged = mergePlans(base, ours, theirs).text;
      const at = ours.indexOf('stage: ', ours.indexOf('- id: o0'));
      const end = ours.indexOf('\n', at);
      assert.equal(merged.slice(0, at), ours.slice(0, at));
      assert.equal(merged.slice(at), `stage: B${ours.slice(end)}`);
    }
  });

  it('reports and marks different changes to one field on every plan', () => {
    for (const [i, base] of plans.entries()) {
      const merged = mergePlans(base, setField('stakeholders', 1, 'attitude', 'C-')(base), setField('stakeholders', 1, 'attitude', 'E+')(base));
      assert.equal(merged.conflicts.length, 1, `plan ${i}`);
      assert.equal(merged.conflicts[0].where, 'stakeholders p1 attitude');
      assert.match(merged.text, /<<<<<<< ours: attitude [A-E][+-]? -> C-\n {4}attitude: C-\n=======\n {4}attitude: E\+\n>>>>>>> theirs: attitude [A-E][+-]? -> E\+\n/);
    }
  });
});
