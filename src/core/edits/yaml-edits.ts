import { isMap, isPair, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { splitFrontmatter, stripBom } from '../parse/frontmatter';
import { newYamlDocument, parseYaml } from '../parse/yaml-document';
import { columnOf, dashIndent, dominantEol, indentBlock, keepCommentApart, lineEndAt, lineStartAtOrAfter, trimEnd } from './text-lines';

/**
 * Text edits to a plan that touch only the bytes they must: comments, quoting, key order, flow
 * style and line endings elsewhere stay as they were. Offsets are into the BOM-free text.
 * test/unit/edit-properties.test.ts checks this on generated plans.
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
  readonly doc: Document.Parsed;
  readonly root: YAMLMap;
  readonly eol: string;
}

function front(raw: string): Front | undefined {
  const text = stripBom(raw);
  const split = splitFrontmatter(text);
  if (split.kind !== 'ok') return undefined;
  // The closing `---` follows a lone CR: YAML sees no line break there, so no line can be added.
  if (split.yamlEnd > split.yamlStart && text[split.yamlEnd - 1] !== '\n') return undefined;
  const doc = parseYaml(text.slice(split.yamlStart, split.yamlEnd), 'reject');
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  return { text, base: split.yamlStart, doc, root: doc.contents as YAMLMap, eol: dominantEol(text) };
}

/** YAML for a value, flow style for inner lists and maps (`with: [a, b]`), as plans are written. */
export function renderYaml(value: unknown, eol = '\n'): string {
  const doc = newYamlDocument(value);
  visit(doc, { Collection: (_key, node, path) => { if (path.length > 2) node.flow = true; } });
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return eol === '\n' ? out : out.replace(/\n/g, eol);
}

/** A value in flow style on one line (`{id: a, roles: [coach]}`), for a flow list or mapping. */
export function renderFlow(value: unknown): string {
  const doc = newYamlDocument(value);
  visit(doc, { Collection: (_key, node) => { node.flow = true; } });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

/** A scalar as it may stand anywhere, in a flow collection too (`"a, b"` quoted, `C` plain). */
export function renderScalar(value: string | number | boolean): string {
  return renderFlow([value]).slice(1, -1);
}

const keyIs = (p: unknown, key: string | number): p is Pair<Node, Node | null> =>
  isPair(p) && isScalar(p.key) && (p.key.value === key || String(p.key.value) === String(key));

/** Appends an item to `stakeholders`, `opportunities` or `visits`, creating the list if needed. */
export function appendListItem(raw: string, list: ListKey, item: Record<string, unknown>): TextEdit | undefined {
  const f = front(raw);
  if (!f) return undefined;
  const pair = f.root.items.find((p) => keyIs(p, list));
  if (!pair) return f.root.flow ? addToFlowMap(f, f.root, `${list}: [${renderFlow(item)}]`) : addRootKey(f, list, item);
  const value = pair.value;
  if (isSeq(value) && value.flow && (f.root.flow || !isBlank(f, value))) return appendToFlowSeq(f, value, item);
  if (isSeq(value) && !value.flow) return appendToBlockSeq(f, value, item);
  if (!isEmpty(value) && !isSeq(value)) return undefined; // not a list: nothing to append to
  if (f.root.flow) return replaceNode(f, value, `[${renderFlow(item)}]`);
  return emptyToBlockList(f, pair, item);
}

/** A null value: `visits:`, `visits: ~`, `visits: null`. */
const isEmpty = (n: Node | null): n is Node => isScalar(n) && n.value === null;

/** A flow list with nothing but white space between its brackets. */
function isBlank(f: Front, seq: YAMLSeq): boolean {
  return !seq.items.length && !!seq.range && /^\[[ \t\r\n]*\]$/.test(f.text.slice(f.base + seq.range[0], f.base + seq.range[1]));
}

function addRootKey(f: Front, list: ListKey, item: Record<string, unknown>): TextEdit {
  // After the root mapping: before a `...` end marker and the comments after the last key.
  const end = f.root.range ? f.base + f.root.range[1] : f.text.length;
  const at = lineStartAtOrAfter(f.text, end);
  return { start: at, end: at, newText: `${list}:${f.eol}${indentBlock(renderYaml([item], f.eol), '  ', f.eol)}` };
}

function appendToBlockSeq(f: Front, seq: YAMLSeq, item: Record<string, unknown>): TextEdit | undefined {
  const first = seq.items[0] as Node | undefined;
  if (!seq.range || !first) return undefined;
  const pad = dashIndent(f.text, f.base + (first.range ? first.range[0] : seq.range[0]));
  const at = lineStartAtOrAfter(f.text, f.base + seq.range[1]);
  return { start: at, end: at, newText: indentBlock(renderYaml([item], f.eol), pad, f.eol) };
}

/** `visits:` (a comment after it stays on its line), `visits: ~`, `visits: []` become a block list. */
function emptyToBlockList(f: Front, pair: Pair<Node, Node | null>, item: Record<string, unknown>): TextEdit | undefined {
  const value = pair.value;
  if (!value?.range || !pair.key.range) return undefined;
  const pad = ' '.repeat(columnOf(f.text, f.base + pair.key.range[0]) + 2);
  const block = f.eol + indentBlock(renderYaml([item], f.eol), pad, f.eol).slice(0, -f.eol.length);
  const [vs, ve] = [f.base + value.range[0], f.base + value.range[1]];
  const written = vs < ve && f.text.slice(vs, ve).trim() !== '';
  if (!written) {
    const at = lineEndAt(f.text, f.base + pair.key.range[1]);
    return { start: at, end: at, newText: block };
  }
  // Drop the written value (`~`, `[]`) and the blanks before it; keep the rest of its line.
  let start = vs;
  while (start > 0 && (f.text[start - 1] === ' ' || f.text[start - 1] === '\t')) start--;
  const lineEnd = lineEndAt(f.text, ve);
  const rest = f.text.slice(ve, lineEnd);
  return { start, end: lineEnd, newText: (rest.trim() ? ` ${rest.trimStart()}` : rest) + block };
}

/** Adds an item after the last one of a flow list, so comments inside the brackets stay. */
function appendToFlowSeq(f: Front, seq: YAMLSeq, item: Record<string, unknown>): TextEdit | undefined {
  if (!seq.range) return undefined;
  const last = seq.items[seq.items.length - 1];
  if (last === undefined) {
    const at = f.base + seq.range[0] + 1;
    return { start: at, end: at, newText: keepCommentApart(f.text, at, renderFlow(item)) };
  }
  const at = endOfEntry(f, last);
  return at === undefined ? undefined : { start: at, end: at, newText: `, ${renderFlow(item)}` };
}

/** Adds `key: value` after the last entry of a flow mapping. */
function addToFlowMap(f: Front, map: YAMLMap, entry: string): TextEdit | undefined {
  if (!map.range) return undefined;
  const last = map.items[map.items.length - 1];
  if (last === undefined) {
    const at = f.base + map.range[0] + 1;
    return { start: at, end: at, newText: keepCommentApart(f.text, at, entry) };
  }
  const at = endOfEntry(f, last);
  return at === undefined ? undefined : { start: at, end: at, newText: `, ${entry}` };
}

/** Where a flow collection's entry (a node, or a pair) ends, without the blanks after it. */
function endOfEntry(f: Front, entry: unknown): number | undefined {
  const ends: number[] = [];
  const add = (n: unknown) => {
    const r = (n as Node | null)?.range;
    if (r && !(isScalar(n) && n.value === null && r[0] === r[1])) ends.push(trimEnd(f.text, f.base + r[0], f.base + r[1]));
  };
  if (isPair(entry)) {
    add(entry.key);
    add(entry.value);
  } else add(entry);
  return ends.length ? Math.max(...ends) : undefined;
}

/** Replaces a value node by `newText` (a null in place, keeping a comment after it apart). */
function replaceNode(f: Front, node: Node, newText: string): TextEdit | undefined {
  if (!node.range) return undefined;
  const start = f.base + node.range[0];
  if (isEmpty(node) && node.range[0] === node.range[1]) {
    const spaced = f.text[start - 1] === ':' ? ` ${newText}` : newText;
    return { start, end: start, newText: keepCommentApart(f.text, start, spaced) };
  }
  const end = trimEnd(f.text, start, f.base + node.range[1]);
  return { start, end, newText: newText + blockHeaderComment(f.text.slice(start, end)) };
}

/** A block scalar's header comment (`>- # was D`), which replacing the scalar must keep. */
function blockHeaderComment(source: string): string {
  const header = /^[|>][-+0-9]*([ \t]+#(?:[^\r\n]|\r(?!\n))*)/.exec(source);
  return header ? header[1] : '';
}

/** Sets a scalar at `path` (e.g. `['opportunities', 0, 'stage']`), adding the key to its map if absent. */
export function setScalar(raw: string, path: Path, value: string | number | boolean): TextEdit | undefined {
  const f = front(raw);
  if (!f || !path.length) return undefined;
  const parent = path.length === 1 ? f.root : f.doc.getIn(path.slice(0, -1), true) as Node | undefined;
  if (!isMap(parent) || !parent.range) return undefined;
  const key = path[path.length - 1];
  const pair = parent.items.find((p) => keyIs(p, key));
  if (pair) return pair.value ? replaceNode(f, pair.value, renderScalar(value)) : undefined;
  const entry = renderFlow({ [String(key)]: value }).slice(1, -1);
  if (parent.flow) return addToFlowMap(f, parent, entry);
  const firstKey = parent.items[0]?.key as Node | undefined;
  const pad = firstKey?.range ? ' '.repeat(columnOf(f.text, f.base + firstKey.range[0])) : '';
  const at = lineStartAtOrAfter(f.text, f.base + parent.range[1]);
  return { start: at, end: at, newText: `${pad}${entry}${f.eol}` };
}

/** Applies edits (non-overlapping) to a text; for tests and the CLI. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The edit that undoes `edit` once it has been applied to `text`. */
export function reverseEdit(text: string, edit: TextEdit): TextEdit {
  return { start: edit.start, end: edit.start + edit.newText.length, newText: text.slice(edit.start, edit.end) };
}
