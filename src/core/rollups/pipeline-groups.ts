import type { OpportunityFacts, PlanEntry } from '../model/plan-analysis';
import { quarterOf } from '../model/dates';
import type { Money } from '../model/money';
import { OPEN_STAGES } from '../model/selling-method';

export type PipelineGrouping = 'stage' | 'quarter' | 'owner';
export interface PipelineFilter {
  readonly owner?: string;
  readonly tier?: string;
}

export interface PipelineItem {
  readonly uri: string;
  readonly account: string;
  readonly owner?: string;
  readonly tier?: string;
  readonly facts: OpportunityFacts;
}

export interface PipelineGroup {
  /** `G`…`A`, `S`, `lost`; a quarter like `2026-Q4` or `none`; an owner or `none`. */
  readonly key: string;
  readonly count: number;
  readonly amount: Money;
  readonly weighted: Money;
  readonly items: readonly PipelineItem[];
}

/** Opportunities across plans, grouped. By stage: G → A, then won (S) and lost; otherwise open ones only. */
export function pipelineGroups(entries: Iterable<PlanEntry>, grouping: PipelineGrouping, filter: PipelineFilter = {}): PipelineGroup[] {
  const groups = new Map<string, PipelineItem[]>();
  if (grouping === 'stage') for (const s of [...OPEN_STAGES, 'S', 'lost']) groups.set(s, []);
  for (const { uri, analysis } of entries) {
    const plan = analysis.plan;
    if (!plan || !analysis.facts) continue;
    if (filter.owner !== undefined && (plan.owner ?? '') !== filter.owner) continue;
    if (filter.tier !== undefined && (plan.tier ?? '') !== filter.tier) continue;
    for (const facts of analysis.facts.opportunities) {
      if (!facts.stage || (grouping !== 'stage' && !facts.open)) continue;
      const key = grouping === 'stage' ? facts.stage
        : grouping === 'quarter' ? (facts.opportunity.close ? quarterOf(facts.opportunity.close) : 'none')
          : plan.owner ?? 'none';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push({ uri, account: plan.account ?? plan.id, owner: plan.owner, tier: plan.tier, facts });
    }
  }
  const keys = [...groups.keys()];
  if (grouping !== 'stage') keys.sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a.localeCompare(b)));
  return keys.map((key) => summarize(key, groups.get(key)!));
}

function summarize(key: string, items: PipelineItem[]): PipelineGroup {
  const amount: Money = {};
  const weighted: Money = {};
  for (const { facts } of items) {
    const a = facts.opportunity.amount;
    if (a !== undefined) amount[facts.currency] = round((amount[facts.currency] ?? 0) + a);
    if (facts.weighted !== undefined) weighted[facts.currency] = round((weighted[facts.currency] ?? 0) + facts.weighted);
  }
  const sorted = [...items].sort((a, b) => (b.facts.weighted ?? 0) - (a.facts.weighted ?? 0) || a.account.localeCompare(b.account));
  return { key, count: items.length, amount, weighted, items: sorted };
}

const round = (v: number) => Math.round(v * 100) / 100;
