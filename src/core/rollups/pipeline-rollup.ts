import type { OpportunityFacts, PlanEntry } from '../model/plan-analysis';
import type { Plan } from '../model/plan';
import { quarterOf } from '../model/dates';
import { MoneySum, type Money } from '../model/money';

/**
 * The pieces every pipeline figure is built from (the Pipeline and Accounts views, the CLI
 * forecast, the Forecast panel), so that they count the same deals and add them the same way:
 *
 * - by stage and by forecast category: every open deal (G–A), `omitted` ones included;
 * - by close quarter, by owner, per account and in the totals: the open deals that are not
 *   `omitted`;
 * - won: the deals at S.
 */

/** How many deals, and their amounts and weighted amounts, one sum per currency. */
export interface Sums {
  readonly count: number;
  readonly amount: Money;
  readonly weighted: Money;
}

/** Counts deals and adds them up per currency under the rounding rule; a deal without `amount` adds to `count` only. */
export class DealSums {
  private count = 0;
  private readonly amount = new MoneySum();
  private readonly weighted = new MoneySum();

  add(o: OpportunityFacts): this {
    this.count++;
    if (o.opportunity.amount !== undefined) this.amount.add(o.currency, o.opportunity.amount);
    if (o.weighted !== undefined) this.weighted.add(o.currency, o.weighted);
    return this;
  }

  get value(): Sums {
    return { count: this.count, amount: this.amount.value, weighted: this.weighted.value };
  }
}

/** Open (G–A) and not `omitted`: the deals of the totals, the quarters, the owners and the accounts. */
export const countsInTotal = (o: OpportunityFacts): boolean => o.open && o.category !== 'omitted';

/** The key of the close quarter: `2026-Q4`, or `none` for a deal without a close date. */
export const quarterKey = (close: string | undefined): string => (close ? quarterOf(close) : NONE);

/** The group of deals without a close date (or without an owner). */
export const NONE = 'none';

/** Quarters in time order, `none` last. */
export const byQuarter = (x: string, y: string): number => (x === y ? 0 : x === NONE ? 1 : y === NONE ? -1 : x < y ? -1 : 1);

/** Which plans a view covers. `''` picks the plans without an owner (a tier). */
export interface PlanFilter {
  /** A folder's URI: only plans under it. */
  readonly folder?: string;
  readonly owner?: string;
  readonly tier?: string;
}

/** Plans under a folder URI (`file:///w/east` holds `file:///w/east/a.account.md`, not `file:///w/eastern/…`). */
export function inFolder(uri: string, folder: string | undefined): boolean {
  if (folder === undefined) return true;
  return uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

export function passesFilter(uri: string, plan: Plan, filter: PlanFilter): boolean {
  return inFolder(uri, filter.folder)
    && (filter.owner === undefined || (plan.owner ?? '') === filter.owner)
    && (filter.tier === undefined || (plan.tier ?? '') === filter.tier);
}

/** One opportunity with the names of its plan, as the views list it. */
export interface Deal {
  readonly uri: string;
  readonly account: string;
  readonly owner?: string;
  readonly tier?: string;
  readonly facts: OpportunityFacts;
}

/** Every opportunity with a stage, in the plans that parsed and pass the filter, in the entries' order. */
export function deals(entries: Iterable<PlanEntry>, filter: PlanFilter = {}): Deal[] {
  const out: Deal[] = [];
  forEachDeal(entries, filter, (facts, plan, uri) => out.push(toDeal(facts, plan, uri)));
  return out;
}

/** One opportunity's row, with the names of its plan. */
export const toDeal = (facts: OpportunityFacts, plan: Plan, uri: string): Deal =>
  ({ uri, account: plan.account ?? plan.id, owner: plan.owner, tier: plan.tier, facts });

/** `deals` without making a Deal of each: what adds them up needs the facts (and the plan's owner) alone. */
export function forEachDeal(entries: Iterable<PlanEntry>, filter: PlanFilter, each: (facts: OpportunityFacts, plan: Plan, uri: string) => void): void {
  const filtered = filter.folder !== undefined || filter.owner !== undefined || filter.tier !== undefined;
  for (const { uri, analysis } of entries) {
    const plan = analysis.plan;
    if (!plan || !analysis.facts || (filtered && !passesFilter(uri, plan, filter))) continue;
    for (const facts of analysis.facts.opportunities) if (facts.stage) each(facts, plan, uri);
  }
}
