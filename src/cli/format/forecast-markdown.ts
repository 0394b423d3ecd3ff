import { bottleneckFigures, escapePlanText, funnel, plural, translator, type ForecastReport, type Funnel, type FunnelBenchmark, type FunnelStage } from '../../core/index';
import { forecastTables, type Table } from './forecast-tables';

/** GitHub-flavoured Markdown, e.g. for a pull-request comment: amounts with their currency symbol, and the funnel. */
export function formatForecastMarkdown(report: ForecastReport, planCount: number, benchmark: FunnelBenchmark): string {
  const { title, tables } = forecastTables(report, planCount, 'symbol');
  return [`## ${title}`, ...tables.map(renderTable), funnelSection(report, benchmark)].join('\n\n') + '\n';
}

function renderTable(table: Table): string {
  const heading = `### ${table.title}`;
  if (table.rows.length === 0 && table.empty) return `${heading}\n\n${table.empty}`;
  // Every cell through the one escaper of plan text: `US$` cannot open GitHub's math, `|` cannot split a cell.
  const row = (cells: readonly string[]) => `| ${cells.map(escapePlanText).join(' | ')} |`;
  const rule = `|${table.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  return [heading, '', row(table.headers), rule, ...table.rows.map(row)].join('\n');
}

const t = translator('en');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const ratio = (v: number | undefined): string => (v === undefined ? '' : percent.format(v));

/** Every open deal at its stage and the won ones at S, as the Forecast panel's funnel counts them. */
function funnelOf(report: ForecastReport, benchmark: FunnelBenchmark): Funnel {
  const counts = Object.fromEntries(report.byStage.map((s) => [s.stage, s.count])) as Record<FunnelStage, number>;
  return funnel({ ...counts, S: report.won.count }, benchmark);
}

/** The funnel: deals at and past each stage, the share that went on, against the benchmark; the bottleneck with its numbers. */
function funnelSection(report: ForecastReport, benchmark: FunnelBenchmark): string {
  const f = funnelOf(report, benchmark);
  const table = renderTable({
    title: t('forecast.funnel'),
    headers: [t('forecast.stage'), t('forecast.atStage'), t('forecast.reached'), t('forecast.conversion'), t('forecast.benchmark')],
    numeric: [false, true, true, true, true],
    rows: f.steps.map((s) => [
      s.stage === 'S' ? t('forecast.wonStage') : s.stage,
      String(s.count),
      String(s.reached),
      s.stuck ? `${ratio(s.conversion)} (${t('forecast.stuck')})` : ratio(s.conversion),
      ratio(s.benchmark),
    ]),
  });
  const b = bottleneckFigures(f);
  const verdict = b
    ? `${t(plural('forecast.bottleneck', b.parked), {
      parked: b.parked, stage: b.stage, next: b.next === 'S' ? t('forecast.wonStage') : b.next, conversion: ratio(b.conversion), benchmark: ratio(b.benchmark),
    })}.`
    : `${t('forecast.noBottleneck')}.`;
  return `${table}\n\n${t('forecast.funnelHelp')} ${verdict}`;
}
