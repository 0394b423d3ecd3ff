import { isOpenStage } from '../model/selling-method';
import type { Rule, RuleContext } from './context';

/** AP004: one finding per repeated id after the first. */
export const duplicateIds: Rule = (ctx) => {
  for (const [list, kind] of [['stakeholders', 'stakeholder'], ['opportunities', 'opportunity']] as const) {
    // The data says which ids repeat; only their places in the file are looked up.
    const count = new Map<string, number>();
    for (const item of ctx.plan[list]) if (item.id !== undefined) count.set(item.id, (count.get(item.id) ?? 0) + 1);
    const first = new Map<string, number>();
    for (const item of ctx.plan[list]) {
      if (item.id === undefined || count.get(item.id)! < 2) continue;
      const at = ctx.loc.value([list, item.index, 'id']);
      if (!at) continue;
      const seen = first.get(item.id);
      if (seen === undefined) first.set(item.id, at[0]);
      else ctx.report('AP004', 'duplicateId', at, { kind, id: item.id, line: ctx.loc.lineOf(seen) + 1 }, { id: item.id, kind });
    }
  }
};

/** AP005: every reference occurrence that names no stakeholder or opportunity. */
export const danglingReferences: Rule = (ctx) => {
  const people = new Set(ctx.plan.stakeholders.flatMap((s) => (s.id !== undefined ? [s.id] : [])));
  const deals = new Set(ctx.plan.opportunities.flatMap((o) => (o.id !== undefined ? [o.id] : [])));
  const person = (id: string, at: readonly [number, number] | undefined) => {
    if (at && !people.has(id)) ctx.report('AP005', 'noSuchStakeholder', at, { id }, { id, kind: 'stakeholder' });
  };
  // The data says whether a reference dangles; only then is its place in the file looked up.
  const dangles = (ids: readonly string[]) => ids.some((id) => !people.has(id));
  for (const s of ctx.plan.stakeholders) {
    if (s.reports_to !== undefined && !people.has(s.reports_to)) person(s.reports_to, ctx.loc.value(['stakeholders', s.index, 'reports_to']));
  }
  for (const v of ctx.plan.visits) {
    if (v.with && dangles(v.with)) {
      for (const item of ctx.loc.items(['visits', v.index, 'with'])) {
        if (typeof item.value === 'string' && v.with.includes(item.value)) person(item.value, item.at);
      }
    }
    if (v.opportunity !== undefined && !deals.has(v.opportunity)) {
      const at = ctx.loc.value(['visits', v.index, 'opportunity']);
      if (at) ctx.report('AP005', 'noSuchOpportunity', at, { id: v.opportunity }, { id: v.opportunity, kind: 'opportunity' });
    }
    if (v.attitudes) {
      // Every key in the file counts, even one whose attitude was invalid and left out of the data.
      for (const { name, at } of ctx.loc.keys(['visits', v.index, 'attitudes'])) person(name, at);
    }
  }
};

/** AP006: one finding per `reports_to` cycle, on the member that comes first in the file. */
export const reportingCycles: Rule = (ctx) => {
  const byId = new Map<string, number>();
  for (const s of ctx.plan.stakeholders) if (s.id !== undefined && !byId.has(s.id)) byId.set(s.id, s.index);
  const boss = new Map<number, number>();
  for (const s of ctx.plan.stakeholders) {
    const b = s.reports_to !== undefined ? byId.get(s.reports_to) : undefined;
    if (b !== undefined) boss.set(s.index, b);
  }
  const state = new Map<number, 'active' | 'done'>();
  for (const s of ctx.plan.stakeholders) {
    const trail: number[] = [];
    let cur: number | undefined = s.index;
    while (cur !== undefined && !state.has(cur)) {
      state.set(cur, 'active');
      trail.push(cur);
      cur = boss.get(cur);
    }
    if (cur !== undefined && state.get(cur) === 'active') {
      const cycle = trail.slice(trail.indexOf(cur));
      const first = Math.min(...cycle);
      const at = ctx.loc.value(['stakeholders', first, 'reports_to']);
      const ids = rotate(cycle, cycle.indexOf(first)).map((i) => ctx.plan.stakeholders.find((x) => x.index === i)?.id ?? `#${i}`);
      if (at) ctx.report('AP006', 'cycle', at, { path: [...ids, ids[0]].join(' → ') });
    }
    for (const i of trail) state.set(i, 'done');
  }
};

const rotate = <T>(a: T[], k: number): T[] => [...a.slice(k), ...a.slice(0, k)];

export const hasOpen = (ctx: RuleContext): boolean => ctx.facts.opportunities.some((o) => isOpenStage(o.stage));
