/**
 * A line merge as git does it (diff3): what one side changed against the base is taken, what both
 * changed the same way is taken once, and what both changed differently is a conflict between
 * standard markers. Lines keep their bytes, end-of-line characters included.
 */

export interface Hunk {
  readonly baseStart: number;
  readonly baseEnd: number;
  readonly sideStart: number;
  readonly sideEnd: number;
}

export interface LineMerge {
  readonly text: string;
  /** The conflicting regions, each side's lines as written. */
  readonly conflicts: readonly { readonly ours: string; readonly theirs: string }[];
}

/** Lines with their terminators; the last may have none. */
export const splitLines = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** Above this many cells of search, the middle of a diff is one hunk (a coarser but correct diff). */
const SEARCH_LIMIT = 20_000_000;

/** The lines `a` and `b` share, as pairs of indexes in order (Myers' greedy diff). */
function commonLines(a: readonly string[], b: readonly string[]): [number, number][] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const middle = myers(am, bm).map(([x, y]) => [x + pre, y + pre] as [number, number]);
  const head = Array.from({ length: pre }, (_, i) => [i, i] as [number, number]);
  const tail = Array.from({ length: suf }, (_, i) => [a.length - suf + i, b.length - suf + i] as [number, number]);
  return [...head, ...middle, ...tail];
}

function myers(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d * v.length > SEARCH_LIMIT) return [];
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, off);
    }
  }
  return [];
}

function backtrack(trace: readonly Int32Array[], n: number, m: number, off: number): [number, number][] {
  const out: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[off + prevK];
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) out.push([--x, --y]);
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}

/** The regions where `side` differs from `base`. */
export function diffHunks(base: readonly string[], side: readonly string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let bi = 0;
  let si = 0;
  for (const [x, y] of [...commonLines(base, side), [base.length, side.length] as [number, number]]) {
    if (x > bi || y > si) hunks.push({ baseStart: bi, baseEnd: x, sideStart: si, sideEnd: y });
    bi = x + 1;
    si = y + 1;
  }
  return hunks;
}

type Tagged = Hunk & { readonly side: 0 | 1 };

/** The three-way merge of three texts, line by line. */
export function mergeLines(base: string, ours: string, theirs: string, markers: MarkerLines = PLAIN_MARKERS): LineMerge {
  const B = splitLines(base);
  const sides = [splitLines(ours), splitLines(theirs)] as const;
  const eol = ours.includes('\r\n') ? '\r\n' : '\n';
  const hunks: Tagged[] = [
    ...diffHunks(B, sides[0]).map((h) => ({ ...h, side: 0 as const })),
    ...diffHunks(B, sides[1]).map((h) => ({ ...h, side: 1 as const })),
  ].sort((x, y) => x.baseStart - y.baseStart || x.side - y.side);
  const out: string[] = [];
  const conflicts: { ours: string; theirs: string }[] = [];
  let pos = 0;
  for (let i = 0; i < hunks.length;) {
    const group = [hunks[i]];
    const start = hunks[i].baseStart;
    let end = hunks[i].baseEnd;
    for (i++; i < hunks.length && hunks[i].baseStart <= end; i++) {
      group.push(hunks[i]);
      end = Math.max(end, hunks[i].baseEnd);
    }
    out.push(...B.slice(pos, start));
    const [o, t] = ([0, 1] as const).map((s) => sideLines(group, s, start, end, B, sides[s]));
    const touched = [0, 1].map((s) => group.some((h) => h.side === s));
    if (!touched[1] || (touched[0] && o.join('') === t.join(''))) out.push(...o);
    else if (!touched[0]) out.push(...t);
    else {
      conflicts.push({ ours: o.join(''), theirs: t.join('') });
      out.push(conflictBlock(o.join(''), t.join(''), eol, markers));
    }
    pos = end;
  }
  out.push(...B.slice(pos));
  return { text: out.join(''), conflicts };
}

function sideLines(group: readonly Tagged[], side: 0 | 1, start: number, end: number, base: readonly string[], lines: readonly string[]): string[] {
  const mine = group.filter((h) => h.side === side);
  if (!mine.length) return base.slice(start, end);
  const first = mine[0];
  const last = mine[mine.length - 1];
  return lines.slice(first.sideStart - (first.baseStart - start), last.sideEnd + (end - last.baseEnd));
}

/** What the lines around a conflict say after `<<<<<<<` and `>>>>>>>`, and how many of each. */
export interface MarkerLines {
  readonly ours: string;
  readonly theirs: string;
  /** git's `conflict-marker-size`: 7 unless an attribute says otherwise. */
  readonly size: number;
}

export const PLAIN_MARKERS: MarkerLines = { ours: 'ours', theirs: 'theirs', size: 7 };

/** Standard conflict markers around both sides' text; each side ends with a line break. */
export function conflictBlock(ours: string, theirs: string, eol = '\n', markers: MarkerLines = PLAIN_MARKERS): string {
  const close = (s: string) => (s === '' || s.endsWith('\n') ? s : s + eol);
  const line = (c: string, label?: string) => `${c.repeat(markers.size)}${label ? ` ${label}` : ''}${eol}`;
  return `${line('<', markers.ours)}${close(ours)}${line('=')}${close(theirs)}${line('>', markers.theirs)}`;
}
