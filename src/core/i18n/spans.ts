import type { MessageKey } from './en';
import type { Translate } from './catalogue';

/*
 * Counts and spans of days in words, for any translator: the extension's (a catalogue) and a
 * webview's (the templates it was sent, see `wordsOf`), so the page needs no catalogue of its own.
 */

/** The key for `count` of something English says in two ways (`.one` / `.other`). */
export const plural = <B extends string>(base: B, count: number): `${B}.one` | `${B}.other` =>
  count === 1 ? `${base}.one` : `${base}.other`;

/** A key that has `.one` and `.other` forms, named without them: `count.day`, `days.ago`. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** `count` with its noun in the language's plural form: "1 day", "90 days", "90 天". */
export const counted = (t: Translate, base: PluralBase, count: number): string =>
  t(plural(base, count) as MessageKey, { count });

/** Under this many days a span is said in days ("45 days ago"); from it, in months; from a year, in years. */
const MONTHS_FROM = 60;
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * A span of days from today as people say it (negative: ahead): "today", "yesterday",
 * "12 days ago", "3 months ago", "20 years ago", "in 2 days". Months and years are rounded to the
 * nearest whole one, never below 2 months or 1 year.
 */
export function daysAgo(t: Translate, days: number): string {
  if (days === 0) return t('days.today');
  if (days === 1) return t('days.yesterday');
  if (days === -1) return t('days.tomorrow');
  const past = days > 0;
  const span = Math.abs(days);
  if (span < MONTHS_FROM) return counted(t, past ? 'days.ago' : 'days.ahead', span);
  if (span < 365) return counted(t, past ? 'days.monthsAgo' : 'days.inMonths', Math.max(2, Math.round(span / DAYS_PER_MONTH)));
  return counted(t, past ? 'days.yearsAgo' : 'days.inYears', Math.max(1, Math.round(span / 365.25)));
}

