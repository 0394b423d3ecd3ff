import { formatAmount, type ForecastReport, type Money } from '../../core/index';

/** A table both forecast views print: text aligns it with spaces, markdown with pipes. */
export interface Table {
  readonly title: string;
  readonly headers: readonly string[];
  /** Numbers align right. */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
  /** Shown instead of an empty table. */
  readonly empty?: string;
}

export interface ForecastSummary {
  readonly title: string;
  readonly tables: readonly Table[];
}

/** Whole units with thousands separators, the same on every machine (the JSON keeps the decimals). */
const formatNumber = (n: number): string => formatAmount(n, 'en-US');

const MONEY_HEADERS = ['Currency', 'Amount', 'Weighted'];

/**
 * One row per currency: the group's label and count on the first, blank below, so a pipeline in
 * several currencies stays readable without converting between them.
 */
function moneyRows(lead: readonly string[], amount: Money, weighted?: Money): string[][] {
  const currencies = [...new Set([...Object.keys(amount), ...Object.keys(weighted ?? {})])].sort();
  if (currencies.length === 0) return [[...lead, '', '', '']];
  return currencies.map((c, i) => [
    ...(i === 0 ? lead : lead.map(() => '')),
    c,
    c in amount ? formatNumber(amount[c]) : '',
    weighted && c in weighted ? formatNumber(weighted[c]) : '',
  ]);
}

export function forecastTables(report: ForecastReport, planCount: number): ForecastSummary {
  const open = report.byStage.reduce((n, s) => n + s.count, 0);
  const plans = `${planCount} plan${planCount === 1 ? '' : 's'}`;
  const title = `Forecast: ${open} open and ${report.won.count} won ${report.won.count + open === 1 ? 'opportunity' : 'opportunities'} in ${plans}`;
  return {
    title,
    tables: [
      {
        title: 'By stage',
        headers: ['Stage', 'Probability', 'Count', ...MONEY_HEADERS],
        numeric: [false, true, true, false, true, true],
        rows: report.byStage.flatMap((s) => moneyRows([s.stage, `${s.probability}%`, String(s.count)], s.amount, s.weighted)),
      },
      {
        title: 'By forecast category',
        headers: ['Category', 'Count', ...MONEY_HEADERS],
        numeric: [false, true, false, true, true],
        rows: report.byCategory.flatMap((c) => moneyRows([c.category, String(c.count)], c.amount, c.weighted)),
      },
      {
        title: 'By close quarter (open, not omitted)',
        headers: ['Quarter', 'Count', ...MONEY_HEADERS],
        numeric: [false, true, false, true, true],
        rows: report.byPeriod.flatMap((p) =>
          moneyRows([p.period === 'none' ? 'no close date' : p.period, String(p.count)], p.amount, p.weighted)),
        empty: 'No open opportunities.',
      },
      {
        title: 'Totals',
        headers: ['', 'Count', ...MONEY_HEADERS],
        numeric: [false, true, false, true, true],
        rows: [
          ...moneyRows(['open, not omitted', String(report.total.count)], report.total.amount, report.total.weighted),
          ...moneyRows(['won (stage S)', String(report.won.count)], report.won.amount),
        ],
      },
    ],
  };
}
