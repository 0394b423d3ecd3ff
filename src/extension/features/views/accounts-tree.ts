import * as vscode from 'vscode';
import { TreePages, accountRowsLazily, daysAgo, plural, type AccountRow, type LazilySorted } from '../../../core';
import type { PlanIndex } from '../../index/plan-index';
import { formatMoney } from './format';
import { moreItem, pagedNodes, type MoreNode } from './show-more';
import { t } from '../../words';

export type AccountNode = AccountRow | MoreNode;

/** A plan's row, not the "Show more" row. */
export const isAccount = (n: AccountNode): n is AccountRow => !('kind' in n);

const LIST = 'accounts';

/**
 * Every plan, the ones that need attention first: rows computed once per refresh, shown a page at
 * a time (a "Show more" row after the first page), and put in order only as far as they are shown.
 */
export class AccountsTreeProvider implements vscode.TreeDataProvider<AccountNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private rows: LazilySorted<AccountRow> | undefined;
  private nodes: AccountNode[] | undefined;

  constructor(private readonly index: PlanIndex, public pages = new TreePages()) {}

  refresh(): void {
    this.rows = undefined;
    this.nodes = undefined;
    this.emitter.fire();
  }

  /** One page more of the plans. */
  showMore(): void {
    this.pages.more(LIST);
    this.nodes = undefined;
    this.emitter.fire();
  }

  getChildren(node?: AccountNode): AccountNode[] {
    if (node) return [];
    this.rows ??= accountRowsLazily(this.index.coreEntries());
    return (this.nodes ??= pagedNodes('accounts', LIST, this.pages.page(LIST, this.rows), (r) => r));
  }

  getTreeItem(node: AccountNode): vscode.TreeItem {
    return isAccount(node) ? accountItem(node) : moreItem(node, `more:${LIST}`);
  }
}

function accountItem(r: AccountRow): vscode.TreeItem {
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
