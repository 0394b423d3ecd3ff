import { renderScalar, type TextEdit } from '../edits/yaml-edits';
import type { Locale } from '../model/finding';
import { translator } from '../i18n/catalogue';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { offsetsOf, type Hit, type YamlTree } from './yaml-tree';

export type IdKind = 'stakeholder' | 'opportunity';

export interface Occurrence {
  readonly kind: IdKind;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** The `id:` of the item itself, or a reference to it. */
  readonly role: 'definition' | 'reference';
}

/** Every place a stakeholder or opportunity id appears: definitions and references, in file order. */
export function occurrences(tree: YamlTree): Occurrence[] {
  const out: Occurrence[] = [];
  const push = (kind: IdKind, role: Occurrence['role'], node: unknown) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const at = offsetsOf(tree, node as Node);
    if (at) out.push({ kind, id: node.value, role, ...at });
  };
  const root = tree.doc.contents;
  if (!isMap(root)) return out;
  const items = (key: string) => {
    const seq = root.get(key, true);
    return isSeq(seq) ? seq.items.filter(isMap) : [];
  };
  for (const s of items('stakeholders')) {
    push('stakeholder', 'definition', s.get('id', true));
    push('stakeholder', 'reference', s.get('reports_to', true));
  }
  for (const o of items('opportunities')) push('opportunity', 'definition', o.get('id', true));
  for (const v of items('visits')) {
    const withList = v.get('with', true);
    if (isSeq(withList)) withList.items.forEach((n) => push('stakeholder', 'reference', n));
    push('opportunity', 'reference', v.get('opportunity', true));
    const attitudes = v.get('attitudes', true);
    if (isMap(attitudes)) attitudes.items.forEach((p) => { if (isPair(p)) push('stakeholder', 'reference', p.key); });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The id occurrence under the cursor, if any. */
export function occurrenceAt(tree: YamlTree, offset: number): Occurrence | undefined {
  return occurrences(tree).find((o) => o.start <= offset && offset <= o.end);
}

export const sameSymbol = (a: Occurrence) => (b: Occurrence) => a.kind === b.kind && a.id === b.id;

/** What a path names: a stakeholder or opportunity id position. */
export function idKindOfHit(hit: Hit): IdKind | undefined {
  const [top, , key, , ] = hit.path;
  if (top === 'stakeholders' && (key === 'id' || key === 'reports_to') && hit.part === 'value') return 'stakeholder';
  if (top === 'opportunities' && key === 'id' && hit.part === 'value') return 'opportunity';
  if (top === 'visits' && key === 'with' && hit.part === 'value') return 'stakeholder';
  if (top === 'visits' && key === 'opportunity' && hit.part === 'value') return 'opportunity';
  if (top === 'visits' && key === 'attitudes' && hit.part === 'key' && hit.path.length === 4) return 'stakeholder';
  return undefined;
}

/** Edits that rename the id under the cursor everywhere it appears in the plan. */
export function renameEdits(tree: YamlTree, offset: number, newId: string, locale: Locale = 'en'): { edits: TextEdit[] } | { error: string } {
  const t = translator(locale);
  const at = occurrenceAt(tree, offset);
  if (!at) return { error: t('rename.notAnId') };
  if (!/^\S+$/.test(newId)) return { error: t('rename.whiteSpace') };
  const all = occurrences(tree);
  if (newId !== at.id && all.some((o) => o.kind === at.kind && o.role === 'definition' && o.id === newId)) {
    return { error: t('rename.taken', { kind: at.kind, id: newId }) };
  }
  const text = renderScalar(newId);
  return { edits: all.filter(sameSymbol(at)).map((o) => ({ start: o.start, end: o.end, newText: text })) };
}
