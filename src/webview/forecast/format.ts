/** Numbers in the editor's display language; a currency Intl does not know is written after the number. */
export class Numbers {
  private readonly money: Intl.NumberFormat | undefined;
  private readonly compactMoney: Intl.NumberFormat | undefined;
  private readonly plain: Intl.NumberFormat;
  private readonly percent: Intl.NumberFormat;

  constructor(readonly locale: string, readonly currency: string) {
    const safeLocale = supported(locale);
    this.plain = new Intl.NumberFormat(safeLocale, { maximumFractionDigits: 0 });
    this.percent = new Intl.NumberFormat(safeLocale, { style: 'percent', maximumFractionDigits: 0 });
    try {
      this.money = new Intl.NumberFormat(safeLocale, { style: 'currency', currency, maximumFractionDigits: 0 });
      this.compactMoney = new Intl.NumberFormat(safeLocale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      this.money = undefined;
      this.compactMoney = undefined;
    }
  }

  amount(v: number | undefined): string {
    if (v === undefined) return '';
    return this.money ? this.money.format(v) : `${this.plain.format(v)} ${this.currency}`;
  }

  compact(v: number): string {
    return this.compactMoney ? this.compactMoney.format(v) : `${this.plain.format(v)} ${this.currency}`;
  }

  count(v: number): string {
    return this.plain.format(v);
  }

  ratio(v: number | undefined): string {
    return v === undefined ? '–' : this.percent.format(v);
  }
}

function supported(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : 'en';
  } catch {
    return 'en';
  }
}
