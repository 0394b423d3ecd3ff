import type { PlanAnalysis } from '../model/plan-analysis';
import { addMoney, type Money } from '../model/money';
import { FORECAST_CATEGORIES, OPEN_STAGES, STAGE_INFO, type ForecastCategory, type OpenStage } from '../model/selling-method';
import { addDeal, byQuarter, countsInTotal, emptySums, quarterKey, type Sums } from './pipeline-rollup';

/** The `account-plans forecast --format json` shape of the spec, field for field. */
export interface ForecastReport {
  readonly byStage: readonly { stage: OpenStage; probability: number; count: number; amount: Money; weighted: Money }[];
  readonly byCategory: readonly { category: ForecastCategory; count: number; amount: Money; weighted: Money }[];
  readonly byPeriod: readonly { period: string; count: number; amount: Money; weighted: Money }[];
  readonly total: { count: number; amount: Money; weighted: Money };
  readonly won: { count: number; amount: Money };
}

/**
 * The forecast rollup of the command-line contract, over every plan whose frontmatter parsed:
 * `byStage` and `byCategory` count every open deal, `byPeriod` and `total` the open ones that are
 * not `omitted`, `won` those at S.
 */
export function forecast(analyses: Iterable<PlanAnalysis>): ForecastReport {
  const stages = new Map(OPEN_STAGES.map((s) => [s, emptySums()]));
  const categories = new Map(FORECAST_CATEGORIES.map((c) => [c, emptySums()]));
  const periods = new Map<string, Sums>();
  const total = emptySums();
  const won = { count: 0, amount: {} as Money };
  for (const a of analyses) {
    for (const o of a.facts?.opportunities ?? []) {
      if (o.won) {
        won.count++;
        if (o.opportunity.amount !== undefined) addMoney(won.amount, o.currency, o.opportunity.amount);
      }
      if (!o.open || !o.category) continue;
      addDeal(stages.get(o.stage as OpenStage)!, o);
      addDeal(categories.get(o.category)!, o);
      if (!countsInTotal(o)) continue;
      addDeal(total, o);
      const period = quarterKey(o.opportunity.close);
      if (!periods.has(period)) periods.set(period, emptySums());
      addDeal(periods.get(period)!, o);
    }
  }
  return {
    byStage: OPEN_STAGES.map((stage) => ({ stage, probability: STAGE_INFO[stage].probability, ...stages.get(stage)! })),
    byCategory: FORECAST_CATEGORIES.map((category) => ({ category, ...categories.get(category)! })),
    byPeriod: [...periods.keys()].sort(byQuarter).map((period) => ({ period, ...periods.get(period)! })),
    total,
    won,
  };
}
