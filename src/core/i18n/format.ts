import { isolateBidi } from './bidi';

/** Named placeholders (`{name}`) in a template, replaced by the values; an unknown one stays as written. */
export type Params = Readonly<Record<string, string | number>>;

/**
 * The template with its placeholders filled. A value holding a bidi control (a plan's text) goes in
 * isolated (core/i18n/bidi.ts), so it cannot reorder the sentence around it.
 */
export const format = (template: string, params: Params = {}): string =>
  template.replace(/\{([A-Za-z][\w]*)\}/g, (m, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? isolateBidi(String(params[name])) : m));

/** The placeholder names of a template, sorted (for the test that the languages agree). */
export const placeholders = (template: string): string[] =>
  [...new Set([...template.matchAll(/\{([A-Za-z][\w]*)\}/g)].map((m) => m[1]))].sort();
