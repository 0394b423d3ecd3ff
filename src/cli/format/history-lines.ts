import { formatMoney, plural, translator, type HistoryChange, type HistoryEntry, type Locale, type PlanHistory, type Translate } from '../../core/index';

/** How a value from the plan or the commit is written: as is (text) or escaped (Markdown). */
export type Escape = (text: string) => string;

/** The short commit id a reader can type. */
export const shortCommit = (commit: string): string => commit.slice(0, 7);

export interface HistoryWords {
  readonly t: Translate;
  readonly locale: Locale;
  readonly esc: Escape;
}

export const historyWords = (locale: Locale, esc: Escape): HistoryWords => ({ t: translator(locale), locale, esc });

/** What one commit did to the plan, in sentences: the state for the first, the changes after it. */
export function entryLines(entry: HistoryEntry, w: HistoryWords): string[] {
  const { t, esc } = w;
  switch (entry.state) {
    case 'deleted': return [t('history.deleted')];
    case 'unparsable': return [t('history.unparsable', { error: esc(entry.error ?? '') })];
    case 'unreadable': return [t('history.unreadable', { error: esc(entry.error ?? '') })];
    case 'parsed': return entry.first ? stateLines(entry, w) : changeLines(entry.changes, w);
  }
}

function stateLines(entry: HistoryEntry, w: HistoryWords): string[] {
  const { t, esc } = w;
  const none = t('history.noValue');
  const money = (value: number | undefined, currency: string) => (value === undefined ? none : formatMoney(value, currency, w.locale));
  return [
    t('history.start'),
    ...entry.opportunities.map((o) => t('history.opportunity', {
      name: esc(o.name ?? o.key), stage: o.stage ?? none, amount: money(o.amount, o.currency), weighted: money(o.weighted, o.currency),
    })),
    ...entry.people.map((p) => (p.left
      ? t('history.personLeft', { name: esc(p.name ?? p.key), attitude: p.attitude ?? none, date: p.left })
      : t('history.person', { name: esc(p.name ?? p.key), attitude: p.attitude ?? none }))),
    ...Object.entries(entry.visitsByMonth).map(([month, count]) => t('history.visitsMonth', { month, count })),
  ];
}

function changeLines(changes: readonly HistoryChange[], w: HistoryWords): string[] {
  if (changes.length === 0) return [w.t('history.nothing')];
  return changes.map((c) => changeLine(c, w));
}

function changeLine(c: HistoryChange, w: HistoryWords): string {
  const { t, esc } = w;
  const none = t('history.noValue');
  const or = (v: string | undefined) => v ?? none;
  const money = (value: number | undefined, currency: string) => (value === undefined ? none : formatMoney(value, currency, w.locale));
  switch (c.kind) {
    case 'opportunity-added': return t('history.opportunityAdded', { name: esc(c.name ?? c.key) });
    case 'opportunity-removed': return t('history.opportunityRemoved', { name: esc(c.name ?? c.key) });
    case 'stage': return t('history.stage', { name: esc(c.name ?? c.key), from: or(c.from), to: or(c.to) });
    case 'amount': return t('history.amount', { name: esc(c.name ?? c.key), from: money(c.from, c.currency), to: money(c.to, c.currency) });
    case 'weighted': return t('history.weighted', { name: esc(c.name ?? c.key), from: money(c.from, c.currency), to: money(c.to, c.currency) });
    case 'person-added': return t('history.personAdded', { name: esc(c.name ?? c.key) });
    case 'person-removed': return t('history.personRemoved', { name: esc(c.name ?? c.key) });
    case 'attitude': return t('history.attitude', { name: esc(c.name ?? c.key), from: or(c.from), to: or(c.to) });
    case 'visits': return t('history.visits', { month: c.month, from: c.from, to: c.to });
  }
}

/** "History of PATH · 3 commits · since DATE". */
export function historyTitle(path: string, count: number, since: string | undefined, w: HistoryWords): string {
  return [
    w.t('history.title', { path: w.esc(path) }),
    w.t(plural('history.commits', count), { count }),
    ...(since ? [w.t('history.since', { date: w.esc(since) })] : []),
  ].join(' · ');
}

/** The plan's path in the newest commit: older commits that knew it by another name say so. */
export const latestPath = (history: PlanHistory): string | undefined => history.entries.at(-1)?.path;
