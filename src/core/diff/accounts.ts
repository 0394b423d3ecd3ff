import { checkPlan } from '../check-plan';
import type { Finding, Locale } from '../model/finding';
import type { PlanAnalysis } from '../model/plan-analysis';
import { TIERS, type Tier } from '../model/selling-method';
import type { Settings } from '../model/settings';
import { defaultId } from '../parse/validate';

/** Plans by path (as git names them) to their text. */
export type PlanSet = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export interface DiffOptions {
  /** `YYYY-MM-DD`: both sides are checked as of this day, and it fixes "the quarter". */
  readonly today: string;
  readonly settings?: Settings;
  readonly locale?: Locale;
  /** The waterfall's quarter, e.g. `2026-Q4`; default: the quarter of `today`. */
  readonly quarter?: string;
}

/** One side of an account: where its plan is and what the engine made of it. */
export interface LoadedPlan {
  readonly path: string;
  readonly text: string;
  readonly analysis: PlanAnalysis;
}

export interface AccountPair {
  /** The plan's id (`id`, else the file name); for a plan that does not parse, the file name. */
  readonly id: string;
  readonly before?: LoadedPlan;
  readonly after?: LoadedPlan;
}

/** A side of an account as the change set shows it. */
export interface PlanSide {
  readonly path: string;
  /** `account`. */
  readonly name?: string;
  /** Set when the plan does not parse (no rule could run): its first finding. */
  readonly unparsable?: Finding | null;
}

export type AccountChange =
  | { readonly kind: 'renamed'; readonly from?: string; readonly to?: string }
  | { readonly kind: 'moved'; readonly from: string; readonly to: string }
  | { readonly kind: 'owner'; readonly from?: string; readonly to?: string }
  | { readonly kind: 'tier'; readonly from?: Tier; readonly to?: Tier; readonly direction?: 'up' | 'down' }
  /** The plan stopped parsing (`side: 'after'`) or parses again (`side: 'before'` was broken). */
  | { readonly kind: 'unparsable'; readonly side: 'before' | 'after'; readonly error: Finding | null };

/** Checks one plan as the change set needs it (each text is seen once: no parse is kept). */
export function loadPlan(path: string, text: string, options: DiffOptions): LoadedPlan {
  const analysis = checkPlan(text, { fileName: path, today: options.today, settings: options.settings, locale: options.locale, cacheParse: false });
  return { path, text, analysis };
}

const idOf = (p: LoadedPlan): string | undefined => p.analysis.plan?.id;

/** The two sides of one path are one account when their ids agree or one side has none (it does not parse). */
export function pairedByPath(b: LoadedPlan, a: LoadedPlan): AccountPair | undefined {
  if (idOf(a) !== idOf(b) && idOf(a) !== undefined && idOf(b) !== undefined) return undefined;
  return { id: idOf(a) ?? idOf(b) ?? defaultId(a.path), before: b, after: a };
}

/**
 * Accounts by id, not by path: a renamed or moved file is the same account. A plan that does not
 * parse has no id of its own: it pairs with the plan at the same path, else by its file name.
 * Two plans with one id on the same side pair with the other side's in path order.
 */
export function matchAccounts(before: readonly LoadedPlan[], after: readonly LoadedPlan[]): AccountPair[] {
  const pairs: AccountPair[] = [];
  const usedBefore = new Set<LoadedPlan>();
  const usedAfter = new Set<LoadedPlan>();
  const pair = (b: LoadedPlan, a: LoadedPlan, id: string) => {
    pairs.push({ id, before: b, after: a });
    usedBefore.add(b);
    usedAfter.add(a);
  };
  const byPath = new Map(before.map((b) => [b.path, b]));
  // Same path and the same id (or one side unreadable): the common case, taken first.
  for (const a of after) {
    const b = byPath.get(a.path);
    const same = b && pairedByPath(b, a);
    if (same) pair(b, a, same.id);
  }
  const pool = new Map<string, LoadedPlan[]>();
  for (const b of before) {
    if (usedBefore.has(b)) continue;
    const id = idOf(b) ?? defaultId(b.path);
    pool.set(id, [...(pool.get(id) ?? []), b]);
  }
  for (const a of after) {
    if (usedAfter.has(a)) continue;
    const id = idOf(a) ?? defaultId(a.path);
    const b = pool.get(id)?.shift();
    if (b) pair(b, a, id);
  }
  for (const b of before) if (!usedBefore.has(b)) pairs.push({ id: idOf(b) ?? defaultId(b.path), before: b });
  for (const a of after) if (!usedAfter.has(a)) pairs.push({ id: idOf(a) ?? defaultId(a.path), after: a });
  return pairs.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : pathOf(x) < pathOf(y) ? -1 : 1));
}

const pathOf = (p: AccountPair): string => (p.after ?? p.before)!.path;

export function sideOf(p: LoadedPlan | undefined): PlanSide | undefined {
  if (!p) return undefined;
  const plan = p.analysis.plan;
  return plan ? { path: p.path, name: plan.account } : { path: p.path, unparsable: p.analysis.findings[0] ?? null };
}

/** Renamed, moved, owner and tier, and a plan that stopped (or started) parsing. */
export function accountChanges({ before, after }: AccountPair): AccountChange[] {
  if (!before || !after) return [];
  const changes: AccountChange[] = [];
  const b = before.analysis.plan;
  const a = after.analysis.plan;
  if (before.path !== after.path) changes.push({ kind: 'moved', from: before.path, to: after.path });
  if (b && !a) changes.push({ kind: 'unparsable', side: 'after', error: after.analysis.findings[0] ?? null });
  if (!b && a) changes.push({ kind: 'unparsable', side: 'before', error: before.analysis.findings[0] ?? null });
  if (!b || !a) return changes;
  if (b.account !== a.account) changes.push({ kind: 'renamed', from: b.account, to: a.account });
  if (b.owner !== a.owner) changes.push({ kind: 'owner', from: b.owner, to: a.owner });
  if (b.tier !== a.tier) changes.push({ kind: 'tier', from: b.tier, to: a.tier, direction: tierDirection(b.tier, a.tier) });
  return changes;
}

/** VIP is the top tier: moving towards it is up. */
function tierDirection(from: Tier | undefined, to: Tier | undefined): 'up' | 'down' | undefined {
  if (!from || !to) return undefined;
  return TIERS.indexOf(to) < TIERS.indexOf(from) ? 'up' : 'down';
}
