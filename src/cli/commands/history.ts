import { planHistory, showBidiControls, todayLocal, translator, type HistoryInput, type PlanHistory, type Translate } from '../../core/index';
import { parseArgs, parseCommandLine, pickFormat, pickLocale, pickToday, UsageError } from '../args';
import { loadSettings } from '../config';
import { styles } from '../format/ansi';
import { formatHistoryMarkdown } from '../format/history-markdown';
import { formatHistoryText } from '../format/history-text';
import { openGitPlanSource, type PlanRevision } from '../git';
import { type Host, useColor } from '../host';
import { HISTORY_HELP } from '../help-texts';
import { SHARED_OPTIONS } from './options';
import { jsonText } from '../format/json';

const FORMATS = ['text', 'json', 'markdown'] as const;

/** `account-plans history PATH [--since DATE]`: one plan across the commits that touched it. */
export function runHistory(argv: readonly string[], host: Host): number {
  const { values, positionals } = parseCommandLine('history', () => parseArgs({
    args: [...argv],
    options: { ...SHARED_OPTIONS, since: { type: 'string' }, format: { type: 'string', short: 'f' }, lang: { type: 'string' } },
    allowPositionals: true,
  }));
  if (values.help) {
    host.out(HISTORY_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("history takes one plan file (see 'account-plans history --help')");
  if (values.since === '') throw new UsageError('--since takes a date (e.g. 2026-01-01 or "3 months ago")');
  const [file] = positionals;
  const format = pickFormat('history', values.format, FORMATS);
  const today = pickToday(values.today, todayLocal);
  const locale = pickLocale(values.lang);
  const settings = loadSettings(host.cwd, values.config, values.currency);
  const revisions = openGitPlanSource({ cwd: host.cwd, env: host.env }).history(file, { since: values.since });
  if (revisions.length === 0) host.err(`account-plans: ${translator(locale)('history.none', { path: file })}\n`);
  const history = planHistory(revisions.map((r) => toInput(r, translator(locale))), { today, settings, locale });
  host.out(render(format, history, file, values.since, host, locale));
  return 0;
}

function toInput(r: PlanRevision, t: Translate): HistoryInput {
  const base = { commit: r.commit, date: r.date, author: r.author, subject: r.subject, path: r.path };
  if (!r.content) return base;
  switch (r.content.kind) {
    case 'text': return { ...base, text: r.content.text };
    case 'binary': return { ...base, unreadable: t('history.binary') };
    case 'too-large': return { ...base, unreadable: t('history.tooLarge', { size: r.content.size }) };
    case 'missing': return { ...base, unreadable: r.content.reason };
  }
}

function render(format: (typeof FORMATS)[number], history: PlanHistory, file: string, since: string | undefined, host: Host, locale: 'en' | 'zh-cn'): string {
  switch (format) {
    case 'text': return showBidiControls(formatHistoryText(history, file, since, locale, styles(useColor(host))));
    case 'markdown': return formatHistoryMarkdown(history, file, since, locale);
    case 'json': return jsonText({ version: history.version, path: file, since: since ?? null, commits: history.entries }, host);
  }
}
