import type { OpportunityFacts } from '../model/plan-analysis';
import type { Plan, Visit } from '../model/plan';
import type { Attitude, Purpose } from '../model/selling-method';
import type { ItemPair } from './match-items';
import type { VisitRef } from './stakeholders';

export interface VisitSummary {
  readonly index: number;
  readonly date?: string;
  readonly purpose?: Purpose;
  /** Whom we met: stakeholder ids, with the name the plan gives them. */
  readonly with: readonly { readonly id: string; readonly name?: string }[];
  readonly by: readonly string[];
  readonly executive: boolean;
  readonly opportunity?: string;
  readonly attitudes: Readonly<Record<string, Attitude>>;
  /** Dated after the day of the check. */
  readonly planned: boolean;
}

export interface VisitChange { readonly kind: 'added' | 'removed'; readonly visit: VisitSummary }

/** A next step that appeared, or that went away ("done"): an opportunity's `next`, or a visit's. */
export interface NextStepChange {
  readonly kind: 'added' | 'done';
  readonly text: string;
  readonly opportunity?: string;
  readonly visit?: VisitRef;
}

/**
 * Visits have no id: the same visit has the same date, purpose, people and deal; what is left
 * pairs by date in file order (an edited visit is neither added nor removed).
 */
export function pairVisits(before: readonly Visit[], after: readonly Visit[]): VisitPair[] {
  const partner = new Map<Visit, Visit>();
  const taken = new Set<Visit>();
  for (const keyOf of [exactKey, (v: Visit) => v.date ?? '']) {
    // The second pass only when a visit is left on both sides (a visit log mostly grows).
    if (taken.size === before.length || partner.size === after.length) break;
    const pool = new Map<string, Visit[]>();
    for (const b of before) {
      if (taken.has(b)) continue;
      const k = keyOf(b);
      const list = pool.get(k);
      if (list) list.push(b);
      else pool.set(k, [b]);
    }
    for (const a of after) {
      if (partner.has(a)) continue;
      const list = pool.get(keyOf(a));
      if (!list?.length) continue;
      const b = list.shift()!;
      partner.set(a, b);
      taken.add(b);
    }
  }
  const pairs: VisitPair[] = after.map((a) => ({ before: partner.get(a), after: a }));
  for (const b of before) if (!taken.has(b)) pairs.push({ before: b });
  return pairs;
}

/** Date, purpose, people (in any order) and deal; NUL never occurs in a plan that parses, so it separates the parts. */
const exactKey = (v: Visit): string =>
  `${v.date ?? '\u0001'}\0${v.purpose ?? '\u0001'}\0${people(v.with)}\0${v.opportunity ?? '\u0001'}`;

/** The ids met, in code-unit order (as `sort()` orders strings); a list already in order is not copied. */
function people(ids: readonly string[] | undefined): string {
  if (!ids || ids.length === 0) return '';
  for (let i = 1; i < ids.length; i++) if (ids[i - 1] > ids[i]) return [...ids].sort().join('\0\0');
  return ids.join('\0\0');
}

export type VisitPair = { readonly before?: Visit; readonly after?: Visit };

export function visitChanges(pairs: readonly VisitPair[], before: Plan | undefined, after: Plan | undefined, today: string): VisitChange[] {
  const changes: VisitChange[] = [];
  for (const p of pairs) {
    if (p.after && !p.before) changes.push({ kind: 'added', visit: summary(p.after, after!, today) });
    if (p.before && !p.after) changes.push({ kind: 'removed', visit: summary(p.before, before!, today) });
  }
  return changes.sort((x, y) => ((x.visit.date ?? '') < (y.visit.date ?? '') ? -1 : (x.visit.date ?? '') > (y.visit.date ?? '') ? 1 : 0));
}

function summary(v: Visit, plan: Plan, today: string): VisitSummary {
  const names = new Map(plan.stakeholders.flatMap((s) => (s.id ? [[s.id, s.name] as const] : [])));
  return {
    index: v.index, date: v.date, purpose: v.purpose,
    with: (v.with ?? []).map((id) => ({ id, name: names.get(id) })),
    by: v.by ?? [], executive: v.executive === true, opportunity: v.opportunity, attitudes: v.attitudes ?? {},
    planned: v.date !== undefined && v.date > today,
  };
}

/**
 * Next steps: of a deal on both sides (or a new deal), and of a visit on both sides (or a new visit).
 * A step no longer written is "done"; the steps of a removed deal or visit are not listed.
 */
export function nextStepChanges(deals: readonly ItemPair<OpportunityFacts>[], visits: readonly VisitPair[]): NextStepChange[] {
  const changes: NextStepChange[] = [];
  for (const d of deals) {
    if (!d.after) continue;
    const { added, done } = compareSteps(stepsOf(d.before?.opportunity.next), stepsOf(d.after.opportunity.next));
    for (const text of done) changes.push({ kind: 'done', text, opportunity: d.key });
    for (const text of added) changes.push({ kind: 'added', text, opportunity: d.key });
  }
  for (const p of visits) {
    if (!p.after) continue;
    const { added, done } = compareSteps(stepsOf(p.before?.next), stepsOf(p.after.next));
    const visit = { index: p.after.index, date: p.after.date };
    for (const text of done) changes.push({ kind: 'done', text, visit });
    for (const text of added) changes.push({ kind: 'added', text, visit });
  }
  return changes;
}

const stepsOf = (next: string | readonly string[] | undefined): string[] =>
  (next === undefined ? [] : typeof next === 'string' ? [next] : [...next]).map((s) => s.trim()).filter((s) => s !== '');

function compareSteps(before: string[], after: string[]): { added: string[]; done: string[] } {
  const left = [...before];
  const added: string[] = [];
  for (const s of after) {
    const i = left.indexOf(s);
    if (i >= 0) left.splice(i, 1);
    else added.push(s);
  }
  return { added, done: left };
}
