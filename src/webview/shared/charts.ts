/**
 * The panels' charts, drawn by Chart.js (only the parts used are registered, so the rest is
 * tree-shaken out of the bundle) and coloured from VS Code's theme variables (panel.css maps them).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours and font read from the page's CSS variables (panel.css maps them to VS Code's). */
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

export const bar = (theme: Theme, color: string) => ({
  backgroundColor: color,
  borderColor: theme.border ?? color,
  borderWidth: theme.border ? 2 : 0,
});

export function common(theme: Theme) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: theme.fg,
    font: { family: theme.font, size: theme.fontSize },
    plugins: { legend: { position: 'bottom' as const, labels: { color: theme.fg, boxWidth: 12, font: { family: theme.font } } } },
  };
}

export const axis = (theme: Theme, stacked: boolean, tick?: (v: number | string) => string) => ({
  stacked,
  grid: { color: theme.grid },
  border: { color: theme.border ?? theme.grid },
  ticks: { color: theme.muted, font: { family: theme.font }, ...(tick ? { callback: tick } : {}) },
});

/** A chart on a canvas that is drawn again in place (no new canvas) when the model or the theme changes. */
export class ChartView {
  private chart: Chart | undefined;
  constructor(readonly canvas: HTMLCanvasElement) {}

  show(config: { type: 'bar'; data: unknown; options: unknown }): void {
    if (this.chart) {
      this.chart.data = config.data as ChartConfiguration['data'];
      this.chart.options = config.options as never;
      this.chart.update('none');
    } else {
      this.chart = new Chart(this.canvas, config as never);
    }
    this.recordLabels();
  }

  /**
   * The labels each axis drew (after Chart.js left out those it had no room for), on the canvas as
   * `data-drawn-labels` (JSON by axis id): what a test or a screen reader's helper can check.
   */
  private recordLabels(): void {
    const chart = this.chart;
    if (!chart) return;
    const drawn = Object.fromEntries(Object.entries(chart.scales).map(([id, scale]) => [id, scale.getLabelItems().map((i) => (Array.isArray(i.label) ? i.label.join(' ') : String(i.label)))]));
    this.canvas.dataset.drawnLabels = JSON.stringify(drawn);
  }

  dispose(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}
