import * as vscode from 'vscode';
import type { ForecastPanelModel } from '../../../core';
import type { ForecastState } from '../../../webview/forecast/protocol';
import type { Config } from '../../config';
import { COMMANDS } from '../../constants';
import type { PlanIndex } from '../../index/plan-index';
import type { Services } from '../../services';
import { PanelRestorer } from '../../webview/panel-channel';
import { FORECAST_PANEL, ForecastPanel, type ForecastDeps } from './forecast-panel';

type SaveDialog = ForecastDeps['saveDialog'];

/** Show Forecast. Returns the feature (its panel and last model are the test hooks' seam). */
export function activate(context: vscode.ExtensionContext, services: Services): ForecastFeature {
  const feature = new ForecastFeature(context.extensionUri, services.index, () => services.config.config, services.log, () => {
    void services.tracker.workspace.open('the Forecast was shown');
  });
  context.subscriptions.push(feature);
  return feature;
}

/**
 * "Show Forecast": the command (palette, the Pipeline view's title bar, a folder's context menu in
 * the explorer) and the serializer that brings the panel back after a reload.
 */
export class ForecastFeature implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly deps: ForecastDeps;
  private saveDialog: SaveDialog = (options) => vscode.window.showSaveDialog(options);
  private model: { model: ForecastPanelModel; revision: number } | undefined;
  private rendered = 0;
  private readonly restorer: PanelRestorer<ForecastState>;

  constructor(extensionUri: vscode.Uri, index: PlanIndex, config: () => Config, log: vscode.LogOutputChannel, private readonly needPlans: () => void) {
    this.deps = {
      extensionUri, index, config, log,
      saveDialog: (options) => this.saveDialog(options),
      onModel: (model, revision) => { this.model = { model, revision }; },
      onRendered: (r) => { this.rendered = Math.max(this.rendered, r.revision); },
    };
    this.restorer = new PanelRestorer(FORECAST_PANEL, log, (panel, state) => {
      this.needPlans();
      ForecastPanel.revive(panel, this.deps, state);
    });
    this.disposables.push(
      vscode.commands.registerCommand(COMMANDS.showForecast, (folder?: unknown) => this.show(folder)),
      this.restorer.register(),
    );
  }

  /** Opens the panel: over every plan, or the plans under a folder when run from the explorer. */
  show(folder?: unknown): ForecastPanel {
    const scope = folder instanceof vscode.Uri ? { folder: folder.toString() } : undefined;
    this.needPlans();
    return ForecastPanel.createOrShow(this.deps, scope);
  }

  /** Takes over a panel VS Code restored after a reload, with the state its page saved. */
  revive(panel: vscode.WebviewPanel, state: unknown): void {
    this.restorer.revive(panel, state);
  }

  /** The open panel, if any. */
  get panel(): ForecastPanel | undefined {
    return ForecastPanel.instance;
  }

  /** The model last posted to the page, and its revision (for tests). */
  get lastModel(): { readonly model: ForecastPanelModel; readonly revision: number } | undefined {
    return this.model;
  }

  /** The highest revision the page reported as drawn. */
  get renderedRevision(): number {
    return this.rendered;
  }

  /** Replaces the save dialog of "Export CSV" (tests answer it); undefined restores the real one. */
  setSaveDialog(dialog: SaveDialog | undefined): void {
    this.saveDialog = dialog ?? ((options) => vscode.window.showSaveDialog(options));
  }

  dispose(): void {
    ForecastPanel.instance?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
