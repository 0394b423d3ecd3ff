/** The funnel figures and the sortable table of open opportunities. Plan text goes in as text nodes only. */
import { el } from '../shared/dom';
import type { Numbers } from '../shared/numbers';
import { format } from '../../core/i18n/format';
import type { ForecastLabels, ForecastPanelModel, ForecastRow, RowSortKey } from './protocol';

type Column = { readonly key: RowSortKey; readonly label: (l: ForecastLabels) => string; readonly numeric?: boolean; readonly first: 'asc' | 'desc' };

/** The table's columns; `first` is the direction of a first click (largest amounts first, earliest dates first). */
export const SORT_COLUMNS: readonly Column[] = [
  { key: 'account', label: (l) => l.account, first: 'asc' },
  { key: 'opportunity', label: (l) => l.opportunity, first: 'asc' },
  { key: 'stage', label: (l) => l.stage, first: 'desc' },
  { key: 'category', label: (l) => l.category, first: 'asc' },
  { key: 'amount', label: (l) => l.amount, numeric: true, first: 'desc' },
  { key: 'weighted', label: (l) => l.weighted, numeric: true, first: 'desc' },
  { key: 'probability', label: (l) => l.probability, numeric: true, first: 'desc' },
  { key: 'close', label: (l) => l.close, first: 'asc' },
  { key: 'owner', label: (l) => l.owner, first: 'asc' },
];

export function renderFunnelTable(model: ForecastPanelModel, l: ForecastLabels, n: Numbers): HTMLTableElement {
  const head = el('tr', {}, ...[l.stage, l.atStage, l.reached, l.conversion, l.benchmark].map((h, i) => el('th', { scope: 'col', class: i ? 'num' : undefined }, h)));
  const rows = model.funnel.steps.map((s) => el('tr', { class: s.stuck ? 'stuck' : undefined, 'data-stage': s.stage },
    el('th', { scope: 'row' }, s.stage === 'S' ? l.wonStage : s.stage),
    el('td', { class: 'num' }, n.count(s.count)),
    el('td', { class: 'num' }, n.count(s.reached)),
    el('td', { class: 'num conversion', title: s.stuck ? l.stuck : undefined }, n.ratio(s.conversion),
      s.stuck ? el('span', { class: 'flag' }, ' ▼', el('span', { class: 'sr-only' }, ` ${l.stuck}`)) : undefined),
    el('td', { class: 'num' }, s.benchmark === undefined ? '' : n.ratio(s.benchmark))));
  return el('table', { class: 'funnel-figures' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

export interface RowActions {
  sort(key: RowSortKey): void;
  reveal(uri: string, index: number): void;
}

export function renderRows(model: ForecastPanelModel, l: ForecastLabels, n: Numbers, actions: RowActions): HTMLTableElement {
  const sort = model.query.sort;
  const head = el('tr', {}, ...SORT_COLUMNS.map((c) => {
    const active = sort.key === c.key;
    const button = el('button', { type: 'button', class: 'sort', 'data-key': c.key, title: format(l.sortBy, { column: c.label(l) }) }, c.label(l),
      el('span', { class: 'arrow', 'aria-hidden': 'true' }, active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''));
    button.addEventListener('click', () => actions.sort(c.key));
    return el('th', { scope: 'col', class: c.numeric ? 'num' : undefined, 'aria-sort': active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined }, button);
  }));
  const body = el('tbody', {}, ...model.rows.map((r) => row(r, l, n, actions)));
  return el('table', { class: 'opportunities' }, el('thead', {}, head), body, totalsRow(model, l, n));
}

/** Every open opportunity of the selection added up (all of them, when the table shows only the first ones). */
function totalsRow(model: ForecastPanelModel, l: ForecastLabels, n: Numbers): HTMLTableSectionElement {
  const t = model.rowTotals;
  const blank = () => el('td', {});
  return el('tfoot', {}, el('tr', { class: 'totals' },
    el('th', { scope: 'row' }, l.total),
    el('td', { class: 'count' }, format(l.totalDetail, { count: n.count(t.count) })),
    blank(), blank(),
    el('td', { class: 'num amount' }, n.amount(t.amount)),
    el('td', { class: 'num weighted' }, n.amount(t.weighted)),
    blank(), blank(), blank()));
}

function row(r: ForecastRow, l: ForecastLabels, n: Numbers, actions: RowActions): HTMLTableRowElement {
  const account = el('button', { type: 'button', class: 'link', title: l.revealHint }, r.account);
  account.addEventListener('click', () => actions.reveal(r.uri, r.index));
  return el('tr', { class: `cat-${r.category}${r.overdue ? ' overdue' : ''}` },
    el('td', { class: 'account' }, account),
    el('td', { class: 'opportunity' }, r.opportunity),
    el('td', { class: 'stage' }, r.stage),
    el('td', { class: 'category' }, l.categories[r.category]),
    el('td', { class: 'num amount' }, n.amount(r.amount)),
    el('td', { class: 'num weighted' }, n.amount(r.weighted)),
    el('td', { class: 'num probability' }, `${r.probability}%`),
    r.overdue
      ? el('td', { class: 'close overdue', title: l.overdueHint }, r.close ?? '', el('span', { class: 'flag' }, ` ⚠ ${l.overdue}`))
      : el('td', { class: 'close' }, r.close ?? ''),
    el('td', { class: 'owner' }, r.owner ?? ''));
}
