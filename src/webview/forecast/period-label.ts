import type { ForecastLabels } from './protocol';

/** A quarter column's name: `2026-Q4`, or the words for deals without a close date and for overdue ones. */
export const periodLabel = (period: string, l: ForecastLabels): string => (period === 'none' ? l.noClose : period === 'overdue' ? l.overdue : period);
