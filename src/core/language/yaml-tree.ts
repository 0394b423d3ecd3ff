import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { splitFrontmatter, stripBom } from '../parse/frontmatter';
import { parseYaml } from '../parse/yaml-document';

export type PathKey = string | number;

/** A plan's frontmatter parsed for editor features: tolerant of errors, offsets into the BOM-free text. */
export interface YamlTree {
  readonly text: string;
  readonly base: number;
  readonly end: number;
  readonly doc: Document.Parsed;
}

const trees = new Map<string, YamlTree | undefined>();
/** Parses once per text (a small cache: completion, hover and lenses ask for the same buffer). */
export function yamlTree(raw: string): YamlTree | undefined {
  if (trees.has(raw)) return trees.get(raw);
  const text = stripBom(raw);
  const split = splitFrontmatter(text);
  let tree: YamlTree | undefined;
  if (split.kind === 'ok') {
    const doc = parseYaml(text.slice(split.yamlStart, split.yamlEnd), 'tolerate');
    tree = { text, base: split.yamlStart, end: split.yamlEnd, doc };
  }
  trees.set(raw, tree);
  if (trees.size > 8) trees.delete(trees.keys().next().value as string);
  return tree;
}

export interface Hit {
  readonly path: readonly PathKey[];
  readonly part: 'key' | 'value';
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
}

/** The key or scalar value under `offset`, with its path (`['stakeholders', 1, 'attitude']`). */
export function nodeAt(tree: YamlTree, offset: number): Hit | undefined {
  const rel = offset - tree.base;
  const inside = (n: Node | null | undefined) => !!n?.range && n.range[0] <= rel && rel <= n.range[1];
  const walk = (node: unknown, path: PathKey[]): Hit | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const name = isScalar(key) ? (key.value as PathKey) : String(key);
        if (isScalar(key) && inside(key)) return hit([...path, String(name)], 'key', key);
        if (inside(pair.value as Node)) return walk(pair.value, [...path, String(name)]);
      }
      return undefined;
    }
    if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) if (inside(node.items[i] as Node)) return walk(node.items[i], [...path, i]);
      return undefined;
    }
    if (isScalar(node) && inside(node)) return hit(path, 'value', node);
    return undefined;
  };
  const hit = (path: PathKey[], part: Hit['part'], n: Node & { value?: unknown }): Hit =>
    ({ path, part, start: tree.base + n.range![0], end: tree.base + n.range![1], value: n.value });
  return walk(tree.doc.contents, []);
}

export function nodeOf(tree: YamlTree, path: readonly PathKey[]): Node | undefined {
  return (tree.doc.getIn(path, true) ?? undefined) as Node | undefined;
}

export function offsetsOf(tree: YamlTree, node: Node | null | undefined): { start: number; end: number } | undefined {
  return node?.range ? { start: tree.base + node.range[0], end: tree.base + node.range[1] } : undefined;
}
