import type { Locale } from '../model/finding';
import type { Stage } from '../model/selling-method';
import { en, type MessageKey } from './en';
import { format, type Params } from './format';
import { zhCn } from './zh-cn';

export type { MessageKey } from './en';
export type { Params } from './format';
export type { MessageParam } from './message-params';
export { counted, daysAgo, plural, type PluralBase } from './spans';

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

/** Our step and the customer's step of a stage, in one language ('' for lost). */
export function stageSteps(t: Translate, stage: Stage): { readonly ourStep: string; readonly customerStep: string } {
  if (stage === 'lost') return { ourStep: '', customerStep: '' };
  return { ourStep: t(`stage.${stage}.ourStep`), customerStep: t(`stage.${stage}.customerStep`) };
}
