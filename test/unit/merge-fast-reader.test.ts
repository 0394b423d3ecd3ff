import * as assert from 'assert';
import { mergePlans } from '../../src/core';
import { addStakeholder, generatedPlans, logVisit, setField, type PlanEdit } from './merge-fixtures';

/** A plan with the layouts where a node ends is easy to get wrong: comments, block text, empty values. */
const TRICKY = `---
account: "Acme Ltd"   # the customer's legal name
id: acme
owner:
stakeholders:
  # the board
  - id: ceo
    name: 'Chen'
    attitude: B
    notes: |
      Met at the fair.

      Prefers mornings.
    # more to come
  - id: cto
    name: Tao
    attitude: C   # after the demo
    roles: [technical,
      user]
  - id: cfo
    needs: { company: [cost], personal: [] }
opportunities:
  - id: deal
    name: >-
      Big
      deal
    stage: C
    amount: 1000

visits:
  - date: 2026-10-01
    with:
      - ceo
    summary: "Kick-off"
    # the first one
---

# Acme
`;

const replace = (from: string, to: string): PlanEdit => (text) => {
  assert.ok(text.includes(from), `"${from}" is in the text`);
  return text.replace(from, to);
};

const TRICKY_EDITS: readonly PlanEdit[] = [
  replace('attitude: B\n', 'attitude: A\n'),
  replace('attitude: C   # after the demo', 'attitude: D'),
  replace('      Prefers mornings.\n', '      Prefers evenings.\n'),
  replace('    stage: C\n', '    stage: B\n    close: 2027-01-31\n'),
  replace('owner:\n', 'owner: Lin\n'),
  replace('      user]', '      user, coach]'),
  replace('  - id: cfo\n    needs: { company: [cost], personal: [] }\n', ''),
  replace('attitude: B\n', 'attitude: C\n'),
  replace('company: [cost]', 'company: [cost, uptime]'),
  replace('    # the first one\n', '    # the first one\n  - date: 2026-11-02\n    with: [cto]\n    summary: Theirs\n'),
  replace('    summary: "Kick-off"\n', '    summary: "Kick-off, moved"\n'),
  replace('      deal\n', '      deal, renamed\n'),
];

/** js-yaml with positions (the fast reading) and `yaml` (the reference) must merge alike, byte for byte. */
function assertSameMerge(base: string, ours: string, theirs: string, what: string): void {
  const fast = mergePlans(base, ours, theirs);
  const reference = mergePlans(base, ours, theirs, { parser: 'reference' });
  assert.deepEqual(fast, reference, what);
}

describe('merge: the fast reading (js-yaml) and the reference (yaml) merge alike', function () {
  this.timeout(120_000);

  it('on a plan with comments, block text, flow lists and empty values, for every pair of edits', () => {
    for (const [i, a] of TRICKY_EDITS.entries()) {
      for (const [j, b] of TRICKY_EDITS.entries()) assertSameMerge(TRICKY, a(TRICKY), b(TRICKY), `edits ${i} and ${j}`);
    }
  });

  it('on generated plans, for every pair of edits two sellers make', async () => {
    const edits = [logVisit('2026-12-01', 'p0'), addStakeholder('newcomer'), setField('stakeholders', 1, 'attitude', 'D'),
      setField('stakeholders', 1, 'attitude', 'E'), setField('opportunities', 0, 'stage', 'B'), setField('opportunities', 1, 'name', 'Renamed "deal"')];
    for (const [p, base] of (await generatedPlans(6)).entries()) {
      for (const [i, a] of edits.entries()) {
        for (const [j, b] of edits.entries()) assertSameMerge(base, a(base), b(base), `plan ${p}, edits ${i} and ${j}`);
      }
    }
  });

  it('falls back to the reference when js-yaml declines a version (an anchor), and still merges by meaning', () => {
    const anchored = TRICKY.replace('id: acme\n', 'id: &acct acme\n');
    const merged = mergePlans(anchored, replace('attitude: B\n', 'attitude: A\n')(anchored), replace('    stage: C\n', '    stage: B\n')(anchored));
    assert.equal(merged.how, 'meaning');
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.text, anchored.replace('attitude: B\n', 'attitude: A\n').replace('    stage: C\n', '    stage: B\n'));
  });
});
