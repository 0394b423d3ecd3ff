/**
 * The one rule for text that ends up in a spreadsheet (the Forecast panel's CSV, `account-plans
 * export`): a cell that a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return — gets a leading `'`, so Excel, LibreOffice and Sheets show it as text.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 cell: formulas neutralised, quoted when it holds a quote, a comma or a line break. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
