import { onThemeChange } from '../shared/theme-watch';
import { format } from '../../core/i18n/format';
import { ChartView, readTheme } from '../shared/charts';
import { el, type WebviewApi } from '../shared/dom';
import { Numbers } from '../shared/numbers';
import { LatestRevision } from '../shared/revision';
import type { CompareHeader, CompareLabels, ComparePanelModel, CompareState, HostMessage, WebviewMessage, WaterfallChart } from './protocol';
import { accountSection, tiles } from './sections';
import { waterfallAriaLabel, waterfallChartConfig } from './waterfall-chart';

interface Current {
  readonly model: ComparePanelModel;
  readonly labels: CompareLabels;
  readonly header: CompareHeader;
  readonly locale: string;
}

/** The Compare page: what is compared, the key figures, the waterfall charts, then each account's changes. */
export class CompareApp {
  private current: Current | undefined;
  private readonly title = el('h1');
  private readonly plan = el('span', { class: 'scope' });
  private readonly revisions = el('p', { class: 'revisions' });
  private readonly notice = el('p', { class: 'notice', role: 'status' });
  private readonly headline = el('p', { class: 'headline' });
  private readonly kpis = el('div', { class: 'kpis' });
  private readonly waterfall = el('section', { class: 'card waterfall' });
  private readonly accounts = el('div', { class: 'accounts' });
  private charts: { view: ChartView; chart: WaterfallChart }[] = [];
  private readonly latest = new LatestRevision();

  constructor(root: HTMLElement, private readonly api: WebviewApi<CompareState>) {
    root.replaceChildren(
      el('header', {}, el('div', { class: 'heading' }, this.title, this.plan)),
      this.revisions, this.notice, this.headline, this.kpis, this.waterfall, this.accounts,
    );
    // Until the first model brings the words, the page shows the one the host put into its HTML.
    this.notice.textContent = root.dataset.loading ?? '';
    window.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
    onThemeChange(() => this.drawCharts());
    this.post({ type: 'ready' });
  }

  private post(m: WebviewMessage): void {
    this.api.postMessage(m);
  }

  private receive(data: unknown): void {
    const m = data as HostMessage | undefined;
    if (!m || typeof m !== 'object' || m.type !== 'model' || !m.model || !m.labels || !m.header || !this.latest.accept(m)) return;
    const t0 = performance.now();
    this.current = { model: m.model, labels: m.labels, header: m.header, locale: m.locale || 'en' };
    if (m.state) this.api.setState(m.state);
    this.render(this.current);
    this.post({ type: 'rendered', revision: m.revision, charts: this.charts.length, ms: performance.now() - t0 });
  }

  private render(c: Current): void {
    const { model, labels: l, header } = c;
    this.title.textContent = l['compare.page.title'];
    this.plan.textContent = header.plan;
    this.revisions.textContent = format(l['compare.page.revisions'], { before: header.before, after: header.after });
    this.notice.textContent = header.notice ?? '';
    this.headline.textContent = model.headline.join(' · ');
    this.kpis.replaceChildren(...tiles(model.tiles));
    this.renderWaterfall(c);
    this.accounts.replaceChildren(...(model.accounts.length
      ? model.accounts.map((a) => accountSection(a, l))
      : [el('p', { class: 'nothing' }, l['compare.page.nothing'])]));
  }

  private renderWaterfall(c: Current): void {
    const { model, labels: l } = c;
    this.charts.forEach((x) => x.view.dispose());
    this.charts = model.waterfalls.map((chart, i) => ({ chart, view: new ChartView(el('canvas', { id: `waterfall-${i}`, role: 'img', 'data-currency': chart.currency })) }));
    const table = model.waterfallTable;
    this.waterfall.replaceChildren(
      el('h2', {}, model.waterfallTitle),
      ...(this.charts.length
        ? [el('div', { class: 'waterfalls' }, ...this.charts.map(({ chart, view }) =>
          el('figure', { class: 'waterfall-chart' }, el('figcaption', {}, chart.title), el('div', { class: 'chart' }, view.canvas))))]
        : [el('p', { class: 'note' }, l['compare.page.waterfallEmpty'])]),
      ...(table ? [el('details', { class: 'figures' }, el('summary', {}, l['compare.page.figures']),
        el('div', { class: 'scroll' }, el('table', { class: 'waterfall-table' },
          el('thead', {}, el('tr', {}, ...table.headers.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : undefined }, h)))),
          el('tbody', {}, ...table.rows.map((r) => el('tr', {}, ...r.map((cell, i) => (i ? el('td', { class: 'num' }, cell) : el('th', { scope: 'row' }, cell))))))))),
      ] : []),
    );
    this.drawCharts();
  }

  private drawCharts(): void {
    const c = this.current;
    if (!c) return;
    const theme = readTheme();
    for (const { chart, view } of this.charts) {
      view.canvas.setAttribute('aria-label', waterfallAriaLabel(chart));
      view.show(waterfallChartConfig(chart, new Numbers(c.locale, chart.currency), theme));
    }
  }
}
