import type { PlanAnalysis } from '../model/plan-analysis';
import type { Money } from '../model/money';
import { FORECAST_CATEGORIES, OPEN_STAGES, STAGE_INFO, type ForecastCategory, type OpenStage } from '../model/selling-method';
import { byQuarter, countsInTotal, DealSums, quarterKey } from './pipeline-rollup';

/** The `account-plans forecast --format json` shape of docs/format.md (the forecast rollup), field for field. */
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
  const stages = new Map(OPEN_STAGES.map((s) => [s, new DealSums()]));
  const categories = new Map(FORECAST_CATEGORIES.map((c) => [c, new DealSums()]));
  const periods = new Map<string, DealSums>();
  const total = new DealSums();
  const won = new DealSums();
  for (const a of analyses) {
    for (const o of a.facts?.opportunities ?? []) {
      if (o.won) won.add(o);
      if (!o.open || !o.category) continue;
      stages.get(o.stage as OpenStage)!.add(o);
      categories.get(o.category)!.add(o);
      if (!countsInTotal(o)) continue;
      total.add(o);
      const period = quarterKey(o.opportunity.close);
      if (!periods.has(period)) periods.set(period, new DealSums());
      periods.get(period)!.add(o);
    }
  }
  const { count, amount } = won.value;
  return {
    byStage: OPEN_STAGES.map((stage) => ({ stage, probability: STAGE_INFO[stage].probability, ...stages.get(stage)!.value })),
    byCategory: FORECAST_CATEGORIES.map((category) => ({ category, ...categories.get(category)!.value })),
    byPeriod: [...periods.keys()].sort(byQuarter).map((period) => ({ period, ...periods.get(period)!.value })),
    total: total.value,
    won: { count, amount },
  };
}
