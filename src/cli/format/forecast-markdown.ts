import type { ForecastReport } from '../../core/index';
import { forecastTables, type Table } from './forecast-tables';

/** GitHub-flavoured Markdown, e.g. for a pull-request comment. */
export function formatForecastMarkdown(report: ForecastReport, planCount: number): string {
  const { title, tables } = forecastTables(report, planCount);
  return [`## ${title}`, ...tables.map(renderTable)].join('\n\n') + '\n';
}

function renderTable(table: Table): string {
  const heading = `### ${table.title}`;
  if (table.rows.length === 0 && table.empty) return `${heading}\n\n${table.empty}`;
  const row = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = `|${table.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  return [heading, '', row(table.headers), rule, ...table.rows.map(row)].join('\n');
}

const escapeCell = (s: string): string => s.replace(/\|/g, '\\|');
