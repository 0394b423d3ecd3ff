import type { PlanAnalysis } from '../model/plan-analysis';
import {
  ATTITUDES, ATTITUDE_INFO, BUYING_ROLES, CREDITS, FORECAST_CATEGORIES, GIFT_POLICIES, GRID_COMPANY, INFLUENCES, LAYERS, LAYER_INFO,
  LOYALTIES, OWNERSHIPS, PURPOSES, PURPOSE_INFO, RELATIONSHIPS, ROLE_INFO, SEGMENTS, SOURCES, STAGES, STAGE_INFO, TIERS, attitudeLetter,
} from '../model/selling-method';
import { keyDescriptions, objectKindAt, type ObjectKind } from '../parse/plan-keys';
import { ITEM_SNIPPETS, snippetText } from './item-snippets';
import type { Locale } from '../model/finding';
import { stageSteps, translator } from '../i18n/catalogue';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'key' | 'value' | 'reference' | 'snippet' | 'date';
  readonly detail?: string;
  readonly documentation?: string;
  /** Snippet syntax when kind is 'snippet' or a key (`title: `). */
  readonly insertText?: string;
  readonly sortText?: string;
}

export interface CompletionContext {
  readonly text: string;
  readonly offset: number;
  readonly analysis?: PlanAnalysis;
  readonly today: string;
  /** The language of the details (default English). */
  readonly locale?: Locale;
}

/** Completions at a position in a plan's frontmatter, from the line being typed and its parents. */
export function complete(ctx: CompletionContext): CompletionEntry[] {
  const lines = ctx.text.slice(0, ctx.offset).split('\n');
  const line = lines[lines.length - 1].replace(/\r$/, '');
  if (!inFrontmatter(lines)) return [];

  const flowMap = /^\s*(?:- )?attitudes:\s*\{([^}]*)$/.exec(line);
  if (flowMap) {
    const last = flowMap[1].split(',').pop() ?? '';
    return last.includes(':') ? attitudeValues() : stakeholderIds(ctx);
  }
  const flowSeq = /^\s*(?:- )?([\w-]+):\s*\[([^\]]*)$/.exec(line);
  if (flowSeq) return listValues(flowSeq[1], ctx);
  const value = /^\s*(?:- )?([\w-]+):\s+\S*$/.exec(line) ?? /^\s*(?:- )?([\w-]+):$/.exec(line);
  if (value && /:\s/.test(line)) return scalarValues(value[1], parentKey(lines, indentOf(line)), ctx);
  const blockItem = /^(\s*)- (\S*)$/.exec(line);
  if (blockItem) {
    const parent = parentKey(lines, blockItem[1].length + 1);
    const snippet = parent && itemSnippet(parent.key, ctx);
    if (snippet) return [{ ...snippet, insertText: snippet.insertText!.slice(2) }, ...keys(objectAt(lines, blockItem[1].length + 2) ?? 'plan')];
    if (parent) return listValues(parent.key, ctx);
  }
  const key = /^(\s*)(- )?([\w-]*)$/.exec(line);
  if (key) {
    const indent = key[1].length + (key[2] ? 2 : 0);
    const kind = objectAt(lines, indent);
    if (!kind) return [];
    return keys(kind);
  }
  return [];
}

function inFrontmatter(lines: string[]): boolean {
  if (!/^(\uFEFF)?---\s*$/.test(lines[0] ?? '')) return false;
  return !lines.slice(1, -1).some((l) => /^---\s*\r?$/.test(l));
}

const indentOf = (line: string) => {
  const m = /^(\s*)(- )?/.exec(line)!;
  return m[1].length + (m[2] ? 2 : 0);
};

/**
 * The nearest line above with a smaller indent that is a `key:` opening a block. A key's indent
 * counts its `- `: in `  - needs:` the key `needs` is at 4, a sibling of the keys under `- `.
 */
function parentKey(lines: string[], indent: number): { key: string; indent: number; line: number } | undefined {
  for (let i = lines.length - 2; i >= 1; i--) {
    const l = lines[i].replace(/\r$/, '');
    if (!l.trim() || l.trim().startsWith('#')) continue;
    const m = /^(\s*)(- )?([\w-]+):\s*(#.*)?$/.exec(l);
    const keyIndent = m ? m[1].length + (m[2] ? 2 : 0) : /^(\s*)/.exec(l)![1].length;
    if (keyIndent < indent) {
      if (m) return { key: m[3], indent: keyIndent, line: i };
      if (/^\s*- /.test(l)) continue;
      return undefined;
    }
  }
  return undefined;
}

/** The kind of object whose keys start at `indent`, from the keys that open the blocks around it. */
function objectAt(lines: string[], indent: number): ObjectKind | undefined {
  if (indent === 0) return 'plan';
  const chain: string[] = [];
  let want = indent;
  for (let guard = 0; guard < 4; guard++) {
    const p = parentKey(lines, want);
    if (!p) break;
    chain.unshift(p.key);
    if (p.indent === 0) break;
    want = p.indent;
  }
  return chain.length ? objectKindAt(chain) : undefined;
}

/** The keys of an object with their descriptions, both from the schema, in its order. */
function keys(kind: ObjectKind): CompletionEntry[] {
  return keyDescriptions(kind).map(({ key, description }, i) => ({
    label: key, kind: 'key', documentation: description, insertText: key + ': ', sortText: String(i).padStart(2, '0'),
  }));
}

/** The snippet of a new item of the list under `key`, if it is one of the plan's lists. */
function itemSnippet(key: string, ctx: CompletionContext): CompletionEntry | undefined {
  if (!Object.hasOwn(ITEM_SNIPPETS, key)) return undefined;
  const s = ITEM_SNIPPETS[key as keyof typeof ITEM_SNIPPETS];
  return { label: s.label, kind: 'snippet', detail: translator(ctx.locale)(s.detail), insertText: snippetText(s), sortText: s.sortText };
}

function enumValues(values: readonly string[], doc?: (v: string) => string | undefined): CompletionEntry[] {
  return values.map((v, i) => ({ label: v, kind: 'value', detail: doc?.(v), sortText: String(i).padStart(2, '0') }));
}

const attitudeValues = () => enumValues(ATTITUDES, (a) => `${ATTITUDE_INFO[attitudeLetter(a as never)].en} · ${ATTITUDE_INFO[attitudeLetter(a as never)].zh}`);

function stakeholderIds(ctx: CompletionContext): CompletionEntry[] {
  return (ctx.analysis?.facts?.stakeholders ?? []).flatMap((s, i) => (s.stakeholder.id === undefined ? [] : [{
    label: s.stakeholder.id, kind: 'reference' as const, detail: [s.stakeholder.name, s.stakeholder.title].filter(Boolean).join(' · '),
    documentation: s.stakeholder.roles?.join(', '), sortText: String(i).padStart(4, '0'),
  }]));
}

function opportunityIds(ctx: CompletionContext): CompletionEntry[] {
  return (ctx.analysis?.plan?.opportunities ?? []).flatMap((o, i) => (o.id === undefined ? [] : [{
    label: o.id, kind: 'reference' as const, detail: [o.name, o.stage].filter(Boolean).join(' · '), sortText: String(i).padStart(4, '0'),
  }]));
}

function listValues(key: string, ctx: CompletionContext): CompletionEntry[] {
  if (key === 'roles') return enumValues(BUYING_ROLES, (r) => `${ROLE_INFO[r as never as keyof typeof ROLE_INFO].zh} — ${ROLE_INFO[r as keyof typeof ROLE_INFO].caresAbout}`);
  if (key === 'with') return stakeholderIds(ctx);
  return [];
}

function scalarValues(key: string, parent: { key: string } | undefined, ctx: CompletionContext): CompletionEntry[] {
  const t = translator(ctx.locale);
  const today: CompletionEntry = { label: ctx.today, kind: 'date', detail: t('days.today'), sortText: '00' };
  switch (key) {
    case 'stage': return enumValues(STAGES, (s) => {
      const i = STAGE_INFO[s as keyof typeof STAGE_INFO];
      return s === 'lost' ? 'lost (0 %)' : t('completion.stage', {
        probability: i.probability, ourStep: i.ourStep, step: i.customerStep, text: stageSteps(t, s as keyof typeof STAGE_INFO).customerStep, category: i.category,
      });
    });
    case 'attitude': return attitudeValues();
    case 'layer': return enumValues(LAYERS, (l) => LAYER_INFO[l as keyof typeof LAYER_INFO].zh);
    case 'purpose': return enumValues(PURPOSES, (p) => PURPOSE_INFO[p as keyof typeof PURPOSE_INFO].zh);
    case 'tier': return enumValues(TIERS);
    case 'ownership': return enumValues(OWNERSHIPS);
    case 'credit': return enumValues(CREDITS);
    case 'segment': return enumValues(SEGMENTS);
    case 'source': return enumValues(SOURCES);
    case 'relationship': return enumValues(RELATIONSHIPS);
    case 'loyalty': return enumValues(LOYALTIES);
    case 'influence': return enumValues(INFLUENCES);
    case 'forecast': return enumValues(FORECAST_CATEGORIES);
    case 'gifts': return enumValues(GIFT_POLICIES);
    case 'company': return parent?.key === 'grid' ? enumValues(GRID_COMPANY) : [];
    case 'executive': return enumValues(['true', 'false']);
    case 'reports_to': return stakeholderIds(ctx);
    case 'opportunity': return opportunityIds(ctx);
    case 'date': case 'close': case 'left': return [today];
    default: return [];
  }
}
