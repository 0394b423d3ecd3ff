import type { PlanAnalysis, StakeholderFacts } from '../model/plan-analysis';
import { daysBetween } from '../model/dates';
import { BUYING_ROLES, LAYERS, attitudeRank, type Attitude, type BuyingRole, type Layer } from '../model/selling-method';
import type { Settings } from '../model/settings';

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

/** The six roles in the order of docs/format.md (or the three layers), each with its people. */
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
