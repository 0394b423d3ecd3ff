import type { ForecastReport } from '../../core/index';
import type { Styles } from './ansi';
import { forecastTables, type Table } from './forecast-tables';

/** Aligned tables for a terminal. */
export function formatForecastText(report: ForecastReport, planCount: number, s: Styles): string {
  const { title, tables } = forecastTables(report, planCount);
  return [s.bold(title), ...tables.map((t) => renderTable(t, s))].join('\n\n') + '\n';
}

function renderTable(table: Table, s: Styles): string {
  if (table.rows.length === 0 && table.empty) return `${s.bold(table.title)}\n  ${table.empty}`;
  const widths = table.headers.map((h, i) => Math.max(h.length, ...table.rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((c, i) => (table.numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')}`.trimEnd();
  return [s.bold(table.title), s.dim(line(table.headers)), ...table.rows.map(line)].join('\n');
}
