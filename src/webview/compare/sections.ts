/** The Compare page's parts: tiles, lists of changes and the deal and people tables. Plan text goes in as text nodes only. */
import { el } from '../shared/dom';
import type { AccountPanel, CompareLabels, DealChangeRow, Move, PanelLine, PersonChangeRow, Tile } from './protocol';

const toneClass = (tone: string | undefined): string | undefined => (tone === 'up' ? 'up' : tone === 'down' ? 'down' : undefined);

export function tiles(list: readonly Tile[]): HTMLElement[] {
  return list.map((t) => el('div', { class: `kpi ${t.kind}`, 'data-kind': t.kind },
    el('span', { class: 'label' }, t.label),
    el('span', { class: ['value', toneClass(t.tone)].filter(Boolean).join(' ') }, t.value),
    t.detail ? el('span', { class: 'detail' }, t.detail) : undefined));
}

export function lines(items: readonly PanelLine[], cls: string): HTMLUListElement {
  return el('ul', { class: `lines ${cls}` }, ...items.map((l) => el('li', { class: toneClass(l.tone) }, l.text)));
}

/** `C → B`, the arrow and the new value in the move's tone; only the value when it did not move. */
function moveCell(m: Move, cls: string): HTMLTableCellElement {
  if (!m.changed) return el('td', { class: `${cls} same` }, m.to);
  return el('td', { class: cls },
    el('span', { class: 'from' }, m.from),
    el('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
    el('span', { class: ['to', toneClass(m.tone)].filter(Boolean).join(' ') }, m.to));
}

function nameCell(name: string, status: 'added' | 'removed' | 'changed', l: CompareLabels): HTMLTableCellElement {
  const badge = status === 'added' ? l['compare.page.added'] : status === 'removed' ? l['compare.page.removed'] : undefined;
  return el('th', { scope: 'row', class: 'name' }, name, badge ? el('span', { class: `badge ${status}` }, badge) : undefined);
}

const whatChanged = (items: readonly PanelLine[]) => el('td', { class: 'changes' }, lines(items, 'inline'));

function dealsTable(rows: readonly DealChangeRow[], l: CompareLabels): HTMLTableElement {
  const head = el('tr', {}, ...[l['compare.page.deal'], l['compare.page.stage'], l['compare.page.amount'], l['compare.page.close'], l['compare.page.changes']]
    .map((h) => el('th', { scope: 'col' }, h)));
  const body = rows.map((d) => el('tr', { class: `deal ${d.status}` },
    nameCell(d.name, d.status, l), moveCell(d.stage, 'stage'), moveCell(d.amount, 'amount'), moveCell(d.close, 'close'), whatChanged(d.lines)));
  return el('table', { class: 'deals' }, el('thead', {}, head), el('tbody', {}, ...body));
}

function peopleTable(rows: readonly PersonChangeRow[], l: CompareLabels): HTMLTableElement {
  const head = el('tr', {}, ...[l['compare.page.person'], l['compare.page.attitude'], l['compare.page.changes']].map((h) => el('th', { scope: 'col' }, h)));
  const body = rows.map((p) => el('tr', { class: `person ${p.status}` }, nameCell(p.name, p.status, l), moveCell(p.attitude, 'attitude'), whatChanged(p.lines)));
  return el('table', { class: 'people' }, el('thead', {}, head), el('tbody', {}, ...body));
}

function part(cls: string, title: string, content: HTMLElement): HTMLElement {
  return el('div', { class: `part ${cls}` }, el('h3', {}, title), content);
}

/** One account's changes: its own, then deals, people, coverage, visits, next steps, findings (only the parts with something in them). */
export function accountSection(a: AccountPanel, l: CompareLabels): HTMLElement {
  const parts: HTMLElement[] = [];
  if (a.account.length) parts.push(part('account', l['compare.page.account'], lines(a.account, 'account')));
  if (a.deals.length) parts.push(part('deals', l['compare.page.deals'], el('div', { class: 'scroll' }, dealsTable(a.deals, l))));
  if (a.people.length) parts.push(part('people', l['compare.page.people'], el('div', { class: 'scroll' }, peopleTable(a.people, l))));
  if (a.coverage.length) parts.push(part('coverage', l['compare.page.coverage'], lines(a.coverage, 'coverage')));
  if (a.visits.length) parts.push(part('visits', l['compare.page.visits'], lines(a.visits, 'visits')));
  if (a.nextSteps.length) parts.push(part('next-steps', l['compare.page.nextSteps'], lines(a.nextSteps, 'next-steps')));
  if (a.introduced.length || a.fixed.length) {
    parts.push(part('findings', l['compare.page.findings'], el('div', {},
      ...(a.introduced.length ? [el('h4', {}, l['compare.page.introduced']), lines(a.introduced.map((text) => ({ text, tone: 'down' as const })), 'introduced')] : []),
      ...(a.fixed.length ? [el('h4', {}, l['compare.page.fixed']), lines(a.fixed.map((text) => ({ text, tone: 'up' as const })), 'fixed')] : []))));
  }
  return el('section', { class: 'card account', 'data-account': a.id }, el('h2', {}, a.name), ...parts);
}
