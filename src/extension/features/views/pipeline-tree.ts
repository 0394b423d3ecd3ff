import * as vscode from 'vscode';
import {
  STAGE_INFO, TreePages, pipelineGroups, plural, stageSteps, type PipelineFilter, type PipelineGroup, type PipelineGrouping, type PipelineItem, type Stage,
} from '../../../core';
import type { PlanIndex } from '../../index/plan-index';
import { REVEAL_COMMAND } from './commands';
import { formatAmount, formatCompactMoney, formatMoney } from './format';
import { moreItem, pagedNodes, type MoreNode } from './show-more';
import { t } from '../../words';

type GroupNode = { readonly kind: 'group'; readonly group: PipelineGroup };
export type PipelineNode = GroupNode | { readonly kind: 'opportunity'; readonly item: PipelineItem } | MoreNode;

const GROUPING_KEY = 'accountPlans.pipeline.grouping';
const FILTER_KEY = 'accountPlans.pipeline.filter';

/**
 * Opportunities of every plan, by stage (or close quarter, or owner). Reads only the index, once per
 * refresh: the groups and each group's rows are kept until the next one. A group longer than a
 * page shows its first rows and a "Show more" row.
 */
export class PipelineTreeProvider implements vscode.TreeDataProvider<PipelineNode> {
  private readonly emitter = new vscode.EventEmitter<PipelineNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private groups: GroupNode[] | undefined;
  private readonly children = new Map<string, PipelineNode[]>();

  constructor(private readonly index: PlanIndex, private readonly state: vscode.Memento, public pages = new TreePages()) {}

  get grouping(): PipelineGrouping {
    return this.state.get<PipelineGrouping>(GROUPING_KEY, 'stage');
  }

  get filter(): PipelineFilter {
    return this.state.get<PipelineFilter>(FILTER_KEY, {});
  }

  async setGrouping(g: PipelineGrouping): Promise<void> {
    await this.state.update(GROUPING_KEY, g);
    this.pages.reset();
    this.refresh();
  }

  async setFilter(f: PipelineFilter): Promise<void> {
    await this.state.update(FILTER_KEY, f);
    this.pages.reset();
    this.refresh();
  }

  /** The plans changed: the groups are computed again when the view asks. */
  refresh(): void {
    this.groups = undefined;
    this.children.clear();
    this.emitter.fire(undefined);
  }

  /** One page more of the group `key`: only that group is drawn again. */
  showMore(key: string): void {
    this.pages.more(key);
    this.children.delete(key);
    this.emitter.fire(this.groups?.find((g) => g.group.key === key));
  }

  getChildren(node?: PipelineNode): PipelineNode[] {
    if (!node) return (this.groups ??= pipelineGroups(this.index.coreEntries(), this.grouping, this.filter).map((group) => ({ kind: 'group', group })));
    if (node.kind !== 'group') return [];
    const key = node.group.key;
    let rows = this.children.get(key);
    if (!rows) this.children.set(key, (rows = pagedNodes('pipeline', key, this.pages.page(key, node.group.items), (item) => ({ kind: 'opportunity', item }))));
    return rows;
  }

  getTreeItem(node: PipelineNode): vscode.TreeItem {
    if (node.kind === 'more') return moreItem(node, `more:${this.grouping}:${node.list}`);
    return node.kind === 'group' ? this.groupItem(node.group) : opportunityItem(node.item);
  }

  /**
   * A group fits the default sidebar width: the stage and the count as the label, the amounts in
   * short form (`CN¥1.5M + $60K`) as the description, every figure in full in the tooltip.
   */
  private groupItem(g: PipelineGroup): vscode.TreeItem {
    const label = `${groupLabel(g.key, this.grouping)} · ${g.count}`;
    const item = new vscode.TreeItem(label, g.count ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.description = formatCompactMoney(g.amount);
    item.id = `group:${this.grouping}:${g.key}`;
    item.contextValue = 'pipelineGroup';
    item.iconPath = new vscode.ThemeIcon(g.key === 'S' ? 'pass' : g.key === 'lost' ? 'circle-slash' : 'layers');
    item.tooltip = this.groupTooltip(g, label);
    return item;
  }

  private groupTooltip(g: PipelineGroup, label: string): string {
    const lines = [label];
    if (this.grouping === 'stage' && g.key in STAGE_INFO && STAGE_INFO[g.key as Stage].customerStep) {
      const steps = stageSteps(t, g.key as Stage);
      lines.push(steps.ourStep, t('tree.customerStep', { step: STAGE_INFO[g.key as Stage].customerStep, text: steps.customerStep }));
    }
    lines.push(t(plural('count.opportunity', g.count), { count: g.count }));
    if (g.count) lines.push(t('tree.amountLine', { amount: formatMoney(g.amount) }), t('tree.weightedLine', { amount: formatMoney(g.weighted) }));
    return lines.join('\n');
  }
}

function groupLabel(key: string, grouping: PipelineGrouping): string {
  if (grouping === 'stage') {
    if (key === 'S') return t('tree.won');
    if (key === 'lost') return t('tree.lost');
    const info = STAGE_INFO[key as Stage];
    return `${key} · ${info.probability}%`;
  }
  return key === 'none' ? (grouping === 'quarter' ? t('tree.noClose') : t('tree.noOwner')) : key;
}

function opportunityItem(p: PipelineItem): vscode.TreeItem {
  const o = p.facts.opportunity;
  const item = new vscode.TreeItem(o.name ?? o.id ?? '?', vscode.TreeItemCollapsibleState.None);
  const amount = formatAmount(o.amount, p.facts.currency);
  const weighted = formatAmount(p.facts.weighted, p.facts.currency);
  item.description = [p.account, amount, weighted && t('tree.weighted', { amount: weighted })].filter(Boolean).join(' · ');
  item.id = `opp:${p.uri}#${o.index}`;
  item.contextValue = p.facts.open ? 'opportunity.open' : 'opportunity';
  item.iconPath = new vscode.ThemeIcon('briefcase');
  item.tooltip = opportunityTooltip(p);
  item.command = { command: REVEAL_COMMAND, title: t('ext.revealInPlan'), arguments: [vscode.Uri.parse(p.uri), ['opportunities', o.index]] };
  return item;
}

function opportunityTooltip(p: PipelineItem): vscode.MarkdownString {
  const o = p.facts.opportunity;
  const md = new vscode.MarkdownString(undefined, false);
  md.supportHtml = false;
  md.appendMarkdown('**').appendText(o.name ?? o.id ?? '').appendMarkdown('** — ').appendText(p.account).appendMarkdown('\n\n');
  const row = (label: string, value: string | undefined) => { if (value) md.appendMarkdown(`- ${label}: `).appendText(value).appendMarkdown('\n'); };
  row(t('tree.stage'), o.stage && `${o.stage} (${STAGE_INFO[o.stage].ourStep})`);
  row(t('tree.close'), o.close);
  row(t('tree.probability'), `${p.facts.probability}%`);
  const category = p.facts.category ?? (p.facts.won ? 'won' : undefined);
  row(t('tree.category'), category && t(`category.${category}`));
  row(t('tree.buyingStep'), p.facts.customerStep ? `${p.facts.customerStep}/8 ${stageSteps(t, stageForStep(p.facts.customerStep)).customerStep}` : undefined);
  row(t('tree.competitors'), o.competitors?.join(', '));
  row(t('tree.position'), o.position !== undefined ? (o.position > 0 ? `+${o.position}` : String(o.position)) : undefined);
  row(t('tree.owner'), p.owner);
  return md;
}

const stageForStep = (step: number): Stage =>
  (Object.keys(STAGE_INFO) as Stage[]).find((s) => STAGE_INFO[s].customerStep === step) ?? 'G';
