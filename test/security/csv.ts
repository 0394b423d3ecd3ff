/** CSV read as a spreadsheet reads it (RFC 4180: quoted cells may hold commas, quotes and line breaks), and the formula check. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (text.startsWith('\r\n', i)) {
      row.push(cell); rows.push(row); row = []; cell = ''; i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** What a spreadsheet would run as a formula: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return, other than a plain number. */
export const runsAsFormula = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

/** Every cell of `csv` a spreadsheet would run, as `row:column value`. */
export function formulaCells(csv: string): string[] {
  return parseCsv(csv).flatMap((r, i) => r.flatMap((c, j) => (runsAsFormula(c) ? [`${i}:${j} ${JSON.stringify(c)}`] : [])));
}
