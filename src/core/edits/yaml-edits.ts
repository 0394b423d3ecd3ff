import { isMap, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { splitFrontmatter, stripBom } from '../parse/frontmatter';
import { newYamlDocument, parseYaml } from '../parse/yaml-document';

/**
 * Text edits to a plan that touch only the bytes they must: comments, quoting, key order and
 * line endings elsewhere stay as they were. Offsets are into the BOM-free text.
 */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type ListKey = 'stakeholders' | 'opportunities' | 'visits';
type Path = readonly (string | number)[];

interface Front {
  readonly text: string;
  readonly base: number;
  readonly end: number;
  readonly doc: Document.Parsed;
  readonly eol: string;
}

function front(raw: string): Front | undefined {
  const text = stripBom(raw);
  const split = splitFrontmatter(text);
  if (split.kind !== 'ok') return undefined;
  const doc = parseYaml(text.slice(split.yamlStart, split.yamlEnd), 'reject');
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  return { text, base: split.yamlStart, end: split.yamlEnd, doc, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** YAML for a value, flow style for inner lists and maps (`with: [a, b]`), as plans are written. */
export function renderYaml(value: unknown, eol = '\n'): string {
  const doc = newYamlDocument(value);
  visit(doc, { Collection: (_key, node, path) => { if (path.length > 2) node.flow = true; } });
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return eol === '\n' ? out : out.replace(/\n/g, eol);
}

const indent = (block: string, pad: string, eol: string) =>
  block.split(eol).map((l) => (l ? pad + l : l)).join(eol);

/** Appends an item to `stakeholders`, `opportunities` or `visits`, creating the list if needed. */
export function appendListItem(raw: string, list: ListKey, item: Record<string, unknown>): TextEdit | undefined {
  const f = front(raw);
  if (!f) return undefined;
  const root = f.doc.contents as unknown as import('yaml').YAMLMap;
  const pair = root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === list);
  const rendered = renderYaml([item], f.eol);
  if (!pair) {
    const at = f.end;
    const needsEol = at > f.base && f.text.slice(at - f.eol.length, at) !== f.eol && f.text[at - 1] !== '\n';
    return { start: at, end: at, newText: `${needsEol ? f.eol : ''}${list}:${f.eol}${indent(rendered, '  ', f.eol)}` };
  }
  const seq = pair.value as Node | null;
  if (isSeq(seq) && !seq.flow && seq.items.length && seq.range) {
    const first = seq.items[0] as Node;
    const pad = dashIndent(f.text, f.base + (first.range ? first.range[0] : seq.range[0]));
    const at = lineStartAtOrAfter(f.text, f.base + seq.range[1]);
    return { start: at, end: at, newText: indent(rendered, pad, f.eol) };
  }
  // Missing, empty or flow list: write it out as a block list under the key.
  const items = isSeq(seq) ? [...(seq.toJSON() as unknown[]), item] : [item];
  const keyEnd = f.base + (pair.key as Node).range![1];
  const valueEnd = seq?.range ? f.base + seq.range[1] : keyEnd + 1;
  return { start: keyEnd, end: valueEnd, newText: `:${f.eol}${indent(renderYaml(items, f.eol), '  ', f.eol)}`.replace(new RegExp(`${f.eol}$`), '') };
}

/** Sets a scalar at `path` (e.g. `['opportunities', 0, 'stage']`), adding the key to its map if absent. */
export function setScalar(raw: string, path: Path, value: string | number | boolean): TextEdit | undefined {
  const f = front(raw);
  if (!f) return undefined;
  const rendered = renderYaml(value).trimEnd();
  const node = f.doc.getIn(path, true) as Node | undefined;
  if (node && isScalar(node) && node.range) {
    return { start: f.base + node.range[0], end: f.base + node.range[1], newText: rendered };
  }
  const parent = f.doc.getIn(path.slice(0, -1), true) as Node | undefined;
  if (!isMap(parent) || !parent.range) return undefined;
  const key = String(path[path.length - 1]);
  if (parent.flow) {
    let at = f.text.lastIndexOf('}', f.base + parent.range[1]);
    while (f.text[at - 1] === ' ') at--;
    return { start: at, end: at, newText: `${parent.items.length ? ', ' : ''}${key}: ${rendered}` };
  }
  const firstKey = parent.items[0]?.key as Node | undefined;
  const pad = firstKey?.range ? ' '.repeat(columnOf(f.text, f.base + firstKey.range[0])) : '';
  const at = lineStartAtOrAfter(f.text, f.base + parent.range[1]);
  return { start: at, end: at, newText: `${pad}${key}: ${rendered}${f.eol}` };
}

/** Applies edits (non-overlapping) to a text; for tests and the CLI. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The indentation before the `-` of a block sequence item whose content starts at `offset`. */
function dashIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const dash = text.indexOf('-', lineStart);
  return ' '.repeat(Math.max(0, dash - lineStart));
}

function lineStartAtOrAfter(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

