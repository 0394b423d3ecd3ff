import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../../core/index';
import type { Cell } from './export-tables';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type Rows = readonly Readonly<Record<string, Cell>>[];

export function writeTable(format: ExportFormat, columns: readonly string[], rows: Rows): string {
  return format === 'csv' ? toCsv(columns, rows) : toJsonLines(columns, rows);
}

/**
 * RFC 4180 (CRLF, a cell quoted when it holds a comma, a quote or any line break), UTF-8 with a
 * byte-order mark so Excel reads Chinese; every text cell neutralised against formula injection.
 */
export function toCsv(columns: readonly string[], rows: Rows): string {
  return stringify(rows.map((r) => columns.map((c) => csvValue(r[c]))), {
    bom: true,
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    // csv-stringify quotes a lone \n or \r only when told to; a spreadsheet would split the row there.
    quoted_match: /[\r\n]/,
    cast: { string: neutraliseFormula },
  });
}

function csvValue(value: Cell): string | number | undefined {
  if (value === undefined || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'string' ? value : value.join('; ');
}

/** One JSON object per line, keys in column order, a missing value as null. */
export function toJsonLines(columns: readonly string[], rows: Rows): string {
  return rows.map((r) => `${JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])))}\n`).join('');
}
