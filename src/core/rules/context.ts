import type { PlanFacts, StakeholderFacts } from '../model/plan-analysis';
import type { MessageKey } from '../i18n/catalogue';
import type { Plan } from '../model/plan';
import type { Draft } from '../parse/parse-plan';
import type { Locator, PathKey } from '../parse/locator';
import type { Settings } from '../model/settings';
import type { RuleCode } from '../model/finding';

export interface RuleContext {
  readonly plan: Plan;
  readonly facts: PlanFacts;
  readonly settings: Settings;
  readonly loc: Locator;
  /** Stakeholders who have not left: the only ones AP010–AP032 count. */
  readonly active: readonly StakeholderFacts[];
  /** Ids of active stakeholders. */
  readonly activeIds: ReadonlySet<string>;
  report(code: RuleCode, key: MessageKey, at: readonly [number, number], params?: Draft['params'], data?: Draft['data']): void;
}

export type Rule = (ctx: RuleContext) => void;

/** Where a finding about something missing goes: the first key that exists, else the file's first line. */
export function keyOrAccount(ctx: RuleContext, key: PathKey): readonly [number, number] {
  return ctx.loc.key([key]) ?? ctx.loc.key(['account']) ?? ctx.loc.firstKeyOf([]) ?? [0, 3];
}

/** The node that holds a stakeholder's current attitude: its `attitude`, or the visit entry it came from. */
export function attitudeAt(ctx: RuleContext, s: StakeholderFacts): readonly [number, number] {
  const i = s.stakeholder.index;
  const from = s.attitudeFrom;
  const at = from === 'field' || from === undefined
    ? ctx.loc.value(['stakeholders', i, 'attitude'])
    : ctx.loc.value(['visits', from.visitIndex, 'attitudes', s.stakeholder.id ?? '']);
  return at ?? stakeholderAt(ctx, s);
}

export function stakeholderAt(ctx: RuleContext, s: StakeholderFacts): readonly [number, number] {
  const i = s.stakeholder.index;
  return ctx.loc.value(['stakeholders', i, 'id']) ?? ctx.loc.firstKeyOf(['stakeholders', i]) ?? [0, 3];
}

export const nameOf = (s: StakeholderFacts): string => s.stakeholder.name ?? s.stakeholder.id ?? `#${s.stakeholder.index + 1}`;

/** Past visits dated from today − days to today, inclusive. */
export function visitsWithin(ctx: RuleContext, days: number) {
  const from = shiftDays(ctx.facts.today, -days);
  return ctx.facts.pastVisits.filter((v) => v.date !== undefined && v.date >= from);
}

/** The last few shifts asked for: every plan of a run has the same today and the same windows. */
const shifted = new Map<string, string>();
function shiftDays(iso: string, days: number): string {
  const key = `${iso}|${days}`;
  let day = shifted.get(key);
  if (day === undefined) {
    const [y, m, d] = iso.split('-').map(Number);
    day = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    if (shifted.size >= 16) shifted.clear();
    shifted.set(key, day);
  }
  return day;
}
