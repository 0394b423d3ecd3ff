import { isAlias, isMap, isScalar, isSeq, visit, type Node, type Pair } from 'yaml';
import { loadWithPositions, type PNode } from '../parse/fast-yaml';
import { byCodePoint } from '../model/name-order';
import { parseYaml } from '../parse/yaml-document';

/**
 * A YAML node as the merge reads it, whichever parser read it: where it is written (offsets into
 * the side's text; `end` is where the value ends, before a comment after it) and what it means.
 */
export interface YNode {
  readonly start: number;
  readonly end: number;
  /** `null`: an empty value (`key:` and nothing after it). */
  readonly kind: 'scalar' | 'map' | 'seq' | 'null';
  /** Written in flow style (`[a, b]`, `{ a: 1 }`). */
  readonly flow: boolean;
  /** The value as data. */
  readonly data: unknown;
  /** A mapping's pairs in file order (none for anything else). */
  readonly pairs: readonly YPair[];
  /** A sequence's items (none for anything else). */
  readonly items: readonly YNode[];
}

export interface YPair { readonly key: YNode; readonly value: YNode }

/** One side's frontmatter YAML: its text (offsets are into it), its data and its root mapping. */
export interface Side {
  readonly text: string;
  readonly data: unknown;
  readonly root?: YNode;
}

/** Raised where a merge by meaning cannot splice safely; the caller falls back to a coarser merge. */
export class Unsupported extends Error {}

/**
 * The side, or undefined when its YAML has errors, aliases or a root that is not a block mapping.
 * `fast`: js-yaml with positions (the check's fast path, about ten times faster than `yaml` on a
 * large plan), which declines anything unusual (undefined; the caller then reads every side with
 * `yaml`, the reference, so that the three sides are compared by one parser).
 */
export function readSide(text: string, how: 'fast' | 'reference'): Side | undefined {
  if (how === 'fast') {
    const fast = loadWithPositions(text, 0);
    if (!fast) return undefined;
    const root = fast.root && fast.root.kind !== 'null' ? new FastNode(text, fast.root) : undefined;
    if (!root) return { text, data: fast.data ?? null };
    return root.kind === 'map' && !root.flow ? { text, data: fast.data, root } : undefined;
  }
  const doc = parseYaml(text, 'reject');
  if (doc.errors.length) return undefined;
  if (doc.contents === null) return { text, data: null };
  if (!isMap(doc.contents) || doc.contents.flow) return undefined;
  let alias = false;
  visit(doc, { Alias: () => { alias = true; return visit.BREAK; } });
  if (alias) return undefined;
  try {
    const root = fromYaml(doc.contents);
    return { text, data: root.data, root };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

const NONE: readonly never[] = [];

/** js-yaml's node as the merge reads it; children are made when first read (most of a plan is never looked into). */
class FastNode implements YNode {
  readonly start: number;
  readonly end: number;
  readonly kind: YNode['kind'];
  readonly flow: boolean;
  readonly data: unknown;
  private pairList?: readonly YPair[];
  private itemList?: readonly YNode[];

  constructor(private readonly text: string, private readonly node: PNode) {
    this.start = node.start;
    this.end = node.end;
    this.kind = node.kind === 'mapping' ? 'map' : node.kind === 'sequence' ? 'seq' : node.kind;
    this.flow = (node.kind === 'mapping' || node.kind === 'sequence') && (text[node.start] === '[' || text[node.start] === '{');
    this.data = node.kind === 'null' ? null : node.ref;
  }

  get pairs(): readonly YPair[] {
    if (!this.pairList) {
      const c = this.kind === 'map' ? this.node.children ?? NONE : NONE;
      const pairs: YPair[] = [];
      for (let i = 0; i + 1 < c.length; i += 2) pairs.push({ key: new FastNode(this.text, c[i]), value: new FastNode(this.text, c[i + 1]) });
      this.pairList = pairs;
    }
    return this.pairList;
  }

  get items(): readonly YNode[] {
    this.itemList ??= this.kind === 'seq' ? (this.node.children ?? NONE).map((i) => new FastNode(this.text, i)) : NONE;
    return this.itemList;
  }
}

/** `yaml`'s node as the merge reads it; a key that is not a plain scalar cannot be merged by meaning. */
function fromYaml(node: Node | null, at = 0): YNode {
  if (node === null || !node.range) return { start: at, end: at, kind: 'null', flow: false, data: null, pairs: NONE, items: NONE };
  const [start, end] = node.range;
  if (isMap(node)) {
    const pairs = (node.items as Pair<Node, Node | null>[]).map((p) => {
      if (!isScalar(p.key) || isAlias(p.value)) throw new Unsupported('key');
      const key = fromYaml(p.key);
      return { key, value: fromYaml(p.value, key.end) };
    });
    const data: Record<string, unknown> = {};
    for (const p of pairs) data[String(p.key.data)] = p.value.data;
    return { start, end, kind: 'map', flow: !!node.flow, data, pairs, items: NONE };
  }
  if (isSeq(node)) {
    const items = (node.items as (Node | null)[]).map((i) => fromYaml(i, start));
    return { start, end, kind: 'seq', flow: !!node.flow, data: items.map((i) => i.data), pairs: NONE, items };
  }
  const data = node.toJSON() as unknown;
  return { start, end, kind: start === end && data === null ? 'null' : 'scalar', flow: false, data, pairs: NONE, items: NONE };
}

/** A mapping's pairs by key. */
export function pairsOf(map: YNode | undefined): Map<string, YPair> {
  const out = new Map<string, YPair>();
  for (const p of map?.pairs ?? NONE) out.set(String(p.key.data), p);
  return out;
}

/** A value in a form that compares by meaning: JSON with the keys of every mapping sorted. */
export function canonical(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => byCodePoint(a, b)))
    : v));
}

export const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

export function lineEndAfter(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Where a pair is written: from its key to the end of the line its value ends on. */
export interface Region {
  /** The start of the first line. */
  readonly line: number;
  /** The key (or, for a list item, its content). */
  readonly start: number;
  readonly end: number;
}

export function pairRegion(text: string, pair: YPair): Region {
  const start = pair.key.start;
  const valueEnd = pair.value.kind === 'null' ? pair.key.end : pair.value.end;
  return { line: lineStart(text, start), start, end: lineEndAfter(text, valueEnd) };
}

/** A block list item: from the line of its dash to the end of its last line. */
export function itemRegion(text: string, item: YNode): Region {
  const start = item.start;
  const line = lineStart(text, start);
  if (!/^ *- +$/.test(text.slice(line, start))) throw new Unsupported('item');
  return { line, start, end: lineEndAfter(text, item.end) };
}

/** The items of a block list of mappings; undefined when the value is anything else. */
export function blockItems(node: YNode | undefined): readonly YNode[] | undefined {
  if (node?.kind !== 'seq') return undefined;
  if (node.flow && node.items.length) return undefined;
  return node.items.every((i) => i.kind === 'map' && !i.flow) ? node.items : undefined;
}

export const column = (text: string, offset: number): number => offset - lineStart(text, offset);

/** Moves every line but the first by `delta` columns (a region copied to another indentation). */
export function reindent(block: string, delta: number): string {
  if (delta === 0) return block;
  const lines = block.split('\n');
  return lines.map((l, i) => {
    if (i === 0 || l === '' || l === '\r') return l;
    if (delta > 0) return ' '.repeat(delta) + l;
    const spaces = /^ */.exec(l)![0].length;
    return l.slice(Math.min(spaces, -delta));
  }).join('\n');
}

/** A text that ends with a line break. */
export const closed = (s: string, eol: string): string => (s === '' || s.endsWith('\n') ? s : s + eol);
