import { quarterOf } from '../model/dates';
import { byCodePoint } from '../model/name-order';
import type { Finding } from '../model/finding';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import {
  accountChanges, loadPlan, matchAccounts, pairedByPath, sideOf,
  type AccountChange, type AccountPair, type DiffOptions, type LoadedPlan, type PlanSet, type PlanSide,
} from './accounts';
import { findingsDiff, type FindingsDiff } from './findings';
import type { ItemPair } from './match-items';
import type { OpportunityFacts } from '../model/plan-analysis';
import { opportunityDiffs, pairOpportunities, type OpportunityDiff } from './opportunities';
import { coverageChanges, pairPeople, stakeholderDiffs, type CoverageChange, type StakeholderDiff } from './stakeholders';
import { nextStepChanges, pairVisits, visitChanges, type NextStepChange, type VisitChange } from './visits';
import { dealFlows, sumFlows, type DealFlow, type Waterfall } from './waterfall';

/** Everything that changed in one account. Lists hold only what changed. */
export interface AccountDiff {
  /** The account's id (`id`, else the file name without `.account.md`). */
  readonly id: string;
  /** `changed`: something below changed; `unchanged` may still have `edited` text (notes, summaries). */
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** The text differs (whether or not anything this model follows changed). */
  readonly edited: boolean;
  readonly before?: PlanSide;
  readonly after?: PlanSide;
  readonly changes: readonly AccountChange[];
  readonly opportunities: readonly OpportunityDiff[];
  readonly stakeholders: readonly StakeholderDiff[];
  readonly coverage: readonly CoverageChange[];
  readonly visits: readonly VisitChange[];
  readonly nextSteps: readonly NextStepChange[];
  readonly findings: FindingsDiff;
}

/** A plan that does not parse, with its first finding (`null` when a setting turned that rule off). */
export interface UnparsablePlan {
  readonly account: string;
  readonly side: 'before' | 'after';
  readonly path: string;
  readonly error: Finding | null;
}

/** The change set; `A` is how each account is held (its diff, or `PackedAccount`: its JSON text). */
export interface ChangeSet<A = AccountDiff> {
  /** The shape's version: bumped when a field changes meaning or goes away. */
  readonly version: 1;
  readonly today: string;
  /** The waterfall's quarter, e.g. `2026-Q4`. */
  readonly quarter: string;
  /** Anything added, removed or changed (not counting unchanged findings or text-only edits). */
  readonly changed: boolean;
  /** Every account on either side, by id. */
  readonly accounts: readonly A[];
  /** Plans that do not parse, on either side. */
  readonly unparsable: readonly UnparsablePlan[];
  readonly waterfall: Waterfall;
  readonly findings: FindingCounts;
}

export interface FindingCounts { readonly introduced: number; readonly fixed: number; readonly unchanged: number }

/** What assembling a change set reads of an account, however the account is held. */
export interface AccountKeys {
  readonly id: string;
  /** Its path on the after side, else the before side. */
  readonly path: string;
  readonly status: AccountDiff['status'];
  readonly counts: FindingCounts;
}

export const accountKeys = (a: AccountDiff): AccountKeys => ({
  id: a.id, path: (a.after ?? a.before)!.path, status: a.status,
  counts: { introduced: a.findings.introduced.length, fixed: a.findings.fixed.length, unchanged: a.findings.unchanged.length },
});

/**
 * The semantic difference between two sets of plans (path → text), both checked with the same
 * options. Pure; never throws on a plan: one that does not parse is reported, not fatal.
 * The same as `assembleChanges` over `diffPath` of every path, which a caller may spread over threads.
 */
export function diffPlans(before: PlanSet, after: PlanSet, options: DiffOptions): ChangeSet {
  const old = toMap(before);
  const now = toMap(after);
  const paths = [...new Set([...old.keys(), ...now.keys()])];
  return assembleChanges(paths.map((path) => diffPath(path, old.get(path), now.get(path), options)), options);
}

const toMap = (set: PlanSet): ReadonlyMap<string, string> => (set instanceof Map ? set : new Map(Object.entries(set)));

/**
 * One path's sides, checked. When they are one account by path (see `matchAccounts`), the
 * account's diff and its deals; otherwise the loaded sides, for `assembleChanges` to match by id
 * with the other paths' (a moved file, an account that took another's path).
 */
export type PathDiff<A = AccountDiff> =
  | { readonly kind: 'paired'; readonly path: string; readonly account: A; readonly flows: readonly DealFlow[]; readonly unparsable: readonly UnparsablePlan[] }
  | { readonly kind: 'loose'; readonly path: string; readonly before?: LoadedPlan; readonly after?: LoadedPlan };

/** Checks the plan at `path` on each side it exists on (once when the text is the same) and diffs it when it pairs by path. */
export function diffPath(path: string, beforeText: string | undefined, afterText: string | undefined, options: DiffOptions): PathDiff {
  const opts = withDefaults(options);
  const before = beforeText === undefined ? undefined : loadPlan(path, beforeText, opts);
  const after = afterText === undefined ? undefined : beforeText === afterText ? before : loadPlan(path, afterText, opts);
  const pair = before && after ? pairedByPath(before, after) : undefined;
  if (!pair) return { kind: 'loose', path, before, after };
  return { kind: 'paired', path, ...diffPair(pair, opts) };
}

/** The change set from every path's `diffPath`, in any order. */
export const assembleChanges = (paths: readonly PathDiff[], options: DiffOptions): ChangeSet =>
  assembleWith(paths, options, (a) => a, accountKeys);

/**
 * The change set from paths whose accounts are held as `A`: `hold` turns the diff of an account
 * matched only now (a moved file) into an `A`, and `keys` reads what sorting and counting need.
 */
export function assembleWith<A>(
  paths: readonly PathDiff<A>[], options: DiffOptions, hold: (a: AccountDiff) => A, keys: (a: A) => AccountKeys,
): ChangeSet<A> {
  const opts = withDefaults(options);
  const byPath = (side: 'before' | 'after') => paths.flatMap((p) => (p.kind === 'loose' && p[side] ? [p[side]!] : []))
    .sort((a, b) => byCodePoint(a.path, b.path));
  const loose = matchAccounts(byPath('before'), byPath('after')).map((pair) => {
    const d = diffPair(pair, opts);
    return { ...d, account: hold(d.account) };
  });
  const diffs = [...paths.flatMap((p) => (p.kind === 'paired' ? [p] : [])), ...loose]
    .map((d) => ({ d, k: keys(d.account) }))
    .sort((x, y) => byCodePoint(x.k.id, y.k.id) || byCodePoint(x.k.path, y.k.path));
  const count = (k: keyof FindingCounts) => diffs.reduce((n, x) => n + x.k.counts[k], 0);
  return {
    version: 1,
    today: opts.today,
    quarter: opts.quarter,
    changed: diffs.some((x) => x.k.status !== 'unchanged'),
    accounts: diffs.map((x) => x.d.account),
    unparsable: diffs.flatMap((x) => x.d.unparsable),
    waterfall: sumFlows(diffs.flatMap((x) => x.d.flows)),
    findings: { introduced: count('introduced'), fixed: count('fixed'), unchanged: count('unchanged') },
  };
}

type Resolved = DiffOptions & { readonly settings: Settings; readonly quarter: string };
const withDefaults = (o: DiffOptions): Resolved =>
  ({ ...o, settings: o.settings ?? DEFAULT_SETTINGS, quarter: o.quarter ?? quarterOf(o.today) });

/** One account's diff, its deals' part in the waterfall and its sides that do not parse. */
function diffPair(p: AccountPair, opts: Resolved): Omit<Extract<PathDiff, { kind: 'paired' }>, 'kind' | 'path'> {
  // The deals are paired once: for the waterfall here, and for the account's details.
  const opportunities = pairOpportunities(p.before?.analysis.facts, p.after?.analysis.facts);
  const flows = dealFlows(opportunities.map((d) => ({ ...d, account: p.id })), opts.quarter);
  return { account: accountDiff(p, opportunities, opts), flows, unparsable: [...broken(p, 'before'), ...broken(p, 'after')] };
}

function broken(p: AccountPair, side: 'before' | 'after'): UnparsablePlan[] {
  const plan: LoadedPlan | undefined = p[side];
  if (!plan || plan.analysis.plan) return [];
  return [{ account: p.id, side, path: plan.path, error: plan.analysis.findings[0] ?? null }];
}

function accountDiff(pair: AccountPair, deals: readonly ItemPair<OpportunityFacts>[], opts: Resolved): AccountDiff {
  const { before, after } = pair;
  const findings = findingsDiff(before, after);
  const edited = before?.text !== after?.text;
  const account = (status: AccountDiff['status'], parts: Details): AccountDiff =>
    ({ id: pair.id, status, edited, before: sideOf(before), after: sideOf(after), ...parts, findings });
  if (before && after && !edited && before.path === after.path) return account('unchanged', NOTHING);
  // An added or removed account lists what it holds, as against an empty plan.
  const parts = details(pair, deals, opts);
  if (!before || !after) return account(before ? 'removed' : 'added', parts);
  const changed = Object.values(parts).some((list) => list.length > 0) || findings.introduced.length > 0 || findings.fixed.length > 0;
  return account(changed ? 'changed' : 'unchanged', parts);
}

type Details = Pick<AccountDiff, 'changes' | 'opportunities' | 'stakeholders' | 'coverage' | 'visits' | 'nextSteps'>;
const NOTHING: Details = { changes: [], opportunities: [], stakeholders: [], coverage: [], visits: [], nextSteps: [] };

/** The item-level changes; none but the account's own when a side exists but does not parse. */
function details(pair: AccountPair, deals: readonly ItemPair<OpportunityFacts>[], { today, quarter, settings }: Resolved): Details {
  const { before, after } = pair;
  const b = before?.analysis;
  const a = after?.analysis;
  const changes = accountChanges(pair);
  if ((b && !b.plan) || (a && !a.plan)) return { ...NOTHING, changes };
  const visits = pairVisits(b?.plan?.visits ?? [], a?.plan?.visits ?? []);
  const people = pairPeople(b?.facts, a?.facts);
  return {
    changes,
    opportunities: opportunityDiffs(deals, quarter),
    stakeholders: stakeholderDiffs(people, a?.plan),
    coverage: coverageChanges(people, settings),
    visits: visitChanges(visits, b?.plan, a?.plan, today),
    nextSteps: nextStepChanges(deals, visits),
  };
}
