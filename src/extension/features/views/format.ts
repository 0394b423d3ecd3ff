import * as vscode from 'vscode';
import { attitudeLetter, type Attitude, type Money } from '../../../core';
import { t } from '../../words';

/** `¥1,200,000 + $500`, in the display language; empty when there is no amount. */
export function formatMoney(m: Money): string {
  const parts = Object.entries(m).map(([currency, value]) => {
    try {
      return new Intl.NumberFormat(vscode.env.language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
    } catch {
      return `${Math.round(value).toLocaleString(vscode.env.language)} ${currency}`;
    }
  });
  return parts.join(' + ');
}

export const formatAmount = (amount: number | undefined, currency: string): string =>
  amount === undefined ? '' : formatMoney({ [currency]: amount });

/** An attitude as a coloured dot: colours `accountPlans.attitudeA` … `E` (contributed per theme kind). */
export function attitudeIcon(attitude: Attitude | undefined, gone = false): vscode.ThemeIcon {
  if (gone) return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  if (!attitude) return new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('descriptionForeground'));
  return new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(`accountPlans.attitude${attitudeLetter(attitude)}`));
}

export const ARROWS = { up: '↑', down: '↓', same: '→' } as const;

export function daysAgo(days: number | undefined): string {
  if (days === undefined) return t('days.never');
  if (days === 0) return t('days.today');
  return days === 1 ? t('days.ago.one', { count: 1 }) : t('days.ago.other', { count: days });
}
