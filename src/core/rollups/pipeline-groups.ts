import type { PlanEntry } from '../model/plan-analysis';
import type { Money } from '../model/money';
import { LazilySorted } from '../model/lazily-sorted';
import { byCodePoint, byName } from '../model/name-order';
import { OPEN_STAGES } from '../model/selling-method';
import { byQuarter, countsInTotal, DealSums, deals, NONE, quarterKey, type Deal, type PlanFilter } from './pipeline-rollup';

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
  /** The group's deals, put in order (largest weighted first) only as far as they are read. */
  readonly items: LazilySorted<PipelineItem>;
}

/**
 * Opportunities across plans, grouped. By stage: G → A (every open deal, as the forecast's
 * `byStage`), then won (S) and lost. By close quarter or owner: the open deals that are not
 * `omitted`, as the forecast's `byPeriod` and `total`; quarters in time order, owners in name
 * order, `none` last.
 */
export function pipelineGroups(entries: Iterable<PlanEntry>, grouping: PipelineGrouping, filter: PipelineFilter = {}): PipelineGroup[] {
  const groups = new Map<string, PipelineItem[]>();
  if (grouping === 'stage') for (const s of [...OPEN_STAGES, 'S', 'lost']) groups.set(s, []);
  for (const deal of deals(entries, { owner: filter.owner, tier: filter.tier })) {
    if (grouping !== 'stage' && !countsInTotal(deal.facts)) continue;
    const key = grouping === 'stage' ? deal.facts.stage!
      : grouping === 'quarter' ? quarterKey(deal.facts.opportunity.close)
        : deal.owner ?? NONE;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(deal);
  }
  const keys = [...groups.keys()];
  if (grouping === 'quarter') keys.sort(byQuarter);
  if (grouping === 'owner') keys.sort((a, b) => (a === b ? 0 : a === NONE ? 1 : b === NONE ? -1 : byName(a, b)));
  return keys.map((key) => summarize(key, groups.get(key)!));
}

/**
 * A group's sums at once; its items in order only as far as they are read: a view's top level shows
 * the sums, a group its first page, and sorting 30,000 deals by weight and name is most of a refresh
 * (the names go through the collator).
 */
function summarize(key: string, items: PipelineItem[]): PipelineGroup {
  const sums = new DealSums();
  for (const { facts } of items) sums.add(facts);
  return { key, ...sums.value, items: new LazilySorted(items, byWeightThenName) };
}

/** The largest weighted amount first; then account and opportunity in name order, then file order. */
function byWeightThenName(a: PipelineItem, b: PipelineItem): number {
  const name = (d: PipelineItem) => d.facts.opportunity.name ?? d.facts.opportunity.id ?? '';
  return (b.facts.weighted ?? 0) - (a.facts.weighted ?? 0) || byName(a.account, b.account) || byName(name(a), name(b))
    || byCodePoint(a.uri, b.uri) || a.facts.opportunity.index - b.facts.opportunity.index;
}
