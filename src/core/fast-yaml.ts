import { CORE_SCHEMA, load, type State } from 'js-yaml';

/**
 * The check's fast path: js-yaml (YAML 1.2 core schema, about ten times faster than `yaml`'s
 * document parser on plans) with a listener that records where every node starts and ends, so
 * findings still point at the exact node. Anything unusual (a parse error, anchors and aliases,
 * very deep nesting, binary-integer literals) returns undefined and the caller uses `yaml`, which
 * stays the reference for errors and edits. test/unit/fast-yaml.test.ts checks that both paths give
 * the same data and positions.
 */
export interface PNode {
  readonly start: number;
  readonly end: number;
  readonly kind: 'scalar' | 'mapping' | 'sequence' | 'null';
  /** A scalar's value (keys are matched by it). */
  readonly value?: unknown;
  /** Mapping: key nodes and value nodes, in file order. */
  readonly entries?: readonly { readonly key: PNode; readonly keyText: string; readonly value: PNode }[];
  /** Sequence: its items. */
  readonly items?: readonly PNode[];
  /** The value js-yaml built for this node (to recognise a node it reports twice). */
  readonly ref: unknown;
}

interface Frame {
  readonly open: number;
  readonly children: PNode[];
}

const RISKY = /(?:^|[\s[{,:-])[&*!][^\s,\]}]|\b0b[01]|\.(?:inf|nan)\b/i;

export function loadWithPositions(source: string, base: number): { data: unknown; root: PNode | undefined } | undefined {
  if (RISKY.test(source)) return undefined;
  const stack: Frame[] = [{ open: 0, children: [] }];
  try {
    const data = load(source, {
      schema: CORE_SCHEMA,
      json: false,
      listener(event: 'open' | 'close', state: State & { kind?: string; result?: unknown }) {
        if (event === 'open') {
          stack.push({ open: state.position, children: [] });
          return;
        }
        const frame = stack.pop()!;
        stack[stack.length - 1].children.push(toNode(frame, state, source, base));
      },
    });
    const top = stack[0].children;
    // js-yaml's objects are built key by key (dictionary mode) and its strings are slices of the
    // source: a JSON round trip makes compact objects and flat strings, about a third of the heap
    // for the editor's index of every plan, for a few percent of the parse time.
    return { data: data === undefined ? data : JSON.parse(JSON.stringify(data)), root: top[top.length - 1] };
  } catch {
    return undefined;
  }
}

function toNode(frame: Frame, state: { position: number; kind?: string; result?: unknown }, src: string, base: number): PNode {
  // A node read while looking for a mapping key is reported twice, nested: keep the inner one.
  if (frame.children.length === 1 && frame.children[0].ref === state.result && state.result !== undefined) return frame.children[0];
  let start = frame.open;
  while (start < state.position && /\s/.test(src[start])) start++;
  let end = state.position;
  while (end > start && /[ \t\r\n]/.test(src[end - 1])) end--;
  if (state.result === null && state.kind !== 'mapping' && state.kind !== 'sequence' && (start >= end || src.startsWith('#', start))) {
    return { start: base + frame.open, end: base + frame.open, kind: 'null', value: null, ref: null };
  }
  if (state.kind === 'mapping') {
    const entries: { key: PNode; keyText: string; value: PNode }[] = [];
    const pairs = frame.children;
    for (let i = 0; i + 1 < pairs.length; i += 2) entries.push({ key: pairs[i], keyText: String(pairs[i].value), value: pairs[i + 1] });
    return { start: base + start, end: base + end, kind: 'mapping', entries, ref: state.result };
  }
  if (state.kind === 'sequence') return { start: base + start, end: base + end, kind: 'sequence', items: frame.children, ref: state.result };
  return { start: base + start, end: base + end, kind: 'scalar', value: state.result, ref: state.result };
}
