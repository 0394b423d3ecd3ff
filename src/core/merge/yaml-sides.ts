import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseYaml } from '../parse/yaml-document';

/** One side's frontmatter YAML: its text (offsets are into it) and its parsed document. */
export interface Side {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly root?: YAMLMap;
}

/** Raised where a merge by meaning cannot splice safely; the caller falls back to a coarser merge. */
export class Unsupported extends Error {}

/** The side, or undefined when its YAML has errors, aliases or a root that is not a block mapping. */
export function readSide(text: string): Side | undefined {
  const doc = parseYaml(text, 'reject');
  if (doc.errors.length) return undefined;
  if (doc.contents === null) return { text, doc };
  if (!isMap(doc.contents) || doc.contents.flow) return undefined;
  let alias = false;
  visit(doc, { Alias: () => { alias = true; return visit.BREAK; } });
  if (alias) return undefined;
  return { text, doc, root: doc.contents };
}

/** A mapping's pairs by key; a key that is not a plain scalar cannot be merged by meaning. */
export function pairsOf(map: YAMLMap | undefined): Map<string, Pair<Node, Node | null>> {
  const out = new Map<string, Pair<Node, Node | null>>();
  for (const p of map?.items ?? []) {
    if (!isScalar(p.key) || isAlias(p.value)) throw new Unsupported('key');
    out.set(String(p.key.value), p as Pair<Node, Node | null>);
  }
  return out;
}

/** A value in a form that compares by meaning: JSON with the keys of every mapping sorted. */
export function canonical(node: unknown): string | undefined {
  if (node === undefined) return undefined;
  const value = node !== null && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
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

export function pairRegion(text: string, pair: Pair<Node, Node | null>): Region {
  const start = pair.key.range![0];
  const valueEnd = pair.value?.range ? pair.value.range[1] : pair.key.range![1];
  return { line: lineStart(text, start), start, end: lineEndAfter(text, valueEnd) };
}

/** A block list item: from the line of its dash to the end of its last line. */
export function itemRegion(text: string, item: Node): Region {
  const start = item.range![0];
  const line = lineStart(text, start);
  if (!/^ *- +$/.test(text.slice(line, start))) throw new Unsupported('item');
  return { line, start, end: lineEndAfter(text, item.range![1]) };
}

/** The items of a block list of mappings; undefined when the value is anything else. */
export function blockItems(node: Node | null | undefined): YAMLMap[] | undefined {
  if (!isSeq(node)) return undefined;
  const seq = node as YAMLSeq;
  if (seq.flow && seq.items.length) return undefined;
  return seq.items.every((i) => isMap(i) && !i.flow) ? (seq.items as YAMLMap[]) : undefined;
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
