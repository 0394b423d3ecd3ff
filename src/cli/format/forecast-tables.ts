import { formatAmount, formatMoney, type ForecastReport, type Money } from '../../core/index';

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

/**
 * How amounts are written: `code` puts the currency in a column of its own and the amount as a
 * bare number (terminals align them); `symbol` writes `CN¥100,000` in one cell (Markdown pages).
 */
export type MoneyStyle = 'code' | 'symbol';

const moneyHeaders = (style: MoneyStyle): string[] => (style === 'code' ? ['Currency', 'Amount', 'Weighted'] : ['Amount', 'Weighted']);
const moneyNumeric = (style: MoneyStyle): boolean[] => (style === 'code' ? [false, true, true] : [true, true]);

/**
 * One row per currency: the group's label and count on the first, blank below, so a pipeline in
 * several currencies stays readable without converting between them.
 */
function moneyRows(style: MoneyStyle, lead: readonly string[], amount: Money, weighted?: Money): string[][] {
  const currencies = [...new Set([...Object.keys(amount), ...Object.keys(weighted ?? {})])].sort();
  const cells = moneyHeaders(style).length;
  if (currencies.length === 0) return [[...lead, ...Array<string>(cells).fill('')]];
  const show = (m: Money | undefined, c: string) =>
    (m && c in m ? (style === 'code' ? formatNumber(m[c]) : formatMoney(m[c], c, 'en')) : '');
  return currencies.map((c, i) => [
    ...(i === 0 ? lead : lead.map(() => '')),
    ...(style === 'code' ? [c] : []),
    show(amount, c),
    show(weighted, c),
  ]);
}

export function forecastTables(report: ForecastReport, planCount: number, style: MoneyStyle = 'code'): ForecastSummary {
  const money = (lead: readonly string[], amount: Money, weighted?: Money) => moneyRows(style, lead, amount, weighted);
  const open = report.byStage.reduce((n, s) => n + s.count, 0);
  const plans = `${planCount} plan${planCount === 1 ? '' : 's'}`;
  const title = `Forecast: ${open} open and ${report.won.count} won ${report.won.count + open === 1 ? 'opportunity' : 'opportunities'} in ${plans}`;
  return {
    title,
    tables: [
      {
        title: 'By stage',
        headers: ['Stage', 'Probability', 'Count', ...moneyHeaders(style)],
        numeric: [false, true, true, ...moneyNumeric(style)],
        rows: report.byStage.flatMap((s) => money([s.stage, `${s.probability}%`, String(s.count)], s.amount, s.weighted)),
      },
      {
        title: 'By forecast category',
        headers: ['Category', 'Count', ...moneyHeaders(style)],
        numeric: [false, true, ...moneyNumeric(style)],
        rows: report.byCategory.flatMap((c) => money([c.category, String(c.count)], c.amount, c.weighted)),
      },
      {
        title: 'By close quarter (open, not omitted)',
        headers: ['Quarter', 'Count', ...moneyHeaders(style)],
        numeric: [false, true, ...moneyNumeric(style)],
        rows: report.byPeriod.flatMap((p) =>
          money([p.period === 'none' ? 'no close date' : p.period, String(p.count)], p.amount, p.weighted)),
        empty: 'No open opportunities.',
      },
      {
        title: 'Totals',
        headers: ['', 'Count', ...moneyHeaders(style)],
        numeric: [false, true, ...moneyNumeric(style)],
        rows: [
          ...money(['open, not omitted', String(report.total.count)], report.total.amount, report.total.weighted),
          ...money(['won (stage S)', String(report.won.count)], report.won.amount),
        ],
      },
    ],
  };
}
