import type { PlanAnalysis } from '../model/plan-analysis';
import { quarterOf } from '../model/dates';
import { denoise } from '../model/derive-facts';
import type { Money } from '../model/money';
import { FORECAST_CATEGORIES, OPEN_STAGES, STAGE_INFO, type ForecastCategory, type OpenStage } from '../model/selling-method';

/** The `account-plans forecast --format json` shape of the spec, field for field. */
export interface ForecastReport {
  readonly byStage: readonly { stage: OpenStage; probability: number; count: number; amount: Money; weighted: Money }[];
  readonly byCategory: readonly { category: ForecastCategory; count: number; amount: Money; weighted: Money }[];
  readonly byPeriod: readonly { period: string; count: number; amount: Money; weighted: Money }[];
  readonly total: { count: number; amount: Money; weighted: Money };
  readonly won: { count: number; amount: Money };
}

interface Bucket { count: number; amount: Money; weighted: Money }
const bucket = (): Bucket => ({ count: 0, amount: {}, weighted: {} });
const add = (m: Money, currency: string, v: number) => { m[currency] = round((m[currency] ?? 0) + v); };
const round = denoise;

/** The forecast rollup of the command-line contract, over every plan whose frontmatter parsed. */
export function forecast(analyses: Iterable<PlanAnalysis>): ForecastReport {
  const stages = new Map(OPEN_STAGES.map((s) => [s, bucket()]));
  const categories = new Map(FORECAST_CATEGORIES.map((c) => [c, bucket()]));
  const periods = new Map<string, Bucket>();
  const total = bucket();
  const won = { count: 0, amount: {} as Money };
  const put = (b: Bucket, currency: string, amount?: number, weighted?: number) => {
    b.count++;
    if (amount !== undefined) add(b.amount, currency, amount);
    if (weighted !== undefined) add(b.weighted, currency, weighted);
  };
  for (const a of analyses) {
    for (const o of a.facts?.opportunities ?? []) {
      const amount = o.opportunity.amount;
      if (o.won) {
        won.count++;
        if (amount !== undefined) add(won.amount, o.currency, amount);
      }
      if (!o.open || !o.stage || !o.category) continue;
      put(stages.get(o.stage as (typeof OPEN_STAGES)[number])!, o.currency, amount, o.weighted);
      put(categories.get(o.category)!, o.currency, amount, o.weighted);
      if (o.category === 'omitted') continue;
      put(total, o.currency, amount, o.weighted);
      const period = o.opportunity.close ? quarterOf(o.opportunity.close) : 'none';
      if (!periods.has(period)) periods.set(period, bucket());
      put(periods.get(period)!, o.currency, amount, o.weighted);
    }
  }
  const periodOrder = [...periods.keys()].sort((x, y) => (x === 'none' ? 1 : y === 'none' ? -1 : x < y ? -1 : x > y ? 1 : 0));
  return {
    byStage: OPEN_STAGES.map((stage) => ({ stage, probability: STAGE_INFO[stage].probability, ...stages.get(stage)! })),
    byCategory: FORECAST_CATEGORIES.map((category) => ({ category, ...categories.get(category)! })),
    byPeriod: periodOrder.map((period) => ({ period, ...periods.get(period)! })),
    total,
    won,
  };
}
