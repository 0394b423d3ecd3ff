import { closest, distance } from 'fastest-levenshtein';
import { isMap, isPair, isScalar, visit, type Node } from 'yaml';
import { yamlTree } from './yaml-tree';
import type { PlanAnalysis } from '../model/plan-analysis';
import { appendListItem, renderScalar, type TextEdit } from '../edits/yaml-edits';
import type { Finding, Locale } from '../model/finding';
import { translator, type Translate } from '../i18n/catalogue';

export interface CodeFix {
  readonly title: string;
  readonly edits?: readonly TextEdit[];
  /** A command to run instead of an edit (e.g. the Log Visit prompts). */
  readonly command?: string;
  readonly preferred?: boolean;
}

const replace = (f: Finding, newText: string): TextEdit => ({ start: f.offset.start, end: f.offset.end, newText });

/** The quick fixes for one finding; each is a single edit that changes only the bytes it must. */
export function fixesFor(text: string, f: Finding, analysis: PlanAnalysis | undefined, today: string, locale: Locale = 'en'): CodeFix[] {
  const d = f.data ?? {};
  const t = translator(locale);
  switch (f.code) {
    case 'AP003':
      return typeof d.suggestion === 'string' ? [{ title: t('fix.changeKey', { key: String(d.key), suggestion: d.suggestion }), edits: [replace(f, d.suggestion)], preferred: true }] : [];
    case 'AP005':
      return existingIds(analysis, d.kind === 'opportunity' ? 'opportunity' : 'stakeholder', String(d.id ?? ''), siblingKeys(text, f.offset.start))
        .map((id, i) => ({ title: t('fix.changeId', { id }), edits: [replace(f, renderScalar(id))], preferred: i === 0 }));
    case 'AP010': {
      const role = String(d.role);
      const edit = appendListItem(text, 'stakeholders', placeholder(role, analysis, t));
      return edit ? [{ title: t('fix.addPlaceholder', { role }), edits: [edit], preferred: true }] : [];
    }
    case 'AP040':
      return typeof d.recorded === 'string' ? [{ title: t('fix.setAttitude', { attitude: d.recorded }), edits: [replace(f, d.recorded)], preferred: true }] : [];
    case 'AP030':
      return closeDates(today).map((date, i) => ({ title: t('fix.moveClose', { date }), edits: [replace(f, date)], preferred: i === 0 }));
    case 'AP020':
    case 'AP021':
      return [{ title: t('fix.logVisit'), command: 'accountPlans.logVisit' }];
    default:
      return [];
  }
}

/** Existing ids closest to the one that names nothing, best first (at most five). */
function existingIds(analysis: PlanAnalysis | undefined, kind: 'stakeholder' | 'opportunity', wrong: string, taken: ReadonlySet<string>): string[] {
  const list = kind === 'stakeholder' ? analysis?.plan?.stakeholders ?? [] : analysis?.plan?.opportunities ?? [];
  const ids = [...new Set(list.flatMap((x) => (x.id === undefined || taken.has(x.id) ? [] : [x.id])))];
  if (!ids.length) return [];
  const best = closest(wrong, ids);
  return [best, ...ids.filter((x) => x !== best).sort((a, b) => distance(wrong, a) - distance(wrong, b) || a.localeCompare(b))].slice(0, 5);
}

/**
 * When the reference at `offset` is a mapping key (`attitudes: {bob: B, ann: A}`), the other keys
 * of that mapping: changing it to one of them would write the same key twice.
 */
function siblingKeys(text: string, offset: number): Set<string> {
  const tree = yamlTree(text);
  const out = new Set<string>();
  if (!tree) return out;
  visit(tree.doc, {
    Pair: (_key, pair, path) => {
      const k = pair.key as Node | null;
      const parent = path[path.length - 1];
      if (!isScalar(k) || !k.range || tree.base + k.range[0] !== offset || !isMap(parent)) return undefined;
      for (const p of parent.items) if (isPair(p) && p !== pair && isScalar(p.key)) out.add(String(p.key.value));
      return visit.BREAK;
    },
  });
  return out;
}

function placeholder(role: string, analysis: PlanAnalysis | undefined, t: Translate): Record<string, unknown> {
  const taken = new Set(analysis?.plan?.stakeholders.map((s) => s.id) ?? []);
  let id = `${role}-tbd`;
  for (let n = 2; taken.has(id); n++) id = `${role}-tbd-${n}`;
  return { id, name: t('fix.placeholderName', { role }), roles: [role] };
}

/** The last day of this quarter (when still ahead) and of the next one. */
export function closeDates(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const end = (year: number, quarter: number) => {
    const yy = year + Math.floor(quarter / 4);
    const qq = quarter % 4;
    const last = new Date(Date.UTC(yy, qq * 3 + 3, 0));
    return last.toISOString().slice(0, 10);
  };
  return [end(y, q), end(y, q + 1)].filter((d) => d > today);
}
