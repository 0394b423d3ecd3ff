import { quarterOf } from '../model/dates';
import type { Finding } from '../model/finding';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import {
  accountChanges, loadPlans, matchAccounts, sideOf,
  type AccountChange, type AccountPair, type DiffOptions, type LoadedPlan, type PlanSet, type PlanSide,
} from './accounts';
import { findingsDiff, type FindingsDiff } from './findings';
import { opportunityDiffs, pairOpportunities, type OpportunityDiff } from './opportunities';
import { coverageChanges, stakeholderDiffs, type CoverageChange, type StakeholderDiff } from './stakeholders';
import { nextStepChanges, pairVisits, visitChanges, type NextStepChange, type VisitChange } from './visits';
import { waterfall, type DealPair, type Waterfall } from './waterfall';

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

export interface ChangeSet {
  /** The shape's version: bumped when a field changes meaning or goes away. */
  readonly version: 1;
  readonly today: string;
  /** The waterfall's quarter, e.g. `2026-Q4`. */
  readonly quarter: string;
  /** Anything added, removed or changed (not counting unchanged findings or text-only edits). */
  readonly changed: boolean;
  /** Every account on either side, by id. */
  readonly accounts: readonly AccountDiff[];
  /** Plans that do not parse, on either side. */
  readonly unparsable: readonly UnparsablePlan[];
  readonly waterfall: Waterfall;
  readonly findings: { readonly introduced: number; readonly fixed: number; readonly unchanged: number };
}

/**
 * The semantic difference between two sets of plans (path → text), both checked with the same
 * options. Pure; never throws on a plan: one that does not parse is reported, not fatal.
 */
export function diffPlans(before: PlanSet, after: PlanSet, options: DiffOptions): ChangeSet {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const opts = { ...options, settings };
  const quarter = options.quarter ?? quarterOf(options.today);
  const oldPlans = loadPlans(before, opts);
  const newPlans = loadPlans(after, opts, new Map(oldPlans.map((p) => [p.path, p])));
  const pairs = matchAccounts(oldPlans, newPlans);
  const accounts = pairs.map((p) => accountDiff(p, opts.today, quarter, settings));
  const deals: DealPair[] = pairs.flatMap((p) =>
    pairOpportunities(p.before?.analysis.facts, p.after?.analysis.facts).map((d) => ({ ...d, account: p.id })));
  const count = (k: keyof FindingsDiff) => accounts.reduce((n, a) => n + a.findings[k].length, 0);
  return {
    version: 1,
    today: options.today,
    quarter,
    changed: accounts.some((a) => a.status !== 'unchanged'),
    accounts,
    unparsable: pairs.flatMap((p) => [...broken(p, 'before'), ...broken(p, 'after')]),
    waterfall: waterfall(deals, quarter),
    findings: { introduced: count('introduced'), fixed: count('fixed'), unchanged: count('unchanged') },
  };
}

function broken(p: AccountPair, side: 'before' | 'after'): UnparsablePlan[] {
  const plan: LoadedPlan | undefined = p[side];
  if (!plan || plan.analysis.plan) return [];
  return [{ account: p.id, side, path: plan.path, error: plan.analysis.findings[0] ?? null }];
}

function accountDiff(pair: AccountPair, today: string, quarter: string, settings: Settings): AccountDiff {
  const { before, after } = pair;
  const findings = findingsDiff(before, after);
  const edited = before?.text !== after?.text;
  const account = (status: AccountDiff['status'], parts: Details): AccountDiff =>
    ({ id: pair.id, status, edited, before: sideOf(before), after: sideOf(after), ...parts, findings });
  if (before && after && !edited && before.path === after.path) return account('unchanged', NOTHING);
  // An added or removed account lists what it holds, as against an empty plan.
  const parts = details(pair, today, quarter, settings);
  if (!before || !after) return account(before ? 'removed' : 'added', parts);
  const changed = Object.values(parts).some((list) => list.length > 0) || findings.introduced.length > 0 || findings.fixed.length > 0;
  return account(changed ? 'changed' : 'unchanged', parts);
}

type Details = Pick<AccountDiff, 'changes' | 'opportunities' | 'stakeholders' | 'coverage' | 'visits' | 'nextSteps'>;
const NOTHING: Details = { changes: [], opportunities: [], stakeholders: [], coverage: [], visits: [], nextSteps: [] };

/** The item-level changes; none but the account's own when a side exists but does not parse. */
function details(pair: AccountPair, today: string, quarter: string, settings: Settings): Details {
  const { before, after } = pair;
  const b = before?.analysis;
  const a = after?.analysis;
  const changes = accountChanges(pair);
  if ((b && !b.plan) || (a && !a.plan)) return { ...NOTHING, changes };
  const visits = pairVisits(b?.plan?.visits ?? [], a?.plan?.visits ?? []);
  return {
    changes,
    opportunities: opportunityDiffs(b?.facts, a?.facts, quarter),
    stakeholders: stakeholderDiffs(b?.facts, a?.facts, a?.plan),
    coverage: coverageChanges(b?.facts, a?.facts, settings),
    visits: visitChanges(visits, b?.plan, a?.plan, today),
    nextSteps: nextStepChanges(pairOpportunities(b?.facts, a?.facts), visits),
  };
}
