import { quarterOf } from '../model/dates';
import type { OpportunityFacts } from '../model/plan-analysis';
import type { ForecastCategory } from '../model/selling-method';
import type { ItemPair } from './match-items';
import { statusOf } from './opportunities';

/**
 * The steps from the pipeline before to the pipeline after, in the order a report shows them.
 * Each holds a magnitude (≥ 0); `WATERFALL_SIGN` says whether it adds or takes away.
 */
export const WATERFALL_STEPS = [
  'new', 'reopened', 'increased', 'decreased', 'won', 'lost', 'removed', 'pushedOut', 'pulledIn', 'movedOut', 'movedIn',
] as const;
export type WaterfallStep = (typeof WATERFALL_STEPS)[number];
export const WATERFALL_SIGN: Record<WaterfallStep, 1 | -1> = {
  new: 1, reopened: 1, increased: 1, decreased: -1, won: -1, lost: -1, removed: -1, pushedOut: -1, pulledIn: 1, movedOut: -1, movedIn: 1,
};

/** One currency and forecast category: before + Σ sign × step = after, exactly (to the millionth). */
export interface WaterfallBucket {
  readonly currency: string;
  readonly category: ForecastCategory;
  readonly before: number;
  readonly steps: Readonly<Record<WaterfallStep, number>>;
  readonly after: number;
}

/** One deal's part in one step of one bucket (a deal that changes bucket has two). */
export interface WaterfallMove {
  readonly account: string;
  readonly opportunity: string;
  readonly currency: string;
  readonly category: ForecastCategory;
  readonly step: WaterfallStep;
  /** The magnitude, ≥ 0. */
  readonly amount: number;
}

/** The quarter's open weighted pipeline per currency and forecast category, and each deal's part in it. */
export interface Waterfall {
  readonly buckets: readonly WaterfallBucket[];
  readonly moves: readonly WaterfallMove[];
}

/** Where a deal counts in the quarter's pipeline, if it does. */
/** A weighted amount in micro-units of its currency, in one bucket. */
export interface Slot { readonly currency: string; readonly category: ForecastCategory; readonly micros: bigint }

/** A deal pair with the account it belongs to; a side is absent when the deal (or its readable plan) is. */
export interface DealPair extends ItemPair<OpportunityFacts> { readonly account: string }

/**
 * In the quarter's pipeline: open, with an amount (so a weighted amount) and a close date in the quarter.
 * Sums are kept in integer millionths: the weighted amounts are already rounded to them, so the
 * sums are exact and the identity holds with no float noise.
 */
function slotOf(f: OpportunityFacts | undefined, quarter: string): Slot | undefined {
  if (!f || !f.open || f.weighted === undefined || !f.category) return undefined;
  const close = f.opportunity.close;
  if (!close || quarterOf(close) !== quarter) return undefined;
  return { currency: f.currency, category: f.category, micros: BigInt(Math.round(f.weighted * 1e6)) };
}

/**
 * The steps one deal takes, by the first rule that applies (the attribution order):
 * 1. the deal (or its plan) appeared or went: new / removed;
 * 2. its status changed: won, lost (its weighted amount before), reopened (after); a stage that
 *    became unreadable counts as removed, one that became readable as new;
 * 3. its close date crossed the quarter's edge: pushed out (before) / pulled in (after);
 * 4. it changed currency or category: moved out of the old bucket (before), into the new (after);
 * 5. otherwise the weighted amount changed (amount, stage, probability): increased / decreased by
 *    the difference; an amount removed or added counts whole.
 */
function stepsOf(p: DealPair, quarter: string): { step: WaterfallStep; slot: Slot }[] {
  const b = slotOf(p.before, quarter);
  const a = slotOf(p.after, quarter);
  if (!b && !a) return [];
  if (!p.before) return [{ step: 'new', slot: a! }];
  if (!p.after) return [{ step: 'removed', slot: b! }];
  const from = statusOf(p.before);
  const to = statusOf(p.after);
  if (from === 'open' && to !== 'open') return [{ step: to === 'won' ? 'won' : to === 'lost' ? 'lost' : 'removed', slot: b! }];
  if (from !== 'open' && to === 'open') return [{ step: from === 'unknown' ? 'new' : 'reopened', slot: a! }];
  const inQuarter = (f: OpportunityFacts) => f.opportunity.close !== undefined && quarterOf(f.opportunity.close) === quarter;
  if (b && !a) return [{ step: inQuarter(p.after) ? 'decreased' : 'pushedOut', slot: b }];
  if (a && !b) return [{ step: inQuarter(p.before) ? 'increased' : 'pulledIn', slot: a }];
  if (b!.currency !== a!.currency || b!.category !== a!.category) return [{ step: 'movedOut', slot: b! }, { step: 'movedIn', slot: a! }];
  const delta = a!.micros - b!.micros;
  if (delta === 0n) return [];
  return [{ step: delta > 0n ? 'increased' : 'decreased', slot: { ...a!, micros: delta > 0n ? delta : -delta } }];
}

/**
 * One deal's part in the waterfall: its weighted amount in the quarter on each side (where it
 * counts) and the steps it took. Small plain data, so a path diffed on a worker sends this back
 * instead of both sides' facts.
 */
export interface DealFlow {
  readonly account: string;
  readonly opportunity: string;
  readonly before?: Slot;
  readonly after?: Slot;
  readonly steps: readonly { readonly step: WaterfallStep; readonly slot: Slot }[];
}

/** Each deal's flow, in the order of `deals`. */
export function dealFlows(deals: Iterable<DealPair>, quarter: string): DealFlow[] {
  const flows: DealFlow[] = [];
  for (const deal of deals) {
    flows.push({ account: deal.account, opportunity: deal.key, before: slotOf(deal.before, quarter), after: slotOf(deal.after, quarter), steps: stepsOf(deal, quarter) });
  }
  return flows;
}

/** The waterfall of the flows: sums per currency and category (exact, in micro-units), and every move in the flows' order. */
export function sumFlows(flows: Iterable<DealFlow>): Waterfall {
  const buckets = new Map<string, { currency: string; category: ForecastCategory; before: bigint; after: bigint; steps: Map<WaterfallStep, bigint> }>();
  const bucket = (s: Slot) => {
    const key = `${s.currency}\u0000${s.category}`;
    let found = buckets.get(key);
    if (!found) buckets.set(key, (found = { currency: s.currency, category: s.category, before: 0n, after: 0n, steps: new Map() }));
    return found;
  };
  const moves: WaterfallMove[] = [];
  for (const flow of flows) {
    if (flow.before) bucket(flow.before).before += flow.before.micros;
    if (flow.after) bucket(flow.after).after += flow.after.micros;
    for (const { step, slot } of flow.steps) {
      const into = bucket(slot);
      into.steps.set(step, (into.steps.get(step) ?? 0n) + slot.micros);
      moves.push({ account: flow.account, opportunity: flow.opportunity, currency: slot.currency, category: slot.category, step, amount: toNumber(slot.micros) });
    }
  }
  const order = ['pipeline', 'best-case', 'commit', 'omitted'];
  return {
    buckets: [...buckets.values()]
      .sort((x, y) => (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : order.indexOf(x.category) - order.indexOf(y.category)))
      .map((x) => ({
        currency: x.currency,
        category: x.category,
        before: toNumber(x.before),
        steps: Object.fromEntries(WATERFALL_STEPS.map((s) => [s, toNumber(x.steps.get(s) ?? 0n)])) as Record<WaterfallStep, number>,
        after: toNumber(x.after),
      })),
    moves,
  };
}

const toNumber = (micros: bigint): number => Number(micros) / 1e6;
