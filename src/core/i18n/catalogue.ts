import type { Locale } from '../model/finding';
import type { Stage } from '../model/selling-method';
import { en, type MessageKey } from './en';
import { format, type Params } from './format';
import { zhCn } from './zh-cn';

export type { MessageKey } from './en';
export type { Params } from './format';
export type { MessageParam } from './message-params';

/** A language's words: every key of the English catalogue, each a template. */
export type Catalogue = { readonly [K in MessageKey]: string };

/** The keys that start with one of the prefixes (a surface's share of the catalogue). */
export type KeysOf<P extends string> = Extract<MessageKey, `${P}${string}`>;
export type Words<P extends string> = { readonly [K in KeysOf<P>]: string };

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, 'zh-cn': zhCn };

export type Translate = (key: MessageKey, params?: Params) => string;

/** `t(key, params)` in one language. */
export const translator = (locale: Locale = 'en'): Translate => {
  const catalogue = CATALOGUES[locale] ?? en;
  return (key, params) => format(catalogue[key], params);
};

/** The key for `count` of something English says in two ways (`.one` / `.other`). */
export const plural = <B extends string>(base: B, count: number): `${B}.one` | `${B}.other` =>
  count === 1 ? `${base}.one` : `${base}.other`;

/** A key that has `.one` and `.other` forms, named without them: `count.day`, `days.ago`. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** `count` with its noun in the language's plural form: "1 day", "90 days", "90 天". */
export const counted = (t: Translate, base: PluralBase, count: number): string =>
  t(plural(base, count) as MessageKey, { count });

/** The templates of the keys that start with one of the prefixes, for a webview to fill in itself. */
export function wordsOf<P extends string>(locale: Locale, ...prefixes: readonly P[]): Words<P> {
  const catalogue = CATALOGUES[locale] ?? en;
  const out: Record<string, string> = {};
  for (const [key, template] of Object.entries(catalogue)) if (prefixes.some((p) => key.startsWith(p))) out[key] = template;
  return out as Words<P>;
}

/** The editor's display language (`vscode.env.language`, a BCP 47 tag) as one of the catalogues. */
export const localeOf = (language: string | undefined): Locale =>
  /^zh(?:$|-(?:cn|sg|hans)\b)/i.test(language ?? '') ? 'zh-cn' : 'en';

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

/** Our step and the customer's step of a stage, in one language ('' for lost). */
export function stageSteps(t: Translate, stage: Stage): { readonly ourStep: string; readonly customerStep: string } {
  if (stage === 'lost') return { ourStep: '', customerStep: '' };
  return { ourStep: t(`stage.${stage}.ourStep`), customerStep: t(`stage.${stage}.customerStep`) };
}
