import * as vscode from 'vscode';
import { LAYER_INFO, ROLE_INFO, roleGroups, type BuyingRole, type Layer, type PersonRow, type RoleGroup } from '../../../core';
import type { Config } from '../../config';
import type { PlanIndex } from '../../index/plan-index';
import { REVEAL_COMMAND } from './commands';
import { ARROWS, attitudeIcon, daysAgo } from './format';
import { t } from '../../words';

export type RoleNode =
  | { readonly kind: 'group'; readonly uri: vscode.Uri; readonly group: RoleGroup }
  | { readonly kind: 'person'; readonly uri: vscode.Uri; readonly row: PersonRow; readonly group: string };

const BY_LAYER_KEY = 'accountPlans.roles.byLayer';

/** The buying roles of the plan in the active editor; keeps the last plan when focus moves away. */
export class BuyingRolesTreeProvider implements vscode.TreeDataProvider<RoleNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private current: vscode.Uri | undefined;

  constructor(private readonly index: PlanIndex, private readonly config: () => Config, private readonly state: vscode.Memento) {}

  get plan(): vscode.Uri | undefined {
    return this.current;
  }

  get byLayer(): boolean {
    return this.state.get<boolean>(BY_LAYER_KEY, false);
  }

  async toggleLayer(): Promise<void> {
    await this.state.update(BY_LAYER_KEY, !this.byLayer);
    this.refresh();
  }

  /** Follows the active editor; a non-plan editor (or none) leaves the last plan shown. */
  follow(editor: vscode.TextEditor | undefined): boolean {
    const uri = editor?.document.uri;
    if (!uri || !uri.path.endsWith('.account.md') || uri.toString() === this.current?.toString()) return false;
    this.current = uri;
    this.refresh();
    return true;
  }

  refresh(): void {
    this.emitter.fire();
  }

  getChildren(node?: RoleNode): RoleNode[] {
    const uri = this.current;
    if (!uri) return [];
    if (!node) {
      const analysis = this.index.get(uri);
      if (!analysis) return [];
      return roleGroups(analysis, this.config().settings, this.byLayer ? 'layer' : 'role').map((group) => ({ kind: 'group', uri, group }));
    }
    if (node.kind === 'group') return node.group.people.map((row) => ({ kind: 'person', uri, row, group: node.group.key }));
    return [];
  }

  getTreeItem(node: RoleNode): vscode.TreeItem {
    return node.kind === 'group' ? groupItem(node.group) : personItem(node);
  }
}

function groupItem(g: RoleGroup): vscode.TreeItem {
  const label = g.key === 'none' ? t('layer.none')
    : g.key in ROLE_INFO ? `${g.key} · ${ROLE_INFO[g.key as BuyingRole].zh}` : `${g.key} · ${LAYER_INFO[g.key as Layer].zh}`;
  const item = new vscode.TreeItem(label, g.people.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.id = `role:${g.key}`;
  if (g.gap) {
    item.description = t('tree.roleGap');
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    item.contextValue = 'roleGap';
  } else {
    item.description = String(g.people.filter((p) => !p.facts.gone).length);
    item.iconPath = new vscode.ThemeIcon(g.key in ROLE_INFO ? 'person' : 'layers');
    item.contextValue = g.key in ROLE_INFO ? 'role' : 'layer';
  }
  if (g.key in ROLE_INFO) item.tooltip = t(`role.${g.key as BuyingRole}.cares`);
  return item;
}

function personItem(node: Extract<RoleNode, { kind: 'person' }>): vscode.TreeItem {
  const { facts, daysSinceContact, trend } = node.row;
  const s = facts.stakeholder;
  const item = new vscode.TreeItem(s.name ?? s.id ?? '?', vscode.TreeItemCollapsibleState.None);
  const bits = [
    s.title,
    facts.attitude ?? '?',
    facts.gone ? t('tree.left', { date: s.left ?? '' }) : daysAgo(daysSinceContact),
    trend && `${trend.from} → ${trend.to} ${ARROWS[trend.direction]}`,
  ];
  item.description = bits.filter(Boolean).join(' · ');
  item.id = `person:${node.group}:${s.index}`;
  item.iconPath = attitudeIcon(facts.attitude, facts.gone);
  item.contextValue = facts.gone ? 'stakeholder.gone' : 'stakeholder';
  item.tooltip = [s.title, s.department, s.roles?.join(', '), s.layer, facts.history.map((h) => `${h.date} ${h.attitude}`).join(' → ')]
    .filter(Boolean).join('\n');
  item.command = { command: REVEAL_COMMAND, title: t('ext.revealInPlan'), arguments: [node.uri, ['stakeholders', s.index]] };
  return item;
}
