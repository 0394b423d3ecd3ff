/**
 * Line arithmetic for edits. Lines end at `\n` (optionally after `\r`), as YAML reads them: a lone
 * CR is not a line break to the `yaml` parser, so an edit never treats it as one.
 */

/**
 * The line end new lines get: the one most lines of the file use (as VS Code picks it when it
 * opens a file with mixed line ends); LF on a tie. A stray CRLF line in an LF file stays stray.
 */
export function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** The offset where the line holding `offset` ends, before its `\r\n` or `\n`. */
export function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return text.charCodeAt(nl - 1) === 13 && nl - 1 >= offset ? nl - 1 : nl;
}

/** `offset` when it starts a line, else the start of the next line (or the end of the text). */
export function lineStartAtOrAfter(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The indentation before the `-` of a block sequence item whose content starts at `offset`. */
export function dashIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const dash = text.indexOf('-', lineStart);
  return ' '.repeat(Math.max(0, dash - lineStart));
}

/** Moves `end` back over spaces, tabs and line breaks, not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[ \t\r\n]/.test(text[e - 1])) e--;
  return e;
}

/** Prefixes every non-empty line of `block` (lines split at `eol`) with `pad`. */
export function indentBlock(block: string, pad: string, eol: string): string {
  return block.split(eol).map((l) => (l ? pad + l : l)).join(eol);
}

/**
 * Text inserted right before a `#` must end in white space, or the comment would become part of
 * the value (`summary: all good# none yet`).
 */
export function keepCommentApart(text: string, at: number, newText: string): string {
  return text[at] === '#' && newText && !/[ \t\r\n]$/.test(newText) ? `${newText} ` : newText;
}
