import { onThemeChange } from '../shared/theme-watch';
import { el, type WebviewApi } from '../shared/dom';
import { LatestRevision } from '../shared/revision';
import { ChartView, readTheme } from '../shared/charts';
import { funnelChartConfig, quarterChartConfig } from './charts';
import { Numbers } from '../shared/numbers';
import { isolateBidi } from '../../core/i18n/bidi';
import { format } from '../../core/i18n/format';
import { bottleneckFigures } from '../../core/rollups/funnel';
import { periodLabel } from './period-label';
import type {
  Choice, ForecastLabels, ForecastPanelModel, ForecastQueryChange, ForecastState, HostMessage, RowSortKey, WebviewMessage,
} from './protocol';
import { renderFunnelTable, SORT_COLUMNS } from './tables';
import { DealList } from './deal-list';

interface Current {
  readonly revision: number;
  readonly model: ForecastPanelModel;
  readonly folderLabel?: string;
  readonly n: Numbers;
}

const TIERS = ['VIP', 'A', 'B', 'C', 'D'];

/** The Forecast page: filters, key figures, the two charts, the funnel figures and the table. */
export class ForecastApp {
  /** The host's words (the page has none of its own): set by the first model, before anything is drawn. */
  private labels!: ForecastLabels;
  private current: Current | undefined;
  private readonly title = el('h1');
  private readonly scope = el('span', { class: 'scope' });
  private readonly owner = el('select', { id: 'fc-owner' });
  private readonly tier = el('select', { id: 'fc-tier' });
  private readonly currency = el('select', { id: 'fc-currency' });
  private readonly exportButton = el('button', { type: 'button', class: 'export' });
  private readonly ownerLabel = el('label', { for: 'fc-owner' });
  private readonly tierLabel = el('label', { for: 'fc-tier' });
  private readonly currencyLabel = el('label', { for: 'fc-currency' });
  private readonly notice = el('p', { class: 'notice', role: 'status' });
  private readonly kpis = el('div', { class: 'kpis' });
  private readonly quarterTitle = el('h2');
  private readonly funnelTitle = el('h2');
  private readonly funnelHelp = el('p', { class: 'help' });
  private readonly bottleneck = el('p', { class: 'bottleneck' });
  private readonly funnelTable = el('div', { class: 'funnel-table' });
  private readonly tableTitle = el('h2');
  private readonly deals = new DealList({
    sort: (key) => this.sort(key),
    reveal: (uri, index) => this.post({ type: 'reveal', uri, index }),
    fetch: (of, from) => this.post({ type: 'rows', of, from }),
  });
  private readonly tableNote = el('p', { class: 'note' });
  private readonly quarterChart = new ChartView(el('canvas', { id: 'quarter-chart', role: 'img' }));
  private readonly funnelChart = new ChartView(el('canvas', { id: 'funnel-chart', role: 'img' }));
  private ownerValues: (string | undefined)[] = [];
  private tierValues: (string | undefined)[] = [];
  private currencyValues: string[] = [];
  private readonly revisions = new LatestRevision();

  constructor(root: HTMLElement, private readonly api: WebviewApi<ForecastState>) {
    root.replaceChildren(
      el('header', {}, el('div', { class: 'heading' }, this.title, this.scope),
        el('div', { class: 'toolbar', role: 'toolbar' },
          el('span', { class: 'field' }, this.ownerLabel, this.owner),
          el('span', { class: 'field' }, this.tierLabel, this.tier),
          el('span', { class: 'field' }, this.currencyLabel, this.currency),
          this.exportButton)),
      this.notice,
      this.kpis,
      el('div', { class: 'charts' },
        el('section', { class: 'card quarters' }, this.quarterTitle, el('div', { class: 'chart' }, this.quarterChart.canvas)),
        el('section', { class: 'card funnel' }, this.funnelTitle, this.funnelHelp, this.bottleneck,
          el('div', { class: 'chart' }, this.funnelChart.canvas), this.funnelTable)),
      el('section', { class: 'card table' }, this.tableTitle, this.deals.element, this.tableNote),
    );
    // Until the first model brings the words, the page shows the one the host put into its HTML.
    this.notice.textContent = root.dataset.loading ?? '';
    this.owner.addEventListener('change', () => this.query({ owner: this.ownerValues[this.owner.selectedIndex] ?? null }));
    this.tier.addEventListener('change', () => this.query({ tier: this.tierValues[this.tier.selectedIndex] ?? null }));
    this.currency.addEventListener('change', () => this.query({ currency: this.currencyValues[this.currency.selectedIndex] }));
    this.exportButton.addEventListener('click', () => this.post({ type: 'exportCsv' }));
    window.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
    onThemeChange(() => this.drawCharts());
    this.post({ type: 'ready' });
  }

  private post(m: WebviewMessage): void {
    this.api.postMessage(m);
  }

  private query(change: ForecastQueryChange): void {
    this.post({ type: 'query', change });
  }

  private receive(data: unknown): void {
    const m = data as HostMessage | undefined;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'rows') {
      if (Array.isArray(m.rows) && Number.isInteger(m.from)) this.deals.receive(m.of, m.from, m.rows);
      return;
    }
    if (m.type !== 'model' || !m.model || !m.labels || !this.revisions.accept(m)) return;
    const t0 = performance.now();
    this.labels = m.labels;
    this.current = { revision: m.revision, model: m.model, folderLabel: m.folderLabel, n: new Numbers(m.locale || 'en', m.model.query.currency) };
    this.api.setState({ scope: { folder: m.model.query.folder, owner: m.model.query.owner } });
    this.render();
    this.post({ type: 'rendered', revision: m.revision, rows: m.model.rows.length, charts: 2, ms: performance.now() - t0 });
  }

  private applyLabels(): void {
    const l = this.labels;
    this.title.textContent = l.title;
    this.ownerLabel.textContent = l.owner;
    this.tierLabel.textContent = l.tier;
    this.currencyLabel.textContent = l.currency;
    this.exportButton.textContent = l.exportCsv;
    this.quarterTitle.textContent = l.byQuarter;
    this.funnelTitle.textContent = l.funnel;
    this.funnelHelp.textContent = l.funnelHelp;
    this.tableTitle.textContent = l.table;
  }

  private render(): void {
    const c = this.current!;
    const { model } = c;
    this.applyLabels();
    this.renderScope(c);
    this.renderFilters(model);
    this.renderNotice(model);
    this.renderKpis(c);
    const b = bottleneckFigures(model.funnel);
    this.bottleneck.textContent = b ? format(b.parked === 1 ? this.labels.bottleneckOne : this.labels.bottleneck, {
      parked: c.n.count(b.parked), stage: b.stage, next: b.next === 'S' ? this.labels.wonStage : b.next, conversion: c.n.ratio(b.conversion), benchmark: c.n.ratio(b.benchmark),
    }) : this.labels.noBottleneck;
    this.bottleneck.classList.toggle('stuck', !!b);
    this.funnelTable.replaceChildren(renderFunnelTable(model, this.labels, c.n));
    this.renderTable(c);
    this.drawCharts();
  }

  private renderScope(c: Current): void {
    if (c.model.query.folder === undefined) {
      this.scope.replaceChildren(this.labels.allPlans);
      return;
    }
    const clear = el('button', { type: 'button', class: 'clear', title: this.labels.clearFolder, 'aria-label': this.labels.clearFolder }, '×');
    clear.addEventListener('click', () => this.query({ folder: null }));
    this.scope.replaceChildren(el('span', { class: 'chip' }, format(this.labels.folderScope, { folder: c.folderLabel ?? c.model.query.folder ?? '' }), clear));
  }

  private renderFilters(model: ForecastPanelModel): void {
    const l = this.labels;
    const q = model.query;
    const owners: { value: string | undefined; text: string }[] = [{ value: undefined, text: l.everyone },
      ...model.owners.map((o) => ({ value: o.value, text: withCount(o.value || l.noOwner, o) }))];
    if (q.owner !== undefined && !model.owners.some((o) => o.value === q.owner)) owners.push({ value: q.owner, text: q.owner || l.noOwner });
    this.ownerValues = fill(this.owner, owners, q.owner);
    const known = new Set(model.tiers.map((t) => t.value));
    const tiers = [{ value: undefined as string | undefined, text: l.allTiers },
      ...[...TIERS, ''].filter((t) => known.has(t) || t === q.tier)
        .map((t) => ({ value: t, text: withCount(t || l.noTier, model.tiers.find((x) => x.value === t)) }))];
    this.tierValues = fill(this.tier, tiers, q.tier);
    this.currencyValues = fill(this.currency, model.currencies.map((c) => ({ value: c.value, text: withCount(c.value, c) })), q.currency)
      .map((v) => v ?? '');
  }

  /** The plans with format errors, by file name, each a button that opens it. */
  private renderNotice(model: ForecastPanelModel): void {
    const n = model.incomplete;
    if (n === 0) {
      this.notice.replaceChildren();
      return;
    }
    const files = model.incompletePlans.map((p, i) => {
      const open = el('button', { type: 'button', class: 'link plan', title: format(this.labels.openPlan, { file: p.name }) }, p.name);
      open.addEventListener('click', () => this.post({ type: 'openPlan', uri: p.uri }));
      return [i ? ', ' : ' ', open];
    }).flat();
    this.notice.replaceChildren(format(n === 1 ? this.labels.incompleteOne : this.labels.incomplete, { count: n }), ...files);
  }

  private renderKpis(c: Current): void {
    const { model, n } = c;
    const l = this.labels;
    const t = model.totals;
    const tile = (cls: string, label: string, value: string, detail: string) =>
      el('div', { class: `kpi ${cls}` }, el('span', { class: 'label' }, label), el('span', { class: 'value' }, value), el('span', { class: 'detail' }, detail));
    const cat = (key: 'commit' | 'best-case' | 'pipeline') =>
      tile(key, l.categories[key], n.amount(t.byCategory[key].weighted), n.count(t.byCategory[key].count));
    this.kpis.replaceChildren(
      tile('open', l.openWeighted, n.amount(t.open.weighted), format(l.openDetail, { count: n.count(t.open.count), amount: n.amount(t.open.amount) })),
      cat('commit'), cat('best-case'), cat('pipeline'),
      tile('won', l.won, n.amount(t.won.amount), format(l.wonDetail, { count: n.count(t.won.count) })),
    );
  }

  private renderTable(c: Current): void {
    const { model } = c;
    this.deals.show(c.revision, model, this.labels, c.n);
    this.tableNote.textContent = model.rowCount === 0 ? this.labels.empty : '';
  }

  private sort(key: RowSortKey): void {
    const now = this.current?.model.query.sort;
    const dir = now?.key === key ? (now.dir === 'asc' ? 'desc' : 'asc') : SORT_COLUMNS.find((s) => s.key === key)?.first ?? 'asc';
    this.query({ sort: { key, dir } });
  }

  private drawCharts(): void {
    const c = this.current;
    if (!c) return;
    const theme = readTheme();
    this.quarterChart.canvas.setAttribute('aria-label', `${this.labels.byQuarter}: ${c.model.quarters.map((q) =>
      `${periodLabel(q.period, this.labels)} ${c.n.amount(q.commit + q.bestCase + q.pipeline)}, ${this.labels.won} ${c.n.amount(q.won)}`).join('; ')}`);
    this.funnelChart.canvas.setAttribute('aria-label', `${this.labels.funnel}: ${c.model.funnel.steps.map((s) => `${s.stage} ${s.count}`).join(', ')}`);
    this.quarterChart.show(quarterChartConfig(c.model, this.labels, c.n, theme));
    this.funnelChart.show(funnelChartConfig(c.model, this.labels, c.n, theme));
  }
}

/** A choice and how many plans have it; the choice is plan text, isolated so a bidi control in it cannot turn the count round. */
const withCount = (text: string, c: Choice | undefined) => (c ? `${isolateBidi(text)} (${c.count})` : text);

/** Replaces a select's options (keeping the element, so focus stays) and returns the value of each option. */
function fill<T extends string | undefined>(select: HTMLSelectElement, options: { value: T; text: string }[], selected: T): T[] {
  select.replaceChildren(...options.map((o, i) => el('option', { value: String(i) }, o.text)));
  const at = options.findIndex((o) => o.value === selected);
  select.selectedIndex = at < 0 ? 0 : at;
  return options.map((o) => o.value);
}
