import * as vscode from 'vscode';
import { accountRows, daysAgo, plural, type AccountRow } from '../../../core';
import type { PlanIndex } from '../../index/plan-index';
import { toCoreEntries } from './entries';
import { formatMoney } from './format';
import { t } from '../../words';

/** Every plan, the ones that need attention first. */
export class AccountsTreeProvider implements vscode.TreeDataProvider<AccountRow> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly index: PlanIndex) {}

  refresh(): void {
    this.emitter.fire();
  }

  getChildren(row?: AccountRow): AccountRow[] {
    return row ? [] : accountRows(toCoreEntries(this.index));
  }

  getTreeItem(r: AccountRow): vscode.TreeItem {
    const item = new vscode.TreeItem(r.account, vscode.TreeItemCollapsibleState.None);
    const visit = r.daysSinceVisit === undefined ? t('tree.noVisit') : t('tree.visited', { ago: daysAgo(t, r.daysSinceVisit) });
    const pipeline = Object.keys(r.openWeighted).length ? formatMoney(r.openWeighted) : '';
    item.description = [r.tier, r.owner, visit, pipeline].filter(Boolean).join(' · ');
    item.id = `account:${r.uri}`;
    item.resourceUri = vscode.Uri.parse(r.uri);
    item.contextValue = 'account';
    item.iconPath = r.errors ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : r.stale || r.warnings ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    const problems = t('tree.problems', {
      errors: t(plural('count.error', r.errors), { count: r.errors }), warnings: t(plural('count.warning', r.warnings), { count: r.warnings }),
    });
    item.tooltip = r.stale ? t('tree.stale', { problems }) : problems;
    item.command = { command: 'vscode.open', title: t('ext.open'), arguments: [vscode.Uri.parse(r.uri)] };
    return item;
  }
}
