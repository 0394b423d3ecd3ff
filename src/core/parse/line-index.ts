import type { Position, Range } from '../model/finding';

/**
 * Maps offsets to 0-based line/character by VS Code's line rules (a line ends at CRLF, LF or a
 * lone CR); built on first use, so clean files never pay for it.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  position(at: number): Position {
    const offset = Math.max(0, Math.min(at, this.text.length));
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    // An offset between the CR and the LF of a CRLF is the end of its line, as in VS Code.
    const inCrlf = offset > starts[lo] && this.text.charCodeAt(offset - 1) === 13 && this.text.charCodeAt(offset) === 10;
    return { line: lo, character: offset - starts[lo] - (inCrlf ? 1 : 0) };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}
