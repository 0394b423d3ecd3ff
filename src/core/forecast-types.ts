import type { ForecastCategory, OpenStage } from './method';

/** Currency code → sum, e.g. `{ "CNY": 1200000 }`. */
export type Money = Record<string, number>;

/** The `account-plans forecast --format json` shape of the spec, field for field. */
export interface ForecastReport {
  readonly byStage: readonly { stage: OpenStage; probability: number; count: number; amount: Money; weighted: Money }[];
  readonly byCategory: readonly { category: ForecastCategory; count: number; amount: Money; weighted: Money }[];
  readonly byPeriod: readonly { period: string; count: number; amount: Money; weighted: Money }[];
  readonly total: { count: number; amount: Money; weighted: Money };
  readonly won: { count: number; amount: Money };
}
