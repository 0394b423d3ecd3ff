/** The pipeline waterfall as a Chart.js bar chart: totals from zero, each step a floating bar from the running total. */
import type { ChartDataset, TooltipItem } from 'chart.js';
import { axis, common, type Theme } from '../shared/charts';
import type { Numbers } from '../shared/numbers';
import type { WaterfallBar, WaterfallChart } from './protocol';

const colourOf = (b: WaterfallBar, theme: Theme): string => (b.kind === 'up' ? theme.commit : b.kind === 'down' ? theme.stuck : theme.bestCase);

export function waterfallChartConfig(chart: WaterfallChart, n: Numbers, theme: Theme) {
  const colours = chart.bars.map((b) => colourOf(b, theme));
  const dataset: ChartDataset<'bar', [number, number][]> = {
    label: chart.title,
    data: chart.bars.map((b) => [b.start, b.end]),
    backgroundColor: colours,
    borderColor: theme.border ? chart.bars.map(() => theme.border!) : colours,
    borderWidth: theme.border ? 2 : 0,
    borderSkipped: false,
  };
  const base = common(theme);
  return {
    type: 'bar' as const,
    data: { labels: chart.bars.map((b) => wrap(b.label)), datasets: [dataset] },
    options: {
      ...base,
      scales: {
        x: { ...axis(theme, false), ticks: { ...axis(theme, false).ticks, maxRotation: 0, autoSkip: false } },
        y: { ...axis(theme, false, (v) => n.compact(Number(v))), beginAtZero: true },
      },
      plugins: {
        ...base.plugins,
        legend: { display: false },
        tooltip: { callbacks: { label: (i: TooltipItem<'bar'>) => chart.bars[i.dataIndex]?.amount ?? '' } },
      },
    },
  };
}

/** A step's name on lines of about 12 characters (Chart.js draws an array as lines), so no label is slanted. */
export function wrap(label: string, width = 12): string | string[] {
  const words = label.split(' ');
  const lines: string[] = [];
  for (const w of words) {
    const last = lines.length ? lines[lines.length - 1] : undefined;
    if (last !== undefined && last.length + 1 + w.length <= width) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  return lines.length > 1 ? lines : label;
}

/** The chart in words, for screen readers (and tests): each bar's label and amount. */
export const waterfallAriaLabel = (chart: WaterfallChart): string =>
  `${chart.title}: ${chart.bars.map((b) => `${b.label} ${b.amount}`).join('; ')}`;
