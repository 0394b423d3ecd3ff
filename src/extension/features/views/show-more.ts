import * as vscode from 'vscode';
import type { TreePage } from '../../../core';
import { COMMANDS } from '../../constants';
import { t } from '../../words';

/** The views whose long lists come in pages. */
export type PagedView = 'pipeline' | 'accounts';

/** The row after a page of a long list: choosing it shows the next page of that list. */
export interface MoreNode {
  readonly kind: 'more';
  readonly view: PagedView;
  /** The list it extends: a group's key, or `accounts`. */
  readonly list: string;
  readonly hidden: number;
  readonly next: number;
}

/** The page's rows as nodes, then a "Show more" node when the list goes on. */
export function pagedNodes<T, N>(view: PagedView, list: string, page: TreePage<T>, node: (row: T) => N): (N | MoreNode)[] {
  const nodes: (N | MoreNode)[] = page.rows.map(node);
  if (page.hidden) nodes.push({ kind: 'more', view, list, hidden: page.hidden, next: page.next });
  return nodes;
}

export function moreItem(node: MoreNode, id: string): vscode.TreeItem {
  const item = new vscode.TreeItem(t('tree.showMore', { count: count(node.next) }), vscode.TreeItemCollapsibleState.None);
  item.description = t('tree.notShown', { count: count(node.hidden) });
  item.id = id;
  item.contextValue = 'showMore';
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.command = { command: COMMANDS.showMore, title: t('tree.showMore', { count: count(node.next) }), arguments: [node.view, node.list] };
  return item;
}

const count = (n: number): string => n.toLocaleString(vscode.env.language);
