import type { OpportunityFacts, PlanAnalysis, StakeholderFacts } from './analysis';
import { daysBetween, quarterOf } from './dates';
import type { Money } from './forecast-types';
import {
  BUYING_ROLES, LAYERS, OPEN_STAGES, attitudeRank, type Attitude, type BuyingRole, type Layer, type Stage,
} from './method';
import type { Settings } from './settings';

/** One plan in the workspace, as the views see it. */
export interface PlanEntry {
  readonly uri: string;
  readonly analysis: PlanAnalysis;
}

// ---------- pipeline ----------

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

// ---------- buying roles ----------

export type Trend = { readonly from: Attitude; readonly to: Attitude; readonly direction: 'up' | 'down' | 'same' };

export interface PersonRow {
  readonly facts: StakeholderFacts;
  readonly daysSinceContact?: number;
  readonly trend?: Trend;
}

export interface RoleGroup {
  readonly key: BuyingRole | Layer | 'none';
  readonly required: boolean;
  /** A required role that nobody (still there) holds. */
  readonly gap: boolean;
  readonly people: readonly PersonRow[];
}

/** The six roles in the spec's order (or the three layers), each with its people. */
export function roleGroups(analysis: PlanAnalysis, settings: Settings, by: 'role' | 'layer' = 'role'): RoleGroup[] {
  const facts = analysis.facts;
  if (!facts) return [];
  const row = (s: StakeholderFacts): PersonRow => ({
    facts: s,
    daysSinceContact: s.lastContact ? daysBetween(s.lastContact, facts.today) : undefined,
    trend: trendOf(s),
  });
  if (by === 'layer') {
    const keys: (Layer | 'none')[] = [...LAYERS, 'none'];
    return keys.map((key) => ({
      key, required: false, gap: false,
      people: facts.stakeholders.filter((s) => (s.stakeholder.layer ?? 'none') === key).map(row),
    })).filter((g) => g.key !== 'none' || g.people.length > 0);
  }
  return BUYING_ROLES.map((role) => {
    const people = facts.stakeholders.filter((s) => s.stakeholder.roles?.includes(role));
    const required = settings.requiredRoles.includes(role);
    return { key: role, required, gap: required && !people.some((p) => !p.gone), people: people.map(row) };
  });
}

export function trendOf(s: StakeholderFacts): Trend | undefined {
  const h = s.history;
  if (h.length < 2) return undefined;
  const from = h[h.length - 2].attitude;
  const to = h[h.length - 1].attitude;
  const d = attitudeRank(from) - attitudeRank(to);
  return { from, to, direction: d > 0 ? 'up' : d < 0 ? 'down' : 'same' };
}

// ---------- accounts ----------

export interface AccountRow {
  readonly uri: string;
  readonly account: string;
  readonly tier?: string;
  readonly owner?: string;
  readonly daysSinceVisit?: number;
  readonly openWeighted: Money;
  readonly errors: number;
  readonly warnings: number;
  readonly stale: boolean;
}

/** Every plan, what needs attention first: errors, then stale accounts, then the rest by name. */
export function accountRows(entries: Iterable<PlanEntry>): AccountRow[] {
  const rows: AccountRow[] = [];
  for (const { uri, analysis } of entries) {
    const f = analysis.findings;
    const weighted: Money = {};
    for (const o of analysis.facts?.opportunities ?? []) {
      if (o.open && o.weighted !== undefined) weighted[o.currency] = round((weighted[o.currency] ?? 0) + o.weighted);
    }
    const last = analysis.facts?.lastVisit;
    rows.push({
      uri,
      account: analysis.plan?.account ?? analysis.plan?.id ?? uri.split('/').pop() ?? uri,
      tier: analysis.plan?.tier,
      owner: analysis.plan?.owner,
      daysSinceVisit: last && analysis.facts ? daysBetween(last, analysis.facts.today) : undefined,
      openWeighted: weighted,
      errors: f.filter((x) => x.severity === 'error').length,
      warnings: f.filter((x) => x.severity === 'warning').length,
      stale: f.some((x) => x.code === 'AP020'),
    });
  }
  const rank = (r: AccountRow) => (r.errors > 0 ? 0 : r.stale ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || b.errors - a.errors || a.account.localeCompare(b.account));
}

export const isWonOrLost = (s: Stage | undefined): boolean => s === 'S' || s === 'lost';
