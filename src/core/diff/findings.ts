import type { Finding, RuleCode } from '../model/finding';
import { stripBom } from '../parse/frontmatter';
import type { LoadedPlan } from './accounts';

export interface FindingChange {
  /** What makes two findings the same across the sides (see `findingKey`). */
  readonly key: string;
  /** The finding as the engine reported it: the after side's, or the before side's when fixed. */
  readonly finding: Finding;
}

export interface FindingsDiff {
  readonly introduced: readonly FindingChange[];
  readonly fixed: readonly FindingChange[];
  readonly unchanged: readonly FindingChange[];
}

/** What a finding is about, from its data: a person or deal id, a role, a key, a kind of item. */
const IDENTITY = ['id', 'role', 'key', 'kind'] as const;
/** Rules whose findings name nothing in their data: the text they point at tells them apart. */
const ANCHORED: ReadonlySet<RuleCode> = new Set<RuleCode>(['AP001', 'AP002', 'AP006', 'AP050']);

/**
 * Line numbers move, so findings are matched by rule, by what they are about and, for value
 * errors, by the text they point at. Counts, days and dates in the message are left out: a
 * stale account that got a visit but is still stale is the same finding.
 */
export function findingKey(f: Finding, text: string): string {
  const parts: (string | number | boolean)[] = [f.code];
  for (const name of IDENTITY) {
    const v = f.data?.[name];
    if (v !== undefined) parts.push(name, Array.isArray(v) ? v.join(',') : (v as string | number | boolean));
  }
  if (parts.length === 1 && ANCHORED.has(f.code)) parts.push('at', text.slice(f.offset.start, f.offset.end));
  return JSON.stringify(parts);
}

/**
 * The checker's findings on each side, paired by key (several with one key pair in order). A side
 * that is absent or does not parse contributes what the checker reports for it: nothing, or its
 * parse error; so a plan that breaks shows its error introduced and its rule findings fixed.
 */
export function findingsDiff(before: LoadedPlan | undefined, after: LoadedPlan | undefined): FindingsDiff {
  const old = new Map<string, Finding[]>();
  const oldText = stripBom(before?.text ?? '');
  for (const f of before?.analysis.findings ?? []) {
    const key = findingKey(f, oldText);
    const list = old.get(key);
    if (list) list.push(f);
    else old.set(key, [f]);
  }
  const introduced: FindingChange[] = [];
  const unchanged: FindingChange[] = [];
  const newText = stripBom(after?.text ?? '');
  for (const f of after?.analysis.findings ?? []) {
    const key = findingKey(f, newText);
    const list = old.get(key);
    if (list?.length) {
      list.shift();
      unchanged.push({ key, finding: f });
    } else introduced.push({ key, finding: f });
  }
  const fixed = [...old].flatMap(([key, list]) => list.map((finding) => ({ key, finding })));
  fixed.sort((x, y) => x.finding.offset.start - y.finding.offset.start);
  return { introduced, fixed, unchanged };
}
