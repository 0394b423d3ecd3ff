import { diffPlans, type AccountDiff, type ChangeSet, type Settings } from '../../src/core';
import { TODAY, wrap } from './helpers';

export { TODAY, wrap };
export { edit } from './helpers';

/** A plan with two deals in the quarter of TODAY (2026-Q4), one next quarter, three people and two visits. */
export const BASE = `account: Acme
id: acme
owner: Lin
tier: A
stakeholders:
  - id: ceo
    name: Chen
    roles: [economic]
    layer: decision
    influence: high
    grid: { personal: 2, company: C }
  - id: cto
    name: Tao
    roles: [technical]
    layer: procurement
    attitude: B
  - id: ops
    name: Ou
    roles: [user, coach]
    layer: usage
    attitude: A
opportunities:
  - id: d1
    name: Deal one
    stage: C
    amount: 1000
    close: 2026-12-15
    next: Send the quote
  - id: d2
    name: Deal two
    stage: D
    amount: 2000
    currency: USD
    close: 2026-11-30
  - id: d3
    name: Deal three
    stage: B
    amount: 4000
    close: 2027-02-10
visits:
  - date: 2026-11-10
    purpose: progress
    with: [ceo, cto]
    executive: true
    attitudes: { ceo: C }
    next: Book the demo
  - date: 2026-11-12
    purpose: solution
    with: [ops]
`;

export const run = (before: Record<string, string>, after: Record<string, string>, settings?: Settings): ChangeSet =>
  diffPlans(before, after, { today: TODAY, settings });

/** The diff of one account whose plan goes from `before` to `after` (YAML), at one path. */
export function one(before: string, after: string): AccountDiff {
  const set = run({ 'acme.account.md': wrap(before) }, { 'acme.account.md': wrap(after) });
  if (set.accounts.length !== 1) throw new Error(`expected one account, got ${set.accounts.length}`);
  return set.accounts[0];
}

/** Every list of an account diff that must be empty when nothing changed. */
export const changeLists = (a: AccountDiff) => ({
  changes: a.changes, opportunities: a.opportunities, stakeholders: a.stakeholders, coverage: a.coverage,
  visits: a.visits, nextSteps: a.nextSteps, introduced: a.findings.introduced, fixed: a.findings.fixed,
});

export const EMPTY_LISTS = { changes: [], opportunities: [], stakeholders: [], coverage: [], visits: [], nextSteps: [], introduced: [], fixed: [] };
