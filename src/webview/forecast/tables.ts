/** The funnel figures, and the columns of the table of open opportunities (deal-list.ts draws it). */
import { el } from '../shared/dom';
import type { Numbers } from '../shared/numbers';
import type { ForecastLabels, ForecastPanelModel, RowSortKey } from './protocol';

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
