import type { PlanAnalysis, StakeholderFacts } from '../model/plan-analysis';
import { daysBetween } from '../model/dates';
import { attitudeLetter, type Attitude, type AttitudeLetter, type BuyingRole, type Layer } from '../model/selling-method';
import type { Grid } from '../model/plan';
import type { Settings } from '../model/settings';
import { roleGroups, trendOf, type Trend } from './role-groups';

/**
 * How recent the last contact is, against the tier's AP020 limit (`staleDays`): fresh up to half
 * the limit, ageing up to the limit, stale beyond it, never without a past visit naming the person.
 * A VIP account (30 days) is fresh for 15 days, ageing to day 30, stale from day 31.
 */
export type Freshness = 'fresh' | 'ageing' | 'stale' | 'never';

export interface MapPerson {
  /** Position in the `stakeholders` list: the host reveals `stakeholders[index]`. */
  readonly index: number;
  /** Unique within the map (the id; a repeated or missing id gets `#index`): layout node and selection key. */
  readonly key: string;
  readonly id?: string;
  /** The name, else the id, else `#index`. */
  readonly name: string;
  readonly title?: string;
  readonly department?: string;
  readonly attitude?: Attitude;
  readonly letter?: AttitudeLetter;
  readonly roles: readonly BuyingRole[];
  readonly layer?: Layer;
  readonly influence?: 'high' | 'medium' | 'low';
  readonly freshness: Freshness;
  readonly lastContact?: string;
  readonly daysSinceContact?: number;
  readonly trend?: Trend;
  readonly gone: boolean;
  readonly left?: string;
  readonly needs: { readonly company: readonly string[]; readonly personal: readonly string[] };
  readonly notes?: string;
  /** Attitudes seen at past visits, oldest first. */
  readonly history: readonly { readonly date: string; readonly attitude: Attitude }[];
  readonly grid?: Grid;
  readonly target?: { readonly attitude?: Attitude; readonly grid?: Grid };
}

/** `reports_to`: an edge from the boss to the person, both by `MapPerson.key`. */
export interface MapEdge {
  readonly from: string;
  readonly to: string;
}

export interface MapModel {
  readonly account: string;
  readonly today: string;
  /** The tier's stale limit in days, the basis of `freshness`. */
  readonly staleDays: number;
  readonly people: readonly MapPerson[];
  readonly edges: readonly MapEdge[];
  /** Required roles (`accountPlans.requiredRoles`) that no stakeholder still there holds. */
  readonly placeholders: readonly { readonly role: BuyingRole }[];
}

/** The stakeholder map of one plan: people, the org chart's edges, the role gaps. Undefined when the frontmatter did not parse. */
export function stakeholderMap(analysis: PlanAnalysis, settings: Settings): MapModel | undefined {
  const { plan, facts } = analysis;
  if (!plan || !facts) return undefined;
  const staleDays = settings.staleDays[plan.tier ?? 'none'];
  const keyOfId = new Map<string, string>();
  const people = facts.stakeholders.map((f) => {
    const s = f.stakeholder;
    const key = s.id !== undefined && !keyOfId.has(s.id) ? s.id : `#${s.index}`;
    if (s.id !== undefined && !keyOfId.has(s.id)) keyOfId.set(s.id, key);
    return person(f, key, facts.today, staleDays);
  });
  const edges: MapEdge[] = [];
  for (const f of facts.stakeholders) {
    const boss = f.stakeholder.reports_to !== undefined ? keyOfId.get(f.stakeholder.reports_to) : undefined;
    const me = people[facts.stakeholders.indexOf(f)].key;
    if (boss !== undefined && boss !== me) edges.push({ from: boss, to: me });
  }
  const placeholders = roleGroups(analysis, settings).filter((g) => g.gap).map((g) => ({ role: g.key as BuyingRole }));
  return { account: plan.account ?? plan.id, today: facts.today, staleDays, people, edges, placeholders };
}

function person(f: StakeholderFacts, key: string, today: string, staleDays: number): MapPerson {
  const s = f.stakeholder;
  const days = f.lastContact !== undefined ? daysBetween(f.lastContact, today) : undefined;
  return {
    index: s.index,
    key,
    id: s.id,
    name: s.name ?? s.id ?? `#${s.index}`,
    title: s.title,
    department: s.department,
    attitude: f.attitude,
    letter: f.attitude ? attitudeLetter(f.attitude) : undefined,
    roles: [...(s.roles ?? [])],
    layer: s.layer,
    influence: s.influence,
    freshness: freshness(days, staleDays),
    lastContact: f.lastContact,
    daysSinceContact: days,
    trend: trendOf(f),
    gone: f.gone,
    left: s.left,
    needs: { company: [...(s.needs?.company ?? [])], personal: [...(s.needs?.personal ?? [])] },
    notes: s.notes,
    history: f.history.map((h) => ({ date: h.date, attitude: h.attitude })),
    grid: s.grid,
    target: s.target,
  };
}

export function freshness(daysSinceContact: number | undefined, staleDays: number): Freshness {
  if (daysSinceContact === undefined) return 'never';
  if (daysSinceContact <= staleDays / 2) return 'fresh';
  return daysSinceContact <= staleDays ? 'ageing' : 'stale';
}
