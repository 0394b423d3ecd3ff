/** The Forecast's two charts, in the panels' shared Chart.js setup and theme colours (../shared/charts.ts). */
import type { ChartDataset, TooltipItem } from 'chart.js';
import { axis, bar, common, type Theme } from '../shared/charts';
import type { Numbers } from '../shared/numbers';
import type { ForecastLabels, ForecastPanelModel } from './protocol';
import { periodLabel } from './period-label';

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
    data: { labels: q.map((x) => periodLabel(x.period, labels)), datasets },
    options: {
      ...common(theme),
      scales: {
        x: { ...axis(theme, true), ticks: { ...axis(theme, true).ticks, autoSkip: false } },
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
        // Every bar keeps its label: Chart.js would drop every other one when the labels crowd.
        y: { ...axis(theme, false), ticks: { ...axis(theme, false).ticks, autoSkip: false } },
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
