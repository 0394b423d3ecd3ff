import type { Locale, PlanHistory } from '../../core/index';
import type { Styles } from './ansi';
import { entryLines, historyTitle, historyWords, latestPath, shortCommit } from './history-lines';

/**
 * The history as a timeline: one block per commit, oldest first, saying only what changed (the
 * first block gives the starting point). A seller reads it as a story of the account; a table
 * per opportunity would repeat every unchanged value and leave out people and visits.
 */
export function formatHistoryText(history: PlanHistory, path: string, since: string | undefined, locale: Locale, s: Styles): string {
  const w = historyWords(locale, (x) => x);
  const out = [s.bold(historyTitle(path, history.entries.length, since, w)), ''];
  const current = latestPath(history);
  for (const e of history.entries) {
    const renamed = e.path !== current ? `  (${w.t('history.renamed', { path: e.path })})` : '';
    out.push(`${s.yellow(shortCommit(e.commit))} ${e.date.slice(0, 10)} ${e.author}  ${s.bold(e.subject)}${s.dim(renamed)}`);
    for (const line of entryLines(e, w)) out.push(`    ${e.state === 'parsed' ? line : s.red(line)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
