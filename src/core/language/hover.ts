import type { PlanAnalysis } from '../model/plan-analysis';
import { daysBetween } from '../model/dates';
import type { Locale } from '../model/finding';
import { daysAgo, stageSteps, translator, type Translate } from '../i18n/catalogue';
import {
  ATTITUDE_INFO, LAYER_INFO, PURPOSE_INFO, ROLE_INFO, STAGE_INFO, attitudeLetter, type Attitude, type BuyingRole, type Layer, type Purpose, type Stage,
} from '../model/selling-method';
import { keyDescription, objectKindAt } from '../parse/plan-keys';
import { idKindOfHit } from './occurrences';
import { nodeAt, type YamlTree } from './yaml-tree';

export interface HoverInfo {
  /** Markdown; plan text in it is escaped by the caller's renderer (no HTML is produced). */
  readonly lines: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** What the word under the cursor means: a stage, an attitude, a role, a person, a deal, a key. */
export function hoverAt(tree: YamlTree, offset: number, analysis: PlanAnalysis | undefined, format: (amount: number, currency: string) => string, locale: Locale = 'en'): HoverInfo | undefined {
  const t = translator(locale);
  const hit = nodeAt(tree, offset);
  if (!hit) return undefined;
  const at = { start: hit.start, end: hit.end };
  const key = hit.path[hit.path.length - 1];
  if (hit.part === 'key') {
    const idKind = idKindOfHit(hit);
    if (idKind === 'stakeholder') return { ...at, lines: personLines(String(key), analysis, t) };
    // Only keys of an object with fixed keys have a description; a key of an open map (personal, contact) has none.
    const kind = objectKindAt(hit.path.slice(0, -1));
    const doc = kind && keyDescription(kind, String(key));
    return doc ? { ...at, lines: [`**${String(key)}** — ${doc}`] } : undefined;
  }
  const value = String(hit.value ?? '');
  const idKind = idKindOfHit(hit);
  if (idKind === 'stakeholder') return { ...at, lines: personLines(value, analysis, t) };
  if (idKind === 'opportunity') return { ...at, lines: dealLines(value, analysis, format, t) };
  const parentKey = typeof key === 'number' ? hit.path[hit.path.length - 2] : key;
  const inAttitudes = hit.path.includes('attitudes');
  if (parentKey === 'stage' && value in STAGE_INFO) return { ...at, lines: stageLines(value as Stage, t) };
  if ((parentKey === 'attitude' || inAttitudes) && /^[A-E][+-]?$/.test(value)) return { ...at, lines: [attitudeLine(value as Attitude)] };
  if (parentKey === 'roles' && value in ROLE_INFO) {
    const r = ROLE_INFO[value as BuyingRole];
    return { ...at, lines: [`**${value}** · ${r.zh} — ${t(`role.${value as BuyingRole}.cares`)}`] };
  }
  if (parentKey === 'layer' && value in LAYER_INFO) return { ...at, lines: [`**${value}** · ${LAYER_INFO[value as Layer].zh}`] };
  if (parentKey === 'purpose' && value in PURPOSE_INFO) return { ...at, lines: [`**${value}** · ${PURPOSE_INFO[value as Purpose].zh}`] };
  return undefined;
}

/** Plan text inside hover Markdown: every Markdown character escaped, so a name is only ever text. */
export const esc = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');

function stageLines(s: Stage, t: Translate = translator()): string[] {
  const i = STAGE_INFO[s];
  if (s === 'lost') return [t('hover.lost')];
  return [
    t('hover.stage', { stage: s, probability: i.probability, category: i.category }),
    t('hover.ourStep', { step: i.ourStep }),
    t('hover.customerStep', { step: i.customerStep, text: stageSteps(t, s).customerStep }),
  ];
}

const attitudeLine = (a: Attitude): string => {
  const info = ATTITUDE_INFO[attitudeLetter(a)];
  return `**${a}** — ${info.en} (${info.zh})`;
};

function personLines(id: string, analysis: PlanAnalysis | undefined, t: Translate): string[] {
  const facts = analysis?.facts?.stakeholders.filter((s) => s.stakeholder.id === id) ?? [];
  if (!facts.length) return [t('noSuchStakeholder', { id: esc(id) })];
  return facts.flatMap((s) => {
    const p = s.stakeholder;
    const history = s.history.map((h) => `${h.date} ${h.attitude}`).join(' → ');
    const contact = s.lastContact && analysis?.facts
      ? t('hover.lastContactSince', { date: s.lastContact, ago: daysAgo(t, daysBetween(s.lastContact, analysis.facts.today)) })
      : t('hover.lastContact', { date: s.lastContact ?? t('never') });
    return [
      `**${esc(p.name ?? id)}**${p.title ? ` · ${esc(p.title)}` : ''}${s.gone ? ` · ${t('hover.left', { date: p.left ?? '' })}` : ''}`,
      t('hover.person', { roles: p.roles?.join(', ') || '—', layer: p.layer ?? '—', attitude: s.attitude ?? t('hover.unknown') }),
      t('hover.history', { history: history || '—' }),
      contact,
    ];
  });
}

function dealLines(id: string, analysis: PlanAnalysis | undefined, format: (amount: number, currency: string) => string, t: Translate): string[] {
  const o = analysis?.facts?.opportunities.find((x) => x.opportunity.id === id);
  if (!o) return [t('noSuchOpportunity', { id: esc(id) })];
  const d = o.opportunity;
  return [
    t('hover.deal', { name: esc(d.name ?? id), stage: o.stage ?? '?', probability: o.probability }),
    t('hover.amounts', {
      amount: d.amount !== undefined ? format(d.amount, o.currency) : '—',
      weighted: o.weighted !== undefined ? format(o.weighted, o.currency) : '—',
    }),
    ...(d.close ? [t('hover.close', { date: d.close })] : []),
  ];
}
