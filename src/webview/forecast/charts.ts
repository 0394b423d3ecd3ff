/**
 * The two charts, drawn by Chart.js (only the parts used are registered, so the rest is
 * tree-shaken out of the bundle) and coloured from VS Code's theme variables.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartDataset, type TooltipItem } from 'chart.js';
import type { Numbers } from './format';
import type { ForecastLabels, ForecastPanelModel } from './protocol';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours and font read from the page's CSS variables (forecast.css maps them to VS Code's). */
export interface Theme {
  readonly fg: string;
  readonly muted: string;
  readonly grid: string;
  readonly commit: string;
  readonly bestCase: string;
  readonly pipeline: string;
  readonly won: string;
  readonly stuck: string;
  readonly ok: string;
  readonly benchmark: string;
  /** High contrast: bars get a border in this colour. */
  readonly border?: string;
  readonly font: string;
  readonly fontSize: number;
}

export function readTheme(): Theme {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const hc = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  return {
    fg: v('--fc-fg', '#444'),
    muted: v('--fc-muted', '#777'),
    grid: v('--fc-grid', 'rgba(128,128,128,0.3)'),
    commit: v('--fc-commit', '#388a34'),
    bestCase: v('--fc-best-case', '#1a85ff'),
    pipeline: v('--fc-pipeline', '#bf8803'),
    won: v('--fc-won', '#652d90'),
    stuck: v('--fc-stuck', '#e51400'),
    ok: v('--fc-ok', '#1a85ff'),
    benchmark: v('--fc-benchmark', '#888'),
    border: hc ? v('--fc-contrast-border', '#6fc3df') : undefined,
    font: v('--fc-font', 'system-ui, sans-serif'),
    fontSize: parseFloat(v('--fc-font-size', '13')) || 13,
  };
}

const bar = (theme: Theme, color: string) => ({
  backgroundColor: color,
  borderColor: theme.border ?? color,
  borderWidth: theme.border ? 2 : 0,
});

function common(theme: Theme) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: theme.fg,
    font: { family: theme.font, size: theme.fontSize },
    plugins: { legend: { position: 'bottom' as const, labels: { color: theme.fg, boxWidth: 12, font: { family: theme.font } } } },
  };
}

const axis = (theme: Theme, stacked: boolean, tick?: (v: number | string) => string) => ({
  stacked,
  grid: { color: theme.grid },
  border: { color: theme.border ?? theme.grid },
  ticks: { color: theme.muted, font: { family: theme.font }, ...(tick ? { callback: tick } : {}) },
});

/** Weighted open pipeline per close quarter, stacked commit / best case / pipeline, with the amount won beside it. */
export function quarterChartConfig(model: ForecastPanelModel, labels: ForecastLabels, n: Numbers, theme: Theme) {
  const q = model.quarters;
  const datasets: ChartDataset<'bar', number[]>[] = [
    { label: labels.categories.commit, data: q.map((x) => x.commit), stack: 'open', ...bar(theme, theme.commit) },
    { label: labels.categories['best-case'], data: q.map((x) => x.bestCase), stack: 'open', ...bar(theme, theme.bestCase) },
    { label: labels.categories.pipeline, data: q.map((x) => x.pipeline), stack: 'open', ...bar(theme, theme.pipeline) },
    { label: labels.won, data: q.map((x) => x.won), stack: 'won', ...bar(theme, theme.won) },
  ];
  return {
    type: 'bar' as const,
    data: { labels: q.map((x) => (x.period === 'none' ? labels.noClose : x.period)), datasets },
    options: {
      ...common(theme),
      scales: {
        x: axis(theme, true),
        y: { ...axis(theme, true, (v) => n.compact(Number(v))), beginAtZero: true },
      },
      plugins: {
        ...common(theme).plugins,
        tooltip: { callbacks: { label: (i: TooltipItem<'bar'>) => `${i.dataset.label}: ${n.amount(i.parsed.y ?? 0)}` } },
      },
    },
  };
}

/** Conversion from each open stage to the next against its benchmark; stuck stages in the warning colour. */
export function funnelChartConfig(model: ForecastPanelModel, labels: ForecastLabels, n: Numbers, theme: Theme) {
  const steps = model.funnel.steps.filter((s) => s.stage !== 'S');
  const next = (i: number) => model.funnel.steps[i + 1].stage;
  const colors = steps.map((s) => (s.stuck ? theme.stuck : theme.ok));
  return {
    type: 'bar' as const,
    data: {
      labels: steps.map((s, i) => `${s.stage} → ${next(i)}`),
      datasets: [
        {
          label: labels.conversion, data: steps.map((s) => s.conversion ?? 0),
          backgroundColor: colors, borderColor: theme.border ? steps.map(() => theme.border!) : colors, borderWidth: theme.border ? 2 : 0,
        },
        { label: labels.benchmark, data: steps.map((s) => s.benchmark ?? 0), ...bar(theme, theme.benchmark) },
      ] as ChartDataset<'bar', number[]>[],
    },
    options: {
      ...common(theme),
      indexAxis: 'y' as const,
      scales: {
        x: { ...axis(theme, false, (v) => n.ratio(Number(v))), min: 0, max: 1 },
        y: axis(theme, false),
      },
      plugins: {
        ...common(theme).plugins,
        tooltip: {
          callbacks: {
            label: (i: TooltipItem<'bar'>) => `${i.dataset.label}: ${n.ratio(i.datasetIndex === 0 ? steps[i.dataIndex].conversion : (i.parsed.x ?? 0))}`,
            afterBody: (items: TooltipItem<'bar'>[]) => {
              const s = steps[items[0]?.dataIndex ?? 0];
              return s ? [`${labels.atStage}: ${n.count(s.count)}`, `${labels.reached}: ${n.count(s.reached)}`] : [];
            },
          },
        },
      },
    },
  };
}

type Config = ReturnType<typeof quarterChartConfig> | ReturnType<typeof funnelChartConfig>;

/** A chart on a canvas that is drawn again in place (no new canvas) when the model or the theme changes. */
export class ChartView {
  private chart: Chart | undefined;
  constructor(readonly canvas: HTMLCanvasElement) {}

  show(config: Config): void {
    if (this.chart) {
      this.chart.data = config.data;
      this.chart.options = config.options as never;
      this.chart.update('none');
    } else {
      this.chart = new Chart(this.canvas, config as never);
    }
  }

  dispose(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}
