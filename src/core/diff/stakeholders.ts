import type { PlanFacts, StakeholderFacts } from '../model/plan-analysis';
import type { Grid, Plan } from '../model/plan';
import { GRID_COMPANY, INFLUENCES, attitudeRank, type Attitude, type BuyingRole } from '../model/selling-method';
import type { Settings } from '../model/settings';
import { matchItems, type ItemPair } from './match-items';

/** A visit by its position in the file and its date. */
export interface VisitRef { readonly index: number; readonly date?: string }

export interface PersonSnapshot {
  readonly id?: string;
  readonly name?: string;
  readonly roles: readonly BuyingRole[];
  /** Current attitude (`attitude`, else the latest recorded at a past visit). */
  readonly attitude?: Attitude;
  readonly influence?: 'high' | 'medium' | 'low';
  readonly grid?: Grid;
  readonly left?: string;
  /** `left` is on or before the day of the check. */
  readonly gone: boolean;
}

export type StakeholderEvent =
  | { readonly kind: 'added' }
  | { readonly kind: 'removed' }
  /** `left` set, changed or cleared; `gone`: the person has left by the day of the check. */
  | { readonly kind: 'left'; readonly from?: string; readonly to?: string; readonly gone: boolean }
  /** `better` is towards A+; `recordedAt`: the visit the new attitude was taken from, if it came from one. */
  | {
    readonly kind: 'attitude'; readonly from?: Attitude; readonly to?: Attitude;
    readonly direction?: 'better' | 'worse'; readonly recordedAt?: VisitRef;
  }
  /** Steps on each axis of the 25-grid: personal 1→5 and company E→A count up. */
  | { readonly kind: 'grid'; readonly from?: Grid; readonly to?: Grid; readonly personal?: number; readonly company?: number }
  | { readonly kind: 'influence'; readonly from?: string; readonly to?: string; readonly direction?: 'up' | 'down' }
  | { readonly kind: 'roles'; readonly added: readonly BuyingRole[]; readonly removed: readonly BuyingRole[] };

export interface StakeholderDiff {
  /** The stakeholder's id, else name, else `#` and position. */
  readonly key: string;
  readonly before?: PersonSnapshot;
  readonly after?: PersonSnapshot;
  readonly events: readonly StakeholderEvent[];
}

/** Why a person no longer covers a role. */
export type CoverageLoss = 'left' | 'removed' | 'role-dropped';

/** A required role (settings.requiredRoles) that became covered or uncovered by people still there. */
export interface CoverageChange {
  readonly role: BuyingRole;
  readonly change: 'gained' | 'lost';
  /** Gained: who holds it now. Lost: who held it, each with why they no longer count. */
  readonly people: readonly { readonly key: string; readonly name?: string; readonly reason?: CoverageLoss }[];
}

/** The people of both sides, paired as a reader would (see `matchItems`). */
export function pairPeople(before: PlanFacts | undefined, after: PlanFacts | undefined): ItemPair<StakeholderFacts>[] {
  // The stakeholder itself carries index, id and name: the facts are paired as they are.
  return matchItems(before?.stakeholders ?? [], after?.stakeholders ?? [], (f) => f.stakeholder);
}

const snapshot = (f: StakeholderFacts): PersonSnapshot => {
  const s = f.stakeholder;
  return { id: s.id, name: s.name, roles: s.roles ?? [], attitude: f.attitude, influence: s.influence, grid: s.grid, left: s.left, gone: f.gone };
};

export function stakeholderDiffs(pairs: readonly ItemPair<StakeholderFacts>[], afterPlan: Plan | undefined): StakeholderDiff[] {
  const diffs: StakeholderDiff[] = [];
  for (const { key, before: b, after: a } of pairs) {
    const events: StakeholderEvent[] = !b ? [{ kind: 'added' }] : !a ? [{ kind: 'removed' }] : personEvents(b, a, afterPlan);
    if (events.length) diffs.push({ key, before: b && snapshot(b), after: a && snapshot(a), events });
  }
  return diffs;
}

function personEvents(b: StakeholderFacts, a: StakeholderFacts, afterPlan: Plan | undefined): StakeholderEvent[] {
  const events: StakeholderEvent[] = [];
  const sb = b.stakeholder;
  const sa = a.stakeholder;
  if (sb.left !== sa.left) events.push({ kind: 'left', from: sb.left, to: sa.left, gone: a.gone });
  if (b.attitude !== a.attitude) {
    const from = a.attitudeFrom;
    const visit = from && from !== 'field' ? afterPlan?.visits.find((v) => v.index === from.visitIndex) : undefined;
    events.push({
      kind: 'attitude', from: b.attitude, to: a.attitude,
      direction: b.attitude && a.attitude ? (attitudeRank(a.attitude) < attitudeRank(b.attitude) ? 'better' : 'worse') : undefined,
      recordedAt: visit ? { index: visit.index, date: visit.date } : undefined,
    });
  }
  if (!sameGrid(sb.grid, sa.grid)) {
    events.push({
      kind: 'grid', from: sb.grid, to: sa.grid,
      personal: sb.grid && sa.grid ? sa.grid.personal - sb.grid.personal : undefined,
      company: sb.grid && sa.grid ? companyDepth(sa.grid) - companyDepth(sb.grid) : undefined,
    });
  }
  if (sb.influence !== sa.influence) {
    const rank = (i: string) => INFLUENCES.indexOf(i as (typeof INFLUENCES)[number]);
    events.push({
      kind: 'influence', from: sb.influence, to: sa.influence,
      direction: sb.influence && sa.influence ? (rank(sa.influence) < rank(sb.influence) ? 'up' : 'down') : undefined,
    });
  }
  const rb = sb.roles ?? [];
  const ra = sa.roles ?? [];
  const added = ra.filter((r) => !rb.includes(r));
  const removed = rb.filter((r) => !ra.includes(r));
  if (added.length || removed.length) events.push({ kind: 'roles', added, removed });
  return events;
}

const sameGrid = (x: Grid | undefined, y: Grid | undefined) => x?.personal === y?.personal && x?.company === y?.company;
const companyDepth = (g: Grid) => GRID_COMPANY.indexOf(g.company as (typeof GRID_COMPANY)[number]);

/** Coverage of each required role by people who have not left, before and after. */
export function coverageChanges(pairs: readonly ItemPair<StakeholderFacts>[], settings: Settings): CoverageChange[] {
  const holds = (f: StakeholderFacts | undefined, role: BuyingRole) => !!f && !f.gone && !!f.stakeholder.roles?.includes(role);
  const changes: CoverageChange[] = [];
  for (const role of settings.requiredRoles) {
    const had = pairs.filter((p) => holds(p.before, role));
    const has = pairs.filter((p) => holds(p.after, role));
    if (had.length === 0 && has.length > 0) {
      changes.push({ role, change: 'gained', people: has.map((p) => ({ key: p.key, name: p.after!.stakeholder.name })) });
    } else if (had.length > 0 && has.length === 0) {
      changes.push({ role, change: 'lost', people: had.map((p) => ({ key: p.key, name: p.before!.stakeholder.name, reason: lossOf(p) })) });
    }
  }
  return changes;
}

function lossOf(p: ItemPair<StakeholderFacts>): CoverageLoss {
  if (!p.after) return 'removed';
  return p.after.gone ? 'left' : 'role-dropped';
}
