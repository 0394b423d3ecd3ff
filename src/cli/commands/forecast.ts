
import { forecast, showBidiControls, todayLocal, type ForecastReport, type FunnelBenchmark } from '../../core/index';
import { analysePaths } from '../analyse-paths';
import { parseArgs, parseCommandLine, pickFormat, pickToday } from '../args';
import { loadSettings } from '../config';
import { type Host, useColor } from '../host';
import { styles } from '../format/ansi';
import { formatForecastMarkdown } from '../format/forecast-markdown';
import { formatForecastText } from '../format/forecast-text';
import { FORECAST_HELP } from '../help-texts';
import { SHARED_OPTIONS } from './options';
import { jsonText } from '../format/json';

const FORMATS = ['text', 'json', 'markdown'] as const;

export function runForecast(argv: readonly string[], host: Host): number {
  const { values, positionals } = parseCommandLine('forecast', () => parseArgs({
    args: [...argv],
    options: { ...SHARED_OPTIONS, format: { type: 'string', short: 'f' } },
    allowPositionals: true,
  }));
  if (values.help) {
    host.out(FORECAST_HELP);
    return 0;
  }
  const format = pickFormat('forecast', values.format, FORMATS);
  const today = pickToday(values.today, todayLocal);
  const settings = loadSettings(host.cwd, values.config, values.currency);
  const { files, errors } = analysePaths(positionals, host, { today, settings, locale: 'en' });
  // Only unreadable YAML (AP001) or values dropped by the schema (AP002) can change the figures.
  const withErrors = files.filter((f) => f.analysis.findings.some((x) => x.code === 'AP001' || x.code === 'AP002')).length;
  if (withErrors > 0) {
    host.err(`account-plans: warning: ${withErrors} plan file${withErrors === 1 ? ' has' : 's have'} format errors, so the figures may be incomplete `
      + `(run 'account-plans check')\n`);
  }
  const report = forecast(files.map((f) => f.analysis));
  host.out(render(format, report, files.length, host, settings.funnelBenchmark));
  return errors ? 2 : 0; // a plan named on the command line could not be read
}

function render(format: (typeof FORMATS)[number], report: ForecastReport, planCount: number, host: Host, benchmark: FunnelBenchmark): string {
  switch (format) {
    case 'text': return showBidiControls(formatForecastText(report, planCount, styles(useColor(host))));
    case 'json': return jsonText(inSpecOrder(report), host);
    case 'markdown': return formatForecastMarkdown(report, planCount, benchmark);
  }
}

/** The key order of docs/format.md (the forecast rollup), whatever order the engine built its objects in. */
function inSpecOrder(r: ForecastReport): ForecastReport {
  const money = (m: Record<string, number>) => Object.fromEntries(Object.entries(m));
  return {
    byStage: r.byStage.map((s) => ({ stage: s.stage, probability: s.probability, count: s.count, amount: money(s.amount), weighted: money(s.weighted) })),
    byCategory: r.byCategory.map((c) => ({ category: c.category, count: c.count, amount: money(c.amount), weighted: money(c.weighted) })),
    byPeriod: r.byPeriod.map((p) => ({ period: p.period, count: p.count, amount: money(p.amount), weighted: money(p.weighted) })),
    total: { count: r.total.count, amount: money(r.total.amount), weighted: money(r.total.weighted) },
    won: { count: r.won.count, amount: money(r.won.amount) },
  };
}
