import { daysBetween, quarterOf } from '../model/dates';
import type { OpportunityFacts, PlanFacts } from '../model/plan-analysis';
import { stageOrder, type ForecastCategory, type Stage } from '../model/selling-method';
import { matchItems, type ItemPair } from './match-items';

export type Direction = 'up' | 'down';
/** Open (stage G–A), won (S), lost, or unknown (no readable stage). */
export type DealStatus = 'open' | 'won' | 'lost' | 'unknown';

/** An opportunity on one side, with the engine's derived values. */
export interface OpportunitySnapshot {
  readonly id?: string;
  readonly name?: string;
  readonly stage?: Stage;
  readonly status: DealStatus;
  readonly amount?: number;
  readonly currency: string;
  readonly close?: string;
  /** Effective probability: the `probability` override, else the stage's. */
  readonly probability: number;
  /** Effective forecast category (open deals): the `forecast` override, else the stage's. */
  readonly category?: ForecastCategory;
  /** amount × probability / 100, as `OpportunityFacts.weighted`. */
  readonly weighted?: number;
  /** The customer's buying step (1–8): `procurement_step`, else the stage's. */
  readonly customerStep?: number;
}

export type OpportunityEvent =
  | { readonly kind: 'added' }
  | { readonly kind: 'removed' }
  | { readonly kind: 'won'; readonly from?: Stage }
  | { readonly kind: 'lost'; readonly from?: Stage }
  | { readonly kind: 'reopened'; readonly from: 'S' | 'lost'; readonly to: Stage }
  /** A move between stages that is not a win, a loss or a reopening; `up` is towards A. */
  | {
    readonly kind: 'stage'; readonly from?: Stage; readonly to?: Stage; readonly direction?: Direction;
    readonly customerStep: { readonly from?: number; readonly to?: number };
  }
  /**
   * `days` > 0: pushed out, < 0: pulled in. `leftQuarter`/`enteredQuarter`: the close date left or
   * entered the change set's quarter.
   */
  | {
    readonly kind: 'close'; readonly from?: string; readonly to?: string; readonly days?: number;
    readonly direction?: 'pulled-in' | 'pushed-out';
    readonly quarter: { readonly from?: string; readonly to?: string };
    readonly leftQuarter: boolean; readonly enteredQuarter: boolean;
  }
  | { readonly kind: 'amount'; readonly from?: number; readonly to?: number; readonly currency: string; readonly direction?: Direction }
  | { readonly kind: 'currency'; readonly from: string; readonly to: string }
  /** The `forecast` override changed; `category` is the effective category on each side. */
  | {
    readonly kind: 'forecast'; readonly from?: ForecastCategory; readonly to?: ForecastCategory;
    readonly category: { readonly from?: ForecastCategory; readonly to?: ForecastCategory };
  }
  /** The `probability` override changed; `effective` is the probability used on each side. */
  | {
    readonly kind: 'probability'; readonly from?: number; readonly to?: number; readonly direction?: Direction;
    readonly effective: { readonly from: number; readonly to: number };
  };

export interface OpportunityDiff {
  /** The opportunity's id, else its name, else `#` and its position. */
  readonly key: string;
  readonly before?: OpportunitySnapshot;
  readonly after?: OpportunitySnapshot;
  readonly events: readonly OpportunityEvent[];
}

/** Opportunities paired by id (then name, then position), each with facts from its side. */
export function pairOpportunities(before: PlanFacts | undefined, after: PlanFacts | undefined): ItemPair<OpportunityFacts>[] {
  return matchItems(before?.opportunities ?? [], after?.opportunities ?? [], (f) => f.opportunity);
}

export function snapshot(f: OpportunityFacts): OpportunitySnapshot {
  const o = f.opportunity;
  return {
    id: o.id, name: o.name, stage: f.stage, status: statusOf(f), amount: o.amount, currency: f.currency, close: o.close,
    probability: f.probability, category: f.category, weighted: f.weighted, customerStep: f.customerStep,
  };
}

export const statusOf = (f: OpportunityFacts): DealStatus =>
  f.open ? 'open' : f.won ? 'won' : f.stage === 'lost' ? 'lost' : 'unknown';

/** What changed on one opportunity; an empty list when nothing this model follows did. */
export function opportunityEvents(pair: ItemPair<OpportunityFacts>, quarter: string): OpportunityEvent[] {
  const { before: b, after: a } = pair;
  if (!b && a) return [{ kind: 'added' }];
  if (b && !a) return [{ kind: 'removed' }];
  if (!b || !a) return [];
  return [...statusEvents(b, a), ...closeEvents(b, a, quarter), ...valueEvents(b, a)];
}

function statusEvents(b: OpportunityFacts, a: OpportunityFacts): OpportunityEvent[] {
  const from = statusOf(b);
  const to = statusOf(a);
  if (to === 'won' && from !== 'won') return [{ kind: 'won', from: b.stage }];
  if (to === 'lost' && from !== 'lost') return [{ kind: 'lost', from: b.stage }];
  if (to === 'open' && (b.stage === 'S' || b.stage === 'lost')) return [{ kind: 'reopened', from: b.stage, to: a.stage! }];
  if (b.stage === a.stage && b.customerStep === a.customerStep) return [];
  const direction = b.stage && a.stage && b.stage !== a.stage ? (stageOrder(a.stage) > stageOrder(b.stage) ? 'up' : 'down') : undefined;
  return [{ kind: 'stage', from: b.stage, to: a.stage, direction, customerStep: { from: b.customerStep, to: a.customerStep } }];
}

function closeEvents(b: OpportunityFacts, a: OpportunityFacts, quarter: string): OpportunityEvent[] {
  const from = b.opportunity.close;
  const to = a.opportunity.close;
  if (from === to) return [];
  const days = from && to ? daysBetween(from, to) : undefined;
  const qFrom = from ? quarterOf(from) : undefined;
  const qTo = to ? quarterOf(to) : undefined;
  return [{
    kind: 'close', from, to, days,
    direction: days === undefined ? undefined : days > 0 ? 'pushed-out' : 'pulled-in',
    quarter: { from: qFrom, to: qTo },
    leftQuarter: qFrom === quarter && qTo !== quarter,
    enteredQuarter: qFrom !== quarter && qTo === quarter,
  }];
}

function valueEvents(b: OpportunityFacts, a: OpportunityFacts): OpportunityEvent[] {
  const events: OpportunityEvent[] = [];
  const ob = b.opportunity;
  const oa = a.opportunity;
  if (ob.amount !== oa.amount) {
    events.push({ kind: 'amount', from: ob.amount, to: oa.amount, currency: a.currency, direction: compare(ob.amount, oa.amount) });
  }
  if (b.currency !== a.currency) events.push({ kind: 'currency', from: b.currency, to: a.currency });
  if (ob.forecast !== oa.forecast) events.push({ kind: 'forecast', from: ob.forecast, to: oa.forecast, category: { from: b.category, to: a.category } });
  if (ob.probability !== oa.probability) {
    events.push({
      kind: 'probability', from: ob.probability, to: oa.probability, direction: compare(ob.probability, oa.probability),
      effective: { from: b.probability, to: a.probability },
    });
  }
  return events;
}

const compare = (from: number | undefined, to: number | undefined): Direction | undefined =>
  from === undefined || to === undefined || from === to ? undefined : to > from ? 'up' : 'down';

export function opportunityDiffs(pairs: readonly ItemPair<OpportunityFacts>[], quarter: string): OpportunityDiff[] {
  const diffs: OpportunityDiff[] = [];
  for (const pair of pairs) {
    const events = opportunityEvents(pair, quarter);
    if (events.length === 0) continue;
    diffs.push({ key: pair.key, before: pair.before && snapshot(pair.before), after: pair.after && snapshot(pair.after), events });
  }
  return diffs;
}
