import * as vscode from 'vscode';
import { attitudeColourId, attitudeLetter, formatMoney as money, formatMoneySum, type Attitude, type Money } from '../../../core';
import { t } from '../../words';

/** `¥1,200,000 + $500`, in the display language; empty when there is no amount. */
export const formatMoney = (m: Money): string => formatMoneySum(m, vscode.env.language);

export const formatAmount = (amount: number | undefined, currency: string): string =>
  amount === undefined ? '' : money(amount, currency, vscode.env.language);

/** An attitude as a coloured dot: the palette's accountPlans.attitudeA … E (src/core/model/attitude-palette.ts), per theme kind. */
export function attitudeIcon(attitude: Attitude | undefined, gone = false): vscode.ThemeIcon {
  if (gone) return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  if (!attitude) return new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('descriptionForeground'));
  return new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(attitudeColourId(attitudeLetter(attitude))));
}

export const ARROWS = { up: '↑', down: '↓', same: '→' } as const;

export function daysAgo(days: number | undefined): string {
  if (days === undefined) return t('days.never');
  if (days === 0) return t('days.today');
  return days === 1 ? t('days.ago.one', { count: 1 }) : t('days.ago.other', { count: days });
}
