import type { MessageKey } from './en';
import type { PluralBase, Translate } from './catalogue';
import { counted, daysAgo } from './catalogue';

/**
 * A value for a message's placeholder that is said in the reader's language when the message is
 * worded, not when it is found (the engine finds once, then words in en or zh-cn):
 * - `{ word }`: another message, e.g. a type's name;
 * - `{ count, unit }`: a number with its noun in the right plural form, `{ count: 90, unit: 'count.day' }`
 *   → "90 days" / "90 天";
 * - `{ daysAgo }`: days before today as a span, "12 days ago", "3 months ago", "20 years ago".
 */
export type MessageParam =
  | string | number
  | { readonly word: MessageKey }
  | { readonly count: number; readonly unit: PluralBase }
  | { readonly daysAgo: number };

export function wordParam(t: Translate, v: MessageParam): string | number {
  if (typeof v !== 'object') return v;
  if ('word' in v) return t(v.word);
  if ('unit' in v) return counted(t, v.unit, v.count);
  return daysAgo(t, v.daysAgo);
}
