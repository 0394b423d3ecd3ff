/**
 * The limits a plan's YAML must keep, decided by one pass over the text before any parser runs,
 * so the answer never depends on where a parser happens to run out of stack (that differs
 * between calls, threads and machines). The pass follows YAML's structure closely enough to
 * count real nesting: block collections by their indentation and compact `- `/`? ` entries,
 * flow collections by `[`/`{` at the start of a node; quoted and block scalars and comments are
 * skipped. It may count a level YAML would not (never fewer), which only matters far past the limit.
 */
export const MAX_DEPTH = 100;
/** Alias nodes (`*name`) in one frontmatter; a plan needs none. */
export const MAX_ALIASES = 100;

export interface LimitBreach {
  readonly limit: 'depth' | 'aliases';
  /** Offset (into the scanned source) of the opener or alias that goes past the limit. */
  readonly at: number;
}

interface Level { readonly col: number; readonly seq: boolean }

const SP = 32;
const TAB = 9;
const HASH = 35;
const DQUOTE = 34;
const SQUOTE = 39;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const AMP = 38;
const BANG = 33;
const STAR = 42;
const PIPE = 124;
const GT = 62;
const COMMA = 44;
const COLON = 58;
const QUESTION = 63;
const DASH = 45;
const BACKSLASH = 92;
const LF = 10;
const isBlank = (c: number): boolean => c === SP || c === TAB || c === 13;
/** `,`, `[`, `]`, `{`, `}`: where a node's properties end inside a flow collection. */
const isFlowIndicator = (c: number): boolean => c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
/** The end of a line or of the source. */
const endsToken = (src: string, i: number): boolean => {
  const c = src.charCodeAt(i); // NaN past the end
  return c !== c || c === LF || isBlank(c);
};

/** The first place `src` goes past a limit, or undefined. `src` uses `\n` line ends (a CR before it is ignored). */
export function findLimitBreach(src: string, maxDepth = MAX_DEPTH, maxAliases = MAX_ALIASES): LimitBreach | undefined {
  return scanYaml(src, maxDepth, maxAliases).breach;
}

/**
 * The limits, and whether a flow collection or a quoted scalar runs over lines (the fast parser and
 * `yaml` disagree on how far such lines must be indented, so the reference reads those).
 */
export function scanYaml(src: string, maxDepth = MAX_DEPTH, maxAliases = MAX_ALIASES): { breach?: LimitBreach; flowAcrossLines: boolean } {
  const scanner = new Scanner(src, maxDepth, maxAliases);
  const breach = scanner.run();
  return { breach, flowAcrossLines: scanner.flowAcrossLines };
}

class Scanner {
  private readonly block: Level[] = [];
  private flow = 0;
  /** The open quoted scalar's quote character (DQUOTE or SQUOTE), or 0. */
  private quote = 0;
  /** Inside a block scalar: lines indented more than this belong to it. */
  private scalarIndent = -1;
  /** At the start of a node (where `[`, `{`, quotes, `*`, `|` and `>` mean something). */
  private start = true;
  private aliases = 0;
  private breach: LimitBreach | undefined;
  flowAcrossLines = false;

  constructor(private readonly src: string, private readonly maxDepth: number, private readonly maxAliases: number) {}

  run(): LimitBreach | undefined {
    const src = this.src;
    for (let pos = 0; pos <= src.length && !this.breach;) {
      let eol = src.indexOf('\n', pos);
      if (eol === -1) eol = src.length;
      this.line(pos, eol);
      pos = eol + 1;
    }
    return this.breach;
  }

  private line(pos: number, eol: number): void {
    const src = this.src;
    let i = pos;
    while (i < eol && src.charCodeAt(i) === SP) i++;
    const indent = i - pos;
    let j = i;
    while (j < eol && isBlank(src.charCodeAt(j))) j++;
    if (j >= eol) return; // a blank line ends nothing
    if (this.scalarIndent >= 0) {
      if (indent > this.scalarIndent) return;
      this.scalarIndent = -1;
    }
    if (this.quote) {
      this.flowAcrossLines = true; // a quoted scalar over lines: the same indentation question
      this.inline(pos, eol, indent);
      return;
    }
    if (this.flow > 0) {
      this.flowAcrossLines = true;
      this.inline(i, eol, indent);
      return;
    }
    if (src.charCodeAt(i) === HASH) return;
    while (this.block.length && this.block[this.block.length - 1].col > indent) this.block.pop();
    this.start = true;
    // Compact entries: `- - a`, `- key: value`, `? key`.
    for (;;) {
      const c = src.charCodeAt(i);
      if ((c === DASH || c === QUESTION) && endsToken(src, i + 1)) {
        this.enter(i - pos, c === DASH, i);
        if (this.breach) return;
        i++;
        while (i < eol && isBlank(src.charCodeAt(i))) i++;
        if (i >= eol) return;
        continue;
      }
      if (isKeyLine(src, i, eol)) {
        this.enter(i - pos, false, i);
        if (this.breach) return;
      }
      break;
    }
    this.inline(i, eol, indent);
  }

  /** A block collection entry at column `col`: a sibling of the open one there, or a new level. */
  private enter(col: number, seq: boolean, at: number): void {
    const b = this.block;
    let top = b[b.length - 1];
    if (!seq && top && top.col === col && top.seq) {
      b.pop(); // `key:\n- a\nnext:` — the list under the key has ended
      top = b[b.length - 1];
    }
    if (top && top.col === col && top.seq === seq) return;
    b.push({ col, seq });
    this.checkDepth(at);
  }

  private checkDepth(at: number): void {
    if (!this.breach && this.block.length + this.flow > this.maxDepth) this.breach = { limit: 'depth', at };
  }

  /** Scans the rest of a line for flow brackets, quotes, aliases, block scalars and a comment. */
  private inline(from: number, eol: number, indent: number): number {
    const src = this.src;
    // Most lines of a plan are plain text in block context: nothing in them can open a level, a
    // quote, an alias or a block scalar (and `start` is set again at the next line).
    if (this.flow === 0 && !this.quote && !hasIndicator(src, from, eol)) return eol;
    let i = from;
    let prevBlank = true;
    while (i < eol && !this.breach) {
      if (this.quote) {
        i = this.inQuote(i, eol);
        prevBlank = false;
        this.start = false;
        continue;
      }
      const c = src.charCodeAt(i);
      if (isBlank(c)) {
        prevBlank = true;
        i++;
        continue;
      }
      if (c === HASH && prevBlank) return eol;
      prevBlank = false;
      if (this.start) {
        if (c === DQUOTE || c === SQUOTE) {
          this.quote = c;
          i++;
          continue;
        }
        if (c === LBRACKET || c === LBRACE) {
          this.flow++;
          this.checkDepth(i);
          i++;
          continue;
        }
        if (c === AMP || c === BANG) {
          while (i < eol && !isBlank(src.charCodeAt(i)) && !(this.flow > 0 && isFlowIndicator(src.charCodeAt(i)))) i++;
          continue; // a node's properties: the node itself still comes
        }
        if (c === STAR) {
          if (++this.aliases > this.maxAliases) this.breach = { limit: 'aliases', at: i };
          this.start = false;
          i++;
          continue;
        }
        if ((c === PIPE || c === GT) && this.flow === 0) {
          this.scalarIndent = indent;
          return eol;
        }
      }
      if (this.flow > 0) {
        if (c === RBRACKET || c === RBRACE) {
          this.flow--;
          this.start = false;
        } else {
          this.start = c === COMMA || c === COLON || c === QUESTION || (c === DASH && endsToken(src, i + 1));
        }
        i++;
        continue;
      }
      // Plain text in block context: only a `:`, `-` or `?` that ends a run of non-blanks starts a
      // node, so the run is skipped to its last character.
      let j = i + 1;
      while (j < eol && !isBlank(src.charCodeAt(j))) j++;
      const last = src.charCodeAt(j - 1);
      this.start = (last === COLON || last === DASH || last === QUESTION) && endsToken(src, j);
      i = j;
    }
    return eol;
  }

  /** Inside a quoted scalar: its closing quote (an escaped one does not count), or the line's end. */
  private inQuote(i: number, eol: number): number {
    const src = this.src;
    const q = this.quote;
    while (i < eol) {
      const c = src.charCodeAt(i);
      if (q === DQUOTE && c === BACKSLASH) {
        i += 2;
        continue;
      }
      if (c === q) {
        if (q === SQUOTE && src.charCodeAt(i + 1) === SQUOTE) {
          i += 2;
          continue;
        }
        this.quote = 0;
        return i + 1;
      }
      i++;
    }
    return eol;
  }
}

/** The characters that can change the scan's state on a block line: `[ { " ' & ! * | > #`. */
const INDICATOR = new Uint8Array(128);
for (const c of '[{"\'&!*|>#') INDICATOR[c.charCodeAt(0)] = 1;

function hasIndicator(src: string, from: number, eol: number): boolean {
  for (let k = from; k < eol; k++) {
    const c = src.charCodeAt(k);
    if (c < 128 && INDICATOR[c] === 1) return true;
  }
  return false;
}

/** Whether the node at `i` is an implicit key: a `:` followed by a blank or the line's end, before any comment. */
function isKeyLine(src: string, i: number, eol: number): boolean {
  let k = i;
  const c = src.charCodeAt(i);
  if (c === LBRACKET || c === LBRACE) return false;
  if (c === DQUOTE || c === SQUOTE) {
    k++;
    while (k < eol) {
      const ch = src.charCodeAt(k);
      if (c === DQUOTE && ch === BACKSLASH) k += 2;
      else if (ch === c && !(c === SQUOTE && src.charCodeAt(k + 1) === SQUOTE)) break;
      else k += ch === c ? 2 : 1;
    }
    if (k >= eol) return false;
    k++;
  }
  for (; k < eol; k++) {
    const ch = src.charCodeAt(k);
    if (ch === HASH && k > i && isBlank(src.charCodeAt(k - 1))) return false;
    if (ch === COLON && endsToken(src, k + 1)) return true;
  }
  return false;
}
