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

const RISKY = /(?:^|[\s[{,:-])[&*!][^\s,\]}]|\b0b[01]|\.(?:inf|nan)\b/i;

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
 * into different object keys ("a,b" / "[ a, b ]", "null" / ""), so the reference reads the file.
 */
function hasOddKey(node: PNode): boolean {
  const c = node.children ?? [];
  for (let i = 0; i + 1 < c.length; i += 2) if (c[i].kind !== 'scalar') return true;
  return false;
}

/** Space, tab, CR or LF: YAML's white space and line breaks (a BOM or other Unicode space is content). */
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function toNode(open: number, children: PNode[] | undefined, state: { position: number; kind?: string; result?: unknown }, src: string, base: number): PNode {
  // A node read while looking for a mapping key is reported twice, nested: keep the inner one.
  if (children?.length === 1 && children[0].ref === state.result && state.result !== undefined) return children[0];
  let start = open;
  while (start < state.position && isSpace(src.charCodeAt(start))) start++;
  let end = state.position;
  while (end > start && isSpace(src.charCodeAt(end - 1))) end--;
  if (state.result === null && state.kind !== 'mapping' && state.kind !== 'sequence' && (start >= end || src.startsWith('#', start))) {
    return { start: base + open, end: base + open, kind: 'null', value: null, ref: null };
  }
  if (state.kind === 'mapping' || state.kind === 'sequence') return { start: base + start, end: base + end, kind: state.kind, children: children ?? [], ref: state.result };
  return { start: base + start, end: base + end, kind: 'scalar', value: state.result, ref: state.result };
}
