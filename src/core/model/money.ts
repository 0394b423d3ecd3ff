/** Currency code → sum, e.g. `{ "CNY": 1200000 }`. Amounts in different currencies are never added. */
export type Money = Record<string, number>;

// ---------- sums: one rounding rule ----------

/**
 * Clears binary floating-point noise at the sixth decimal: 0.1 × 30 % is 0.03, not
 * 0.030000000000000002. A weighted amount is cleared this way.
 */
export const denoise = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * A running sum, exact to the sixth decimal (a millionth of the currency unit) whatever the order of
 * the additions: whole units and millionths are counted apart, in integers. So decimals are kept,
 * 0.1 + 0.2 is 0.3, and the same deals give the same sum in every view, in any order, even for a
 * pipeline of billions (where adding doubles one by one drifts in the sixth decimal).
 */
export class Sum {
  private units = 0;
  private micros = 0;

  add(value: number): this {
    const whole = Math.trunc(value);
    this.units += whole;
    this.micros += Math.round((value - whole) * 1e6);
    if (Math.abs(this.micros) >= 1e6) {
      const carry = Math.trunc(this.micros / 1e6);
      this.units += carry;
      this.micros -= carry * 1e6;
    }
    return this;
  }

  /** The sum as the number nearest to it (below 9 billion units exactly so; above, within a millionth). */
  get value(): number {
    return Math.abs(this.units) < 9e9 ? (this.units * 1e6 + this.micros) / 1e6 : this.units + this.micros / 1e6;
  }
}

/** Sums per currency, each a {@link Sum}. */
export class MoneySum {
  private readonly sums = new Map<string, Sum>();

  add(currency: string, value: number): this {
    let sum = this.sums.get(currency);
    if (!sum) this.sums.set(currency, (sum = new Sum()));
    sum.add(value);
    return this;
  }

  /** Currencies in the order they were first added. */
  get value(): Money {
    const out: Money = {};
    for (const [currency, sum] of this.sums) out[currency] = sum.value;
    return out;
  }
}

/** Numbers added up under the rule. */
export const addUp = (values: Iterable<number>): number => {
  const s = new Sum();
  for (const v of values) s.add(v);
  return s.value;
};

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
          ...(style === 'compact' ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
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

/** A sum per currency on one line, `¥1,200,000 + US$500` (compact: `¥1.2M + US$500`); empty when there is no amount. */
export function formatMoneySum(sum: Money, locale: string, style: 'full' | 'compact' = 'full'): string {
  const one = style === 'compact' ? formatCompactMoney : formatMoney;
  return Object.entries(sum).map(([currency, value]) => one(value, currency, locale)).join(' + ');
}
