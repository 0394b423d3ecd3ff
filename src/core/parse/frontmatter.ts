/** Finds the YAML frontmatter between a first line `---` and the next line that is exactly `---`. */

export type FrontmatterSplit =
  | { readonly kind: 'ok'; readonly yamlStart: number; readonly yamlEnd: number; readonly bodyStart: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'unterminated'; readonly openEnd: number };

const OPEN = /^---[ \t]*(\r?\n|$)/;
const CLOSE = /^---[ \t]*(\r?\n|$)/gm;

/** `text` must already be free of a BOM. Offsets are into `text`. */
export function splitFrontmatter(text: string): FrontmatterSplit {
  const open = OPEN.exec(text);
  if (!open) return { kind: 'none' };
  const yamlStart = open[0].length;
  if (open[1] === '') return { kind: 'unterminated', openEnd: yamlStart };
  CLOSE.lastIndex = yamlStart;
  const close = CLOSE.exec(text);
  if (!close) return { kind: 'unterminated', openEnd: yamlStart - open[1].length };
  return { kind: 'ok', yamlStart, yamlEnd: close.index, bodyStart: close.index + close[0].length };
}

export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
