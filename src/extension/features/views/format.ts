import * as vscode from 'vscode';
import { attitudeColourId, attitudeLetter, type Attitude, type Money } from '../../../core';

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

/** An attitude as a coloured dot: the palette's accountPlans.attitudeA … E (src/core/model/attitude-palette.ts), per theme kind. */
export function attitudeIcon(attitude: Attitude | undefined, gone = false): vscode.ThemeIcon {
  if (gone) return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  if (!attitude) return new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('descriptionForeground'));
  return new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(attitudeColourId(attitudeLetter(attitude))));
}

export const ARROWS = { up: '↑', down: '↓', same: '→' } as const;

export function daysAgo(days: number | undefined): string {
  if (days === undefined) return vscode.l10n.t('never met');
  if (days === 0) return vscode.l10n.t('today');
  return days === 1 ? vscode.l10n.t('1 day ago') : vscode.l10n.t('{0} days ago', days);
}
