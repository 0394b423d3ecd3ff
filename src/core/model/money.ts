/** Currency code → sum, e.g. `{ "CNY": 1200000 }`. Amounts in different currencies are never added. */
export type Money = Record<string, number>;

// ---------- sums: one rounding rule ----------

/**
 * The one rounding rule for figures: decimals are kept, binary floating-point noise is cleared at
 * the sixth decimal (0.1 + 0.2 is 0.3, and 0.1 × 30 % is 0.03). Only the display rounds further.
 */
export const denoise = (v: number): number => Math.round(v * 1e6) / 1e6;

/** `a + b` under the rounding rule: every sum of amounts is built with it. */
export const plus = (a: number, b: number): number => denoise(a + b);

/** Adds `value` to the sum of its currency. */
export function addMoney(sum: Money, currency: string, value: number): void {
  sum[currency] = plus(sum[currency] ?? 0, value);
}

// ---------- display: whole units of the currency ----------

const formats = new Map<string, Intl.NumberFormat | null>();
const locales = new Map<string, string>();

/** A locale Intl knows (`zh-cn`, `en`, `de-DE`); anything else is shown as `en`. */
function knownLocale(locale: string): string {
  let known = locales.get(locale);
  if (known === undefined) {
    try {
      known = Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : 'en';
    } catch {
      known = 'en';
    }
    locales.set(locale, known);
  }
  return known;
}

/** A cached formatter; `null` for a currency code Intl does not know. */
function format(locale: string, style: 'plain' | 'money' | 'compact', currency = ''): Intl.NumberFormat | null {
  const key = `${locale}\u0000${style}\u0000${currency}`;
  let f = formats.get(key);
  if (f === undefined) {
    const tag = knownLocale(locale);
    try {
      f = style === 'plain' ? new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })
        : new Intl.NumberFormat(tag, {
          style: 'currency', currency,
          ...(style === 'compact' ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
        });
    } catch {
      f = null;
    }
    formats.set(key, f);
  }
  return f;
}

/**
 * A number of whole currency units with the locale's grouping, no symbol (`2,600,000`): for tables
 * that show the currency in a column of its own.
 */
export const formatAmount = (value: number, locale: string): string => format(locale, 'plain')!.format(value);

/**
 * One amount in whole units: `CN¥2,600,000` in `en`, `¥2,600,000` in `zh-cn`; a code Intl does
 * not know as `2,600,000 XYZ`.
 */
export function formatMoney(value: number, currency: string, locale: string): string {
  return format(locale, 'money', currency)?.format(value) ?? `${formatAmount(value, locale)} ${currency}`;
}

/** An amount for a chart's axis or bar: `CN¥2.6M`. */
export function formatCompactMoney(value: number, currency: string, locale: string): string {
  return format(locale, 'compact', currency)?.format(value) ?? `${formatAmount(value, locale)} ${currency}`;
}

/** A sum per currency on one line, `¥1,200,000 + US$500`; empty when there is no amount. */
export function formatMoneySum(sum: Money, locale: string): string {
  return Object.entries(sum).map(([currency, value]) => formatMoney(value, currency, locale)).join(' + ');
}
