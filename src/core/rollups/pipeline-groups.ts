import type { OpportunityFacts, PlanEntry } from '../model/plan-analysis';
import type { Plan } from '../model/plan';
import type { Money } from '../model/money';
import { LazilySorted } from '../model/lazily-sorted';
import { byCodePoint, byName } from '../model/name-order';
import { OPEN_STAGES } from '../model/selling-method';
import { byQuarter, countsInTotal, DealSums, forEachDeal, NONE, quarterKey, toDeal, type Deal, type PlanFilter } from './pipeline-rollup';

export type PipelineGrouping = 'stage' | 'quarter' | 'owner';
/** The Pipeline view filters by owner and tier (`''`: plans without one). */
export type PipelineFilter = Pick<PlanFilter, 'owner' | 'tier'>;
export type PipelineItem = Deal;

export interface PipelineGroup {
  /** `G`…`A`, `S`, `lost`; a quarter like `2026-Q4` or `none`; an owner or `none`. */
  readonly key: string;
  readonly count: number;
  readonly amount: Money;
  readonly weighted: Money;
  /** The group's deals, listed when first read and put in order (largest weighted first) only as far as they are read. */
  readonly items: LazilySorted<PipelineItem>;
}

/**
 * Opportunities across plans, grouped. By stage: G → A (every open deal, as the forecast's
 * `byStage`), then won (S) and lost. By close quarter or owner: the open deals that are not
 * `omitted`, as the forecast's `byPeriod` and `total`; quarters in time order, owners in name
 * order, `none` last.
 *
 * The sums are added up at once; the groups' deals are listed when the first group's items are
 * read. A view's top level shows the sums alone, and on a reopened workspace of 10,000 plans the
 * 30,000 deal rows were a third of it.
 */
export function pipelineGroups(entries: Iterable<PlanEntry>, grouping: PipelineGrouping, filter: PipelineFilter = {}): PipelineGroup[] {
  const sums = new Map<string, DealSums>();
  if (grouping === 'stage') for (const s of [...OPEN_STAGES, 'S', 'lost']) sums.set(s, new DealSums());
  const list: readonly PlanEntry[] = Array.isArray(entries) ? entries : [...entries];
  const planFilter = { owner: filter.owner, tier: filter.tier };
  forEachGroupedDeal(list, grouping, planFilter, (key, facts) => {
    let sum = sums.get(key);
    if (!sum) sums.set(key, (sum = new DealSums()));
    sum.add(facts);
  });
  const keys = [...sums.keys()];
  if (grouping === 'quarter') keys.sort(byQuarter);
  if (grouping === 'owner') keys.sort((a, b) => (a === b ? 0 : a === NONE ? 1 : b === NONE ? -1 : byName(a, b)));
  let byKey: Map<string, PipelineItem[]> | undefined;
  const itemsOf = (key: string): PipelineItem[] => {
    byKey ??= groupDeals(list, grouping, planFilter);
    return byKey.get(key) ?? [];
  };
  return keys.map((key) => ({ key, ...sums.get(key)!.value, items: new LazilySorted(() => itemsOf(key), byWeightThenName) }));
}

/** Each deal the grouping counts, with its group's key: the one walk behind both the sums and the rows. */
function forEachGroupedDeal(entries: readonly PlanEntry[], grouping: PipelineGrouping, filter: PlanFilter,
  each: (key: string, facts: OpportunityFacts, plan: Plan, uri: string) => void): void {
  forEachDeal(entries, filter, (facts, plan, uri) => {
    if (grouping !== 'stage' && !countsInTotal(facts)) return;
    each(grouping === 'stage' ? facts.stage! : grouping === 'quarter' ? quarterKey(facts.opportunity.close) : plan.owner ?? NONE, facts, plan, uri);
  });
}

/** The deals of each group. */
function groupDeals(entries: readonly PlanEntry[], grouping: PipelineGrouping, filter: PlanFilter): Map<string, PipelineItem[]> {
  const groups = new Map<string, PipelineItem[]>();
  forEachGroupedDeal(entries, grouping, filter, (key, facts, plan, uri) => {
    let items = groups.get(key);
    if (!items) groups.set(key, (items = []));
    items.push(toDeal(facts, plan, uri));
  });
  return groups;
}

/** The largest weighted amount first; then account and opportunity in name order, then file order. */
function byWeightThenName(a: PipelineItem, b: PipelineItem): number {
  const name = (d: PipelineItem) => d.facts.opportunity.name ?? d.facts.opportunity.id ?? '';
  return (b.facts.weighted ?? 0) - (a.facts.weighted ?? 0) || byName(a.account, b.account) || byName(name(a), name(b))
    || byCodePoint(a.uri, b.uri) || a.facts.opportunity.index - b.facts.opportunity.index;
}
