/**
 * The Forecast's table of open deals as a virtualised list: rows of one fixed height, only those in
 * view (and a few either side) in the DOM, spacers above and below for the rest, the same row
 * elements refilled as the list scrolls. The page holds the rows the host sent (a block at a time)
 * and asks for a block it lacks when it scrolls to it. Plan text goes in as text nodes only.
 */
import { el } from '../shared/dom';
import type { Numbers } from '../shared/numbers';
import { format } from '../../core/i18n/format';
import { ROW_BLOCK } from '../../core/rollups/forecast-model';
import type { ForecastLabels, ForecastPanelModel, ForecastRow, RowSortKey } from './protocol';
import { SORT_COLUMNS } from './tables';

/** Height of a row in CSS pixels (forecast.css keeps the rows to it). */
export const ROW_HEIGHT = 26;
/** Rows drawn beyond each edge of the view, so a small scroll shows rows already there. */
const OVERSCAN = 12;
/** The view's height when there is no window to measure (a hidden panel). */
const FALLBACK_HEIGHT = 600;

export interface DealListActions {
  sort(key: RowSortKey): void;
  reveal(uri: string, index: number): void;
  /** Ask the host for the rows of model `of` from `from` on. */
  fetch(of: number, from: number): void;
}

interface Shown {
  readonly revision: number;
  readonly model: ForecastPanelModel;
  readonly labels: ForecastLabels;
  readonly n: Numbers;
}

export class DealList {
  /** The scrolling box that holds the table. */
  readonly element = el('div', { class: 'rows' });
  private readonly table = el('table', { class: 'opportunities' });
  private readonly head = el('thead');
  private readonly body = el('tbody');
  private readonly foot = el('tfoot');
  private readonly top = spacer();
  private readonly bottom = spacer();
  /** Row elements in use, top to bottom, and spare ones to refill. */
  private live: HTMLTableRowElement[] = [];
  private readonly spare: HTMLTableRowElement[] = [];
  private rows = new Map<number, ForecastRow>();
  private readonly asked = new Set<number>();
  private shown: Shown | undefined;
  private queryKey = '';
  private frame = 0;

  constructor(private readonly actions: DealListActions) {
    this.table.append(this.head, this.body, this.foot);
    this.element.append(this.table);
    this.element.addEventListener('scroll', () => this.schedule());
    this.body.addEventListener('click', (e) => this.click(e));
    window.addEventListener('resize', () => this.schedule());
  }

  /** A new model: its first block of rows, the header and the totals; back to the top when the query changed. */
  show(revision: number, model: ForecastPanelModel, labels: ForecastLabels, n: Numbers): void {
    this.shown = { revision, model, labels, n };
    this.rows = new Map(model.rows.map((r, i) => [i, r]));
    this.asked.clear();
    this.head.replaceChildren(header(model, labels, this.actions));
    this.foot.replaceChildren(totalsRow(model, labels, n));
    this.table.setAttribute('aria-rowcount', String(model.rowCount + 2));
    const key = JSON.stringify(model.query);
    if (key !== this.queryKey) this.element.scrollTop = 0;
    this.queryKey = key;
    this.draw();
  }

  /** Rows the host sent for the model of revision `of`; dropped if a newer model came since. */
  receive(of: number, from: number, rows: readonly ForecastRow[]): void {
    if (of !== this.shown?.revision) return;
    rows.forEach((r, i) => this.rows.set(from + i, r));
    this.draw();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const s = this.shown;
    if (!s) return;
    const count = s.model.rowCount;
    // The box grows with its rows up to its max-height, never past the window: draw for the taller of the two.
    const height = Math.max(this.element.clientHeight, window.innerHeight) || FALLBACK_HEIGHT;
    const first = Math.max(0, Math.min(count, Math.floor(this.element.scrollTop / ROW_HEIGHT) - OVERSCAN));
    const end = Math.min(count, first + Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN);
    this.resize(end - first);
    this.live.forEach((tr, i) => fill(tr, first + i, this.rows.get(first + i), s.labels, s.n));
    this.top.style.height = `${first * ROW_HEIGHT}px`;
    this.bottom.style.height = `${(count - end) * ROW_HEIGHT}px`;
    const parts: HTMLTableRowElement[] = [...(first ? [this.top] : []), ...this.live, ...(end < count ? [this.bottom] : [])];
    if (parts.length !== this.body.children.length || parts.some((p, i) => this.body.children[i] !== p)) this.body.replaceChildren(...parts);
    this.request(first, end);
  }

  /** As many row elements as `n`, reusing those there are. */
  private resize(n: number): void {
    while (this.live.length > n) this.spare.push(this.live.pop()!);
    while (this.live.length < n) this.live.push(this.spare.pop() ?? emptyRow());
  }

  /** Asks once for each block that holds a missing row in view (blocks start at multiples of ROW_BLOCK, as the host cuts them). */
  private request(first: number, end: number): void {
    const s = this.shown!;
    for (let i = first; i < end; i++) {
      if (this.rows.has(i)) continue;
      const block = i - (i % ROW_BLOCK);
      if (!this.asked.has(block)) {
        this.asked.add(block);
        this.actions.fetch(s.revision, block);
      }
    }
  }

  private click(e: Event): void {
    const button = (e.target as Element | null)?.closest('button.link');
    const tr = button?.closest('tr');
    const row = tr ? this.rows.get(Number(tr.dataset.position)) : undefined;
    if (row) this.actions.reveal(row.uri, row.index);
  }
}

/** The cells of a row: their classes (`num`: a figure, aligned to the end). */
const CELLS = [
  { class: 'account' }, { class: 'opportunity' }, { class: 'stage' }, { class: 'category' },
  { class: 'num amount' }, { class: 'num weighted' }, { class: 'num probability' }, { class: 'close' }, { class: 'owner' },
] as const;

function spacer(): HTMLTableRowElement {
  return el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colspan: CELLS.length }));
}

function emptyRow(): HTMLTableRowElement {
  const tr = el('tr', {}, ...CELLS.map((c) => el('td', c)));
  tr.cells[0].append(el('button', { type: 'button', class: 'link' }));
  return tr;
}

/** Fills a row element with the row at `position` (blank until the host sends it). */
function fill(tr: HTMLTableRowElement, position: number, r: ForecastRow | undefined, l: ForecastLabels, n: Numbers): void {
  tr.dataset.position = String(position);
  tr.setAttribute('aria-rowindex', String(position + 2));
  tr.className = 'deal';
  if (r) tr.classList.add(`cat-${r.category}`);
  tr.classList.toggle('overdue', !!r?.overdue);
  tr.classList.toggle('pending', !r);
  const [account, opportunity, stage, category, amount, weighted, probability, close, owner] = [...tr.cells];
  const button = account.firstElementChild as HTMLButtonElement;
  button.textContent = r?.account ?? '';
  button.title = r ? l.revealHint : '';
  button.disabled = !r;
  opportunity.textContent = r?.opportunity ?? '';
  opportunity.title = r?.opportunity ?? '';
  stage.textContent = r?.stage ?? '';
  category.textContent = r ? l.categories[r.category] : '';
  amount.textContent = r ? n.amount(r.amount) : '';
  weighted.textContent = r ? n.amount(r.weighted) : '';
  probability.textContent = r ? `${r.probability}%` : '';
  close.classList.toggle('overdue', !!r?.overdue);
  if (r?.overdue) {
    close.title = l.overdueHint;
    close.replaceChildren(r.close ?? '', el('span', { class: 'flag' }, ` ⚠ ${l.overdue}`));
  } else {
    close.removeAttribute('title');
    close.textContent = r?.close ?? '';
  }
  owner.textContent = r?.owner ?? '';
}

function header(model: ForecastPanelModel, l: ForecastLabels, actions: DealListActions): HTMLTableRowElement {
  const sort = model.query.sort;
  return el('tr', { 'aria-rowindex': 1 }, ...SORT_COLUMNS.map((c) => {
    const active = sort.key === c.key;
    const button = el('button', { type: 'button', class: 'sort', 'data-key': c.key, title: format(l.sortBy, { column: c.label(l) }) }, c.label(l),
      el('span', { class: 'arrow', 'aria-hidden': 'true' }, active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''));
    button.addEventListener('click', () => actions.sort(c.key));
    return el('th', { scope: 'col', class: c.numeric ? 'num' : undefined, 'aria-sort': active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined }, button);
  }));
}

/** Every open opportunity of the selection added up (all of them, not only the rows in view). */
function totalsRow(model: ForecastPanelModel, l: ForecastLabels, n: Numbers): HTMLTableRowElement {
  const t = model.rowTotals;
  const blank = () => el('td', {});
  return el('tr', { class: 'totals', 'aria-rowindex': model.rowCount + 2 },
    el('th', { scope: 'row' }, l.total),
    el('td', { class: 'count' }, format(l.totalDetail, { count: n.count(t.count) })),
    blank(), blank(),
    el('td', { class: 'num amount' }, n.amount(t.amount)),
    el('td', { class: 'num weighted' }, n.amount(t.weighted)),
    blank(), blank(), blank());
}
