import { escapePlanText, type Locale, type PlanHistory } from '../../core/index';
import { entryLines, historyTitle, historyWords, latestPath, shortCommit } from './history-lines';

/** The history for a pull request or a wiki: a heading, then one section per commit; plan text escaped. */
export function formatHistoryMarkdown(history: PlanHistory, path: string, since: string | undefined, locale: Locale): string {
  const w = historyWords(locale, escapePlanText);
  const out = [`## ${historyTitle(path, history.entries.length, since, w)}`, ''];
  const current = latestPath(history);
  for (const e of history.entries) {
    out.push(`### \`${shortCommit(e.commit)}\` ${e.date.slice(0, 10)} · ${escapePlanText(e.author)} · ${escapePlanText(e.subject)}`, '');
    if (e.path !== current) out.push(`_${w.t('history.renamed', { path: escapePlanText(e.path) })}_`, '');
    for (const line of entryLines(e, w)) out.push(`- ${line}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
