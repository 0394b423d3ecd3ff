/** SGR styles; identity functions when colour is off, so formatters never test for it. */
export interface Styles {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  underline(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

export function styles(color: boolean): Styles {
  if (!color) return { bold: plain, dim: plain, red: plain, yellow: plain, blue: plain, underline: plain };
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), blue: sgr(34, 39), underline: sgr(4, 24) };
}
