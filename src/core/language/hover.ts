import type { PlanAnalysis } from '../model/plan-analysis';
import { daysBetween } from '../model/dates';
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
export function hoverAt(tree: YamlTree, offset: number, analysis: PlanAnalysis | undefined, format: (amount: number, currency: string) => string): HoverInfo | undefined {
  const hit = nodeAt(tree, offset);
  if (!hit) return undefined;
  const at = { start: hit.start, end: hit.end };
  const key = hit.path[hit.path.length - 1];
  if (hit.part === 'key') {
    const idKind = idKindOfHit(hit);
    if (idKind === 'stakeholder') return { ...at, lines: personLines(String(key), analysis) };
    // Only keys of an object with fixed keys have a description; a key of an open map (personal, contact) has none.
    const kind = objectKindAt(hit.path.slice(0, -1));
    const doc = kind && keyDescription(kind, String(key));
    return doc ? { ...at, lines: [`**${String(key)}** — ${doc}`] } : undefined;
  }
  const value = String(hit.value ?? '');
  const idKind = idKindOfHit(hit);
  if (idKind === 'stakeholder') return { ...at, lines: personLines(value, analysis) };
  if (idKind === 'opportunity') return { ...at, lines: dealLines(value, analysis, format) };
  const parentKey = typeof key === 'number' ? hit.path[hit.path.length - 2] : key;
  const inAttitudes = hit.path.includes('attitudes');
  if (parentKey === 'stage' && value in STAGE_INFO) return { ...at, lines: stageLines(value as Stage) };
  if ((parentKey === 'attitude' || inAttitudes) && /^[A-E][+-]?$/.test(value)) return { ...at, lines: [attitudeLine(value as Attitude)] };
  if (parentKey === 'roles' && value in ROLE_INFO) {
    const r = ROLE_INFO[value as BuyingRole];
    return { ...at, lines: [`**${value}** · ${r.zh} — ${r.caresAbout}`] };
  }
  if (parentKey === 'layer' && value in LAYER_INFO) return { ...at, lines: [`**${value}** · ${LAYER_INFO[value as Layer].zh}`] };
  if (parentKey === 'purpose' && value in PURPOSE_INFO) return { ...at, lines: [`**${value}** · ${PURPOSE_INFO[value as Purpose].zh}`] };
  return undefined;
}

/** Plan text inside hover Markdown: every Markdown character escaped, so a name is only ever text. */
export const esc = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');

export function stageLines(s: Stage): string[] {
  const i = STAGE_INFO[s];
  if (s === 'lost') return ['**lost** — 0 %, not in the forecast'];
  return [
    `**Stage ${s}** — ${i.probability} %, forecast category **${i.category}**`,
    `Our step: ${i.ourStep}`,
    `The customer's step: ${i.customerStep} of 8, ${i.customerStepText}`,
  ];
}

export const attitudeLine = (a: Attitude): string => {
  const info = ATTITUDE_INFO[attitudeLetter(a)];
  return `**${a}** — ${info.en} (${info.zh})`;
};

function personLines(id: string, analysis: PlanAnalysis | undefined): string[] {
  const facts = analysis?.facts?.stakeholders.filter((s) => s.stakeholder.id === id) ?? [];
  if (!facts.length) return [`No stakeholder has the id ${esc(id)}.`];
  return facts.flatMap((s) => {
    const p = s.stakeholder;
    const history = s.history.map((h) => `${h.date} ${h.attitude}`).join(' → ');
    const since = s.lastContact && analysis?.facts ? ` (${daysBetween(s.lastContact, analysis.facts.today)} days ago)` : '';
    return [
      `**${esc(p.name ?? id)}**${p.title ? ` · ${esc(p.title)}` : ''}${s.gone ? ` · left ${p.left}` : ''}`,
      `Roles: ${p.roles?.join(', ') || '—'} · layer: ${p.layer ?? '—'} · attitude: ${s.attitude ?? 'unknown'}`,
      `Attitude history: ${history || '—'}`,
      `Last contact: ${s.lastContact ?? 'never'}${since}`,
    ];
  });
}

function dealLines(id: string, analysis: PlanAnalysis | undefined, format: (amount: number, currency: string) => string): string[] {
  const o = analysis?.facts?.opportunities.find((x) => x.opportunity.id === id);
  if (!o) return [`No opportunity has the id ${esc(id)}.`];
  const d = o.opportunity;
  return [
    `**${esc(d.name ?? id)}** · stage ${o.stage ?? '?'} (${o.probability} %)`,
    `Amount: ${d.amount !== undefined ? format(d.amount, o.currency) : '—'} · weighted: ${o.weighted !== undefined ? format(o.weighted, o.currency) : '—'}`,
    ...(d.close ? [`Close: ${d.close}`] : []),
  ];
}
