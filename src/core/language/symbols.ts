import { isMap, isSeq, type Node } from 'yaml';
import type { PlanAnalysis } from '../model/plan-analysis';
import { nodeOf, offsetsOf, type YamlTree } from './yaml-tree';

export interface PlanSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: 'account' | 'group' | 'person' | 'deal' | 'visit';
  readonly start: number;
  readonly end: number;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: readonly PlanSymbol[];
}

/** The outline: the account, then its stakeholders, opportunities and visits. */
export function documentSymbols(tree: YamlTree, analysis: PlanAnalysis | undefined): PlanSymbol[] {
  const plan = analysis?.plan;
  const root = tree.doc.contents;
  if (!isMap(root)) return [];
  const out: PlanSymbol[] = [];
  const account = offsetsOf(tree, nodeOf(tree, ['account']));
  if (account) out.push({ name: String(plan?.account ?? ''), detail: [plan?.tier, plan?.owner].filter(Boolean).join(' · '), kind: 'account', ...span(account, account), children: [] });
  const group = (key: 'stakeholders' | 'opportunities' | 'visits', kind: PlanSymbol['kind'], describe: (i: number) => [string, string] | undefined) => {
    const seq = nodeOf(tree, [key]);
    const keyNode = root.items.find((p) => (p.key as { value?: unknown })?.value === key)?.key as Node | undefined;
    const keyAt = offsetsOf(tree, keyNode);
    if (!isSeq(seq) || !keyAt) return;
    const children = seq.items.flatMap((item, i) => {
      const at = offsetsOf(tree, item as Node);
      const d = describe(i);
      if (!at || !d) return [];
      const sel = offsetsOf(tree, nodeOf(tree, [key, i, kind === 'visit' ? 'date' : 'id'])) ?? at;
      return [{ name: d[0], detail: d[1], kind, ...span(at, sel), children: [] }];
    });
    const whole = offsetsOf(tree, seq) ?? keyAt;
    out.push({ name: key, detail: String(children.length), kind: 'group', ...span({ start: keyAt.start, end: whole.end }, keyAt), children });
  };
  const person = (i: number) => plan?.stakeholders.find((s) => s.index === i);
  group('stakeholders', 'person', (i) => {
    const s = person(i);
    return s ? [s.name ?? s.id ?? `#${i + 1}`, [s.title, s.roles?.join(', ')].filter(Boolean).join(' · ')] : undefined;
  });
  group('opportunities', 'deal', (i) => {
    const o = plan?.opportunities.find((x) => x.index === i);
    return o ? [o.name ?? o.id ?? `#${i + 1}`, [o.stage, o.close].filter(Boolean).join(' · ')] : undefined;
  });
  group('visits', 'visit', (i) => {
    const v = plan?.visits.find((x) => x.index === i);
    if (!v) return undefined;
    const names = (v.with ?? []).map((id) => plan?.stakeholders.find((s) => s.id === id)?.name ?? id).join(', ');
    return [[v.date, v.purpose].filter(Boolean).join(' '), names];
  });
  return out;
}

const span = (at: { start: number; end: number }, sel: { start: number; end: number }) =>
  ({ start: at.start, end: at.end, selectionStart: sel.start, selectionEnd: sel.end });
