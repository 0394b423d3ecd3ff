import * as vscode from 'vscode';
import { TIERS, byName, type PipelineFilter, type PipelineGrouping } from '../../../core';
import type { Config } from '../../config';
import { COMMANDS, VIEWS } from '../../constants';
import type { PlanIndex } from '../../index/plan-index';
import type { PlanTracker } from '../../index/plan-tracker';
import type { Services } from '../../services';
import type { Prompter } from '../commands/prompter';
import { AccountsTreeProvider } from './accounts-tree';
import { REVEAL_COMMAND, revealNode } from './commands';
import { PipelineTreeProvider } from './pipeline-tree';
import { BuyingRolesTreeProvider } from './roles-tree';
import type { PagedView } from './show-more';
import { t } from '../../words';

/** The Account Plans views and the Refresh command. Returns the feature (its tree providers are the test hooks' seam). */
export function activate(context: vscode.ExtensionContext, services: Services): ViewsFeature {
  const feature = new ViewsFeature(services.index, () => services.config.config, context.workspaceState, services.prompter, services.tracker);
  context.subscriptions.push(feature);
  return feature;
}

/** The Account Plans activity-bar container: Pipeline, Buying Roles and Accounts, all fed by the index. */
export class ViewsFeature implements vscode.Disposable {
  readonly pipeline: PipelineTreeProvider;
  readonly roles: BuyingRolesTreeProvider;
  readonly accounts: AccountsTreeProvider;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(index: PlanIndex, config: () => Config, state: vscode.Memento, private readonly prompter: () => Prompter, tracker: PlanTracker) {
    this.pipeline = new PipelineTreeProvider(index, state);
    this.roles = new BuyingRolesTreeProvider(index, config, state);
    this.accounts = new AccountsTreeProvider(index);
    const rolesView = vscode.window.createTreeView(VIEWS.roles, { treeDataProvider: this.roles, showCollapseAll: true });
    const updateRolesTitle = () => {
      const uri = this.roles.plan;
      rolesView.description = uri ? index.get(uri)?.plan?.account ?? uri.path.split('/').pop() : undefined;
    };
    const views = [
      vscode.window.createTreeView(VIEWS.pipeline, { treeDataProvider: this.pipeline, showCollapseAll: true }),
      rolesView,
      vscode.window.createTreeView(VIEWS.accounts, { treeDataProvider: this.accounts }),
    ];
    // A view that lists every plan is a sign the workspace holds some: search it (once).
    const search = (view: vscode.TreeView<unknown>) => { if (view.visible) void tracker.workspace.open('a view of the plans was shown'); };
    views.forEach(search);
    this.disposables.push(
      ...views,
      ...views.map((view) => view.onDidChangeVisibility(() => search(view))),
      vscode.commands.registerCommand(COMMANDS.refresh, async () => {
        await tracker.scanWorkspace();
        this.refreshAll();
      }),
      index.onDidChange(() => this.scheduleRefresh(index, updateRolesTitle)),
      vscode.window.onDidChangeActiveTextEditor((e) => { if (this.roles.follow(e)) updateRolesTitle(); }),
      vscode.commands.registerCommand(REVEAL_COMMAND, (uri: vscode.Uri, path: (string | number)[]) => revealNode(uri, path)),
      vscode.commands.registerCommand(COMMANDS.groupPipeline, (g?: PipelineGrouping) => this.groupPipeline(g)),
      vscode.commands.registerCommand(COMMANDS.filterPipeline, (f?: { owner?: string; tier?: string }) => this.filterPipeline(index, f)),
      vscode.commands.registerCommand(COMMANDS.toggleRoleLayers, () => this.roles.toggleLayer()),
      vscode.commands.registerCommand(COMMANDS.showMore, (view: PagedView, list: string) => this.showMore(view, list)),
    );
    this.roles.follow(vscode.window.activeTextEditor);
    void this.updateContext(index);
  }

  refreshAll(): void {
    this.pipeline.refresh();
    this.roles.refresh();
    this.accounts.refresh();
  }

  /** Many plans change at once during a scan: redraw once per burst, not per plan. */
  private scheduleRefresh(index: PlanIndex, after: () => void): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.refreshAll();
      after();
      void this.updateContext(index);
    }, 50);
  }

  /** The "Show more" row of a long list: the next page of it. */
  showMore(view: PagedView, list: string): void {
    if (view === 'accounts') this.accounts.showMore();
    else if (view === 'pipeline' && typeof list === 'string') this.pipeline.showMore(list);
  }

  private async updateContext(index: PlanIndex): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'accountPlans.hasPlans', index.size > 0);
  }

  private async groupPipeline(g?: PipelineGrouping): Promise<void> {
    const choice = g ?? (await this.prompter().pick(t('tree.groupBy'), [
      { label: t('tree.stage'), value: 'stage' as const },
      { label: t('tree.closeQuarter'), value: 'quarter' as const },
      { label: t('tree.owner'), value: 'owner' as const },
    ]));
    if (choice) await this.pipeline.setGrouping(choice);
  }

  private async filterPipeline(index: PlanIndex, f?: { owner?: string; tier?: string }): Promise<void> {
    if (f) return this.pipeline.setFilter(f);
    const owners = [...new Set(index.entries().map((e) => e.analysis.plan?.owner).filter((o): o is string => !!o))].sort(byName);
    const choice = await this.prompter().pick<PipelineFilter>(t('tree.showPipelineOf'), [
      { label: t('tree.everyone'), value: {} },
      ...owners.map((owner) => ({ label: owner, description: t('tree.ownerHint'), value: { owner } })),
      ...TIERS.map((tier) => ({ label: tier, description: t('tree.tierHint'), value: { tier } })),
    ]);
    if (choice) await this.pipeline.setFilter(choice);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.disposables.forEach((d) => d.dispose());
  }
}
