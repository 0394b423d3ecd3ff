import * as vscode from 'vscode';
import { isPlanFile, type MapModel, type Settings } from '../../../core';
import type { HostMessage, WebviewMessage } from '../../../webview/stakeholder-map/protocol';
import { COMMANDS } from '../../constants';
import { fileNameOf, type PlanIndex } from '../../index/plan-index';
import type { Services } from '../../services';
import { PanelRestorer } from '../../webview/panel-channel';
import type { Prompter } from '../commands/prompter';
import { t } from '../../words';
import { MAP_PANEL, StakeholderMapPanel, type MapHost } from './stakeholder-map-panel';

/** Show Stakeholder Map. Returns the feature (what each map was sent and drew is the test hooks' seam). */
export function activate(context: vscode.ExtensionContext, services: Services): StakeholderMapFeature {
  const feature = new StakeholderMapFeature(context.extensionUri, services.index, () => services.config.config.settings, services.log, services.prompter,
    () => services.tracker.workspace.open('a command lists the plans'));
  context.subscriptions.push(feature);
  return feature;
}

export interface MapRendered {
  readonly uri: vscode.Uri;
  readonly message: Extract<WebviewMessage, { type: 'rendered' }>;
  /** The model that revision drew. */
  readonly model: MapModel | undefined;
}

/** "Show Stakeholder Map": the command, the panels, and their restoration after a reload. */
export class StakeholderMapFeature implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<MapRendered>();
  /** A page reported a drawing (tests wait on this: an edit reached the open map). */
  readonly onDidRender = this.renderedEmitter.event;
  private readonly sent = new Map<string, HostMessage[]>();
  private readonly host: MapHost;
  private readonly restorer: PanelRestorer<{ planUri: string }>;

  constructor(
    extensionUri: vscode.Uri, index: PlanIndex, settings: () => Settings, log: vscode.LogOutputChannel,
    private readonly prompter: () => Prompter, private readonly needPlans: () => Promise<unknown>,
  ) {
    this.host = {
      extensionUri, index, settings, log,
      posted: (panel, message) => {
        const list = this.sent.get(panel.planUri.toString()) ?? [];
        list.push(message);
        this.sent.set(panel.planUri.toString(), list.slice(-20));
      },
      rendered: (panel, message) => this.renderedEmitter.fire({ uri: panel.planUri, message, model: this.modelOf(panel.planUri, message.revision) }),
    };
    this.restorer = new PanelRestorer(MAP_PANEL, log, (panel, state) => this.restore(panel, state.planUri));
    this.disposables.push(
      this.renderedEmitter,
      vscode.commands.registerCommand(COMMANDS.showStakeholderMap, (uri?: vscode.Uri) => this.show(uri)),
      this.restorer.register(),
    );
  }

  /** Opens the map of `uri`, else of the plan in the active editor, else of a plan the user picks. */
  async show(uri?: vscode.Uri): Promise<StakeholderMapPanel | undefined> {
    const target = (uri instanceof vscode.Uri ? uri : undefined) ?? this.activePlan() ?? (await this.pickPlan());
    if (!target) return undefined;
    return StakeholderMapPanel.createOrShow(this.host, target);
  }

  /** The open map of a plan. */
  panel(uri: vscode.Uri): StakeholderMapPanel | undefined {
    return StakeholderMapPanel.find(uri);
  }

  /** The last model posted to the map of `uri` (a test seam). */
  lastModel(uri: vscode.Uri): MapModel | undefined {
    const last = this.sent.get(uri.toString())?.at(-1);
    return last?.type === 'model' ? last.model : undefined;
  }

  private modelOf(uri: vscode.Uri, revision: number): MapModel | undefined {
    const m = this.sent.get(uri.toString())?.find((x) => x.revision === revision);
    return m?.type === 'model' ? m.model : undefined;
  }

  /** What the serializer does with a panel VS Code restores: reopen the plan named in the page's state, else close it. */
  revive(panel: vscode.WebviewPanel, state: unknown): void {
    this.restorer.revive(panel, state);
  }

  private restore(panel: vscode.WebviewPanel, planUri: string): void {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(planUri, true);
    } catch (e) {
      this.host.log.warn(`stakeholder map: cannot restore from ${planUri}: ${e instanceof Error ? e.message : String(e)}`);
      panel.dispose();
      return;
    }
    StakeholderMapPanel.revive(this.host, panel, uri);
  }

  private activePlan(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && isPlanFile(doc.uri.path) ? doc.uri : undefined;
  }

  private async pickPlan(): Promise<vscode.Uri | undefined> {
    await this.needPlans().catch(() => undefined);
    const plans = this.host.index.entries().sort((a, b) => a.uri.path.localeCompare(b.uri.path));
    if (!plans.length) {
      void vscode.window.showInformationMessage(t('ext.noPlans'));
      return undefined;
    }
    return this.prompter().pick(t('ext.whichPlan'), plans.map((e) => ({
      label: e.analysis.plan?.account ?? fileNameOf(e.uri),
      description: vscode.workspace.asRelativePath(e.uri),
      value: e.uri,
    })));
  }

  dispose(): void {
    StakeholderMapPanel.all().forEach((p) => p.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
