import * as vscode from 'vscode';
import { attitudeColourId, attitudeLetter, daysAgo as spanFromToday, formatMoney as money, formatMoneySum, type Attitude, type Money } from '../../../core';
import { t } from '../../words';

/** `¥1,200,000 + $500`, in the display language; empty when there is no amount. */
export const formatMoney = (m: Money): string => formatMoneySum(m, vscode.env.language);

/** `CN¥1.5M + $60K`, in the display language: short enough for a tree row's description. */
export const formatCompactMoney = (m: Money): string => formatMoneySum(m, vscode.env.language, 'compact');

export const formatAmount = (amount: number | undefined, currency: string): string =>
  amount === undefined ? '' : money(amount, currency, vscode.env.language);

/** An attitude as a coloured dot: the palette's accountPlans.attitudeA … E (src/core/model/attitude-palette.ts), per theme kind. */
export function attitudeIcon(attitude: Attitude | undefined, gone = false): vscode.ThemeIcon {
  if (gone) return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  if (!attitude) return new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('descriptionForeground'));
  return new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(attitudeColourId(attitudeLetter(attitude))));
}

export const ARROWS = { up: '↑', down: '↓', same: '→' } as const;

/** Days since a contact as people say it ("12 days ago", "3 months ago"), or "never met". */
export const daysAgo = (days: number | undefined): string => (days === undefined ? t('days.never') : spanFromToday(t, days));
