import { el } from '../shared/dom';
import { format } from '../../core/i18n/format';
import { isolateBidi } from '../../core/i18n/bidi';
import { daysAgo } from '../../core/i18n/spans';
import type { MapLabels, MapPerson } from './protocol';

/** The hover card: needs, notes and the attitude history of one person, all as text. */
export function tooltipContent(p: MapPerson, labels: MapLabels): HTMLElement {
  const box = el('div', { class: 'tip-body' });
  box.append(el('div', { class: 'tip-name' }, p.name));
  // Two pieces of plan text on one line: each isolated, so a bidi control in the title cannot reorder the department.
  const sub = [p.title, p.department].filter((s): s is string => !!s).map(isolateBidi).join(' · ');
  if (sub) box.append(el('div', { class: 'tip-sub' }, sub));
  const facts = el('dl', { class: 'tip-facts' });
  const fact = (term: string, value: string) => facts.append(el('dt', {}, term), el('dd', {}, value));
  const attitude = p.attitude ? `${p.attitude} · ${labels.attitudes[p.letter ?? 'unknown']}` : labels.attitudes.unknown;
  fact(labels.attitudeTerm, attitude + (p.trend ? ` (${p.trend.from} → ${p.trend.to}, ${labels.trend[p.trend.direction]})` : ''));
  if (p.target?.attitude || p.target?.grid) {
    const t = [p.target.attitude, p.target.grid ? `${p.target.grid.personal}${p.target.grid.company}` : undefined].filter(Boolean).join(' · ');
    fact(labels.target, t);
  }
  if (p.roles.length) fact(labels.rolesTerm, p.roles.map((r) => labels.roles[r] ?? r).join(', '));
  if (p.layer) fact(labels.layerTerm, labels.layers[p.layer]);
  if (p.influence) fact(labels.influenceLabel, labels.influence[p.influence]);
  if (p.grid) fact(labels.modes.grid, `${p.grid.personal}${p.grid.company}`);
  fact(labels.lastContact, p.lastContact ? `${p.lastContact} (${daysAgo((key, params) => format(labels.days[key as keyof typeof labels.days], params), p.daysSinceContact ?? 0)}) · ${labels.freshness[p.freshness]}` : labels.freshness.never);
  box.append(facts);
  if (p.gone && p.left) box.append(el('div', { class: 'tip-left' }, format(labels.left, { date: p.left })));
  list(box, labels.needsCompany, p.needs.company);
  list(box, labels.needsPersonal, p.needs.personal);
  if (p.notes) box.append(el('div', { class: 'tip-head' }, labels.notes), el('div', { class: 'tip-notes' }, p.notes));
  if (p.history.length) {
    box.append(el('div', { class: 'tip-head' }, labels.history));
    box.append(el('div', { class: 'tip-history' }, p.history.map((h) => `${h.date} ${h.attitude}`).join(' → ')));
  }
  return box;
}

function list(box: HTMLElement, head: string, items: readonly string[]): void {
  if (!items.length) return;
  box.append(el('div', { class: 'tip-head' }, head), el('ul', {}, ...items.map((i) => el('li', {}, i))));
}
