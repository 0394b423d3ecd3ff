import { formatAmount, formatCompactMoney, formatMoney } from '../../core/model/money';

/** Numbers in the editor's display language; amounts through the engine's one money format. */
export class Numbers {
  private readonly percent: Intl.NumberFormat;

  constructor(readonly locale: string, readonly currency: string) {
    this.percent = new Intl.NumberFormat(supported(locale), { style: 'percent', maximumFractionDigits: 0 });
  }

  amount(v: number | undefined): string {
    return v === undefined ? '' : formatMoney(v, this.currency, this.locale);
  }

  compact(v: number): string {
    return formatCompactMoney(v, this.currency, this.locale);
  }

  count(v: number): string {
    return formatAmount(v, this.locale);
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
