import { CORE_SCHEMA, load, type State } from 'js-yaml';

/**
 * The check's fast path: js-yaml (YAML 1.2 core schema, about ten times faster than `yaml`'s
 * document parser on plans) with a listener that records where every node starts and ends, so
 * findings still point at the exact node. Anything unusual (a parse error, anchors and aliases,
 * very deep nesting, binary-integer literals, a collection or null as a key) returns undefined
 * and the caller uses `yaml`, which stays the reference for errors and edits.
 * test/unit/fast-yaml.test.ts checks that both paths give the same data and positions.
 */
export interface PNode {
  readonly start: number;
  readonly end: number;
  readonly kind: 'scalar' | 'mapping' | 'sequence' | 'null';
  /** A scalar's value (keys are matched by it). */
  readonly value?: unknown;
  /** A mapping's keys and values in file order (key, value, key, value, …); a sequence's items. */
  readonly children?: readonly PNode[];
  /** The value js-yaml built for this node (to recognise a node it reports twice). */
  readonly ref: unknown;
}

/**
 * Anchors, aliases, tags, binary integers, infinities, explicit `? ` keys (js-yaml reads an empty
 * one unlike `yaml`), and a line starting with `---`, `...` or `%` (document markers and directives:
 * js-yaml reads `---(` as a marker, `yaml` as text), and an exponent of three digits (`1e400`:
 * js-yaml keeps text that overflows, `yaml` gives Infinity), and a tab in a line's indentation
 * (an error to `yaml`, not always to js-yaml), and a BOM anywhere (js-yaml drops one opening the YAML, which
 * would shift every position by one), and NEL, LS or PS (line breaks to YAML 1.1, text to 1.2: the
 * two parsers do not agree on where a node next to one ends), and a flow entry with an empty key
 * (`[: a]`: js-yaml names it "null", `yaml` ""), or any `: ` (or `:` before `]` or `,`) inside a flow sequence (a pair in a
 * list, which the two parsers end at different places), and an empty list entry (`- ` alone: js-yaml
 * may take a less indented `-` on the next line as its value), and a `#` right after a closing
 * quote or bracket (`"x"#y`, `[a]#y`: js-yaml drops it as a comment, to `yaml` it is an error).
 */
const RISKY = /(?:^|[\s[{,:-])[&*!]|\b0b[01]|\.(?:inf|nan)\b|(?:^|[\s[{,])\?(?:\s|$)|(?:^|\n)(?:---|\.\.\.|%)|\de[+-]?\d{3}|(?:^|\n) *\t|\ufeff|[\u0085\u2028\u2029]|[[{,]\s*:|\[[^\]\n]*:[\s\],]|(?:^|\n)[ -]*-[ \t]*(?:#[^\n]*)?(?:\r?\n|$)|["'\]}]#/i;
/** YAML allows an implicit key of at most 1024 characters; js-yaml takes longer ones, `yaml` does not. */
const MAX_IMPLICIT_KEY = 1024;

export function loadWithPositions(yaml: string, yamlBase: number): { data: unknown; root: PNode | undefined } | undefined {
  // js-yaml drops a BOM that opens its input (one right after `---`) and counts from after it.
  const bom = yaml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? yaml.slice(1) : yaml;
  const base = yamlBase + bom;
  if (RISKY.test(source)) return undefined;
  // Two flat stacks (where each open node starts, and the nodes closed inside it so far) rather
  // than an object per level: a plan has hundreds of nodes, and the garbage adds up.
  const opens: number[] = [0];
  const kids: (PNode[] | undefined)[] = [undefined];
  let odd = false;
  try {
    const data = load(source, {
      schema: CORE_SCHEMA,
      json: false,
      listener(event: 'open' | 'close', state: State & { kind?: string; result?: unknown }) {
        if (event === 'open') {
          opens.push(state.position);
          kids.push(undefined);
          return;
        }
        const node = toNode(opens.pop()!, kids.pop(), state, source, base);
        if (node.kind === 'mapping' && hasOddKey(node)) odd = true;
        // `-0`: js-yaml reads 0, `yaml` reads -0.
        else if (node.value === 0 && source.charCodeAt(node.start - base) === 45) odd = true;
        const parent = kids[kids.length - 1];
        if (parent) parent.push(node);
        else kids[kids.length - 1] = [node];
      },
    });
    return odd ? undefined : { data, root: kids[0]?.at(-1) };
  } catch {
    return undefined;
  }
}

/**
 * A key that is a collection (`[a, b]: 1`) or null (`null:`, `~:`): js-yaml and `yaml` turn it
 * into different object keys ("a,b" / "[ a, b ]", "null" / ""), so the reference reads the file;
 * so it does for a key near or over YAML's 1024-character limit for implicit keys.
 */
function hasOddKey(node: PNode): boolean {
  const c = node.children ?? [];
  if (c.length % 2) return true; // a flow entry without a value (`{a}`) leaves no node for its value
  for (let i = 0; i + 1 < c.length; i += 2) if (c[i].kind !== 'scalar' || c[i].value === null || c[i].end - c[i].start >= MAX_IMPLICIT_KEY) return true;
  return false;
}

/** Space, tab, CR or LF: YAML's white space and line breaks (a BOM or other Unicode space is content). */
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const isBreak = (c: number): boolean => c === 10 || c === 13;

function toNode(open: number, children: PNode[] | undefined, state: { position: number; kind?: string; result?: unknown }, src: string, base: number): PNode {
  // A node read while looking for a mapping key is reported twice, nested: keep the inner one.
  if (children?.length === 1 && children[0].ref === state.result && state.result !== undefined) return children[0];
  let start = open;
  // Blanks and whole comment lines before the node (`key:\n# note\n  a: 1`) are not part of it.
  for (;;) {
    while (start < state.position && isSpace(src.charCodeAt(start))) start++;
    if (start >= state.position || src.charCodeAt(start) !== 35 /* # */) break;
    const eol = src.indexOf('\n', start);
    if (eol === -1 || eol >= state.position) break;
    start = eol + 1;
  }
  let end = state.position;
  while (end > start && isSpace(src.charCodeAt(end - 1))) end--;
  // Whole comment lines after a collection's last entry (`a: 1\n# note\nb:`) are not part of it either.
  const last = children?.at(-1);
  if (last && last.kind !== 'null' && (state.kind === 'mapping' || state.kind === 'sequence')) end = dropTrailingComments(src, end, last.end - base);
  if (state.result === null && state.kind !== 'mapping' && state.kind !== 'sequence' && (start >= end || src.startsWith('#', start))) {
    return { start: base + open, end: base + open, kind: 'null', value: null, ref: null };
  }
  if (state.kind === 'mapping' || state.kind === 'sequence') return { start: base + start, end: base + end, kind: state.kind, children: children ?? [], ref: state.result };
  return { start: base + start, end: base + end, kind: 'scalar', value: state.result, ref: state.result };
}

/** `end` moved back over whole comment lines (and blanks) that begin after `floor`. */
function dropTrailingComments(src: string, end: number, floor: number): number {
  for (;;) {
    // Back to the line's start, but no further than `floor` (lastIndexOf would search the whole text).
    let lineStart = end;
    while (lineStart > floor && !isBreak(src.charCodeAt(lineStart - 1))) lineStart--;
    if (lineStart < floor || (lineStart > 0 && !isBreak(src.charCodeAt(lineStart - 1)))) return end;
    let first = lineStart;
    while (first < end && (src.charCodeAt(first) === 32 || src.charCodeAt(first) === 9)) first++;
    if (src.charCodeAt(first) !== 35 /* # */) return end;
    end = lineStart;
    while (end > floor && isSpace(src.charCodeAt(end - 1))) end--;
  }
}
