import * as vscode from 'vscode';
import {
  applyQueryChange, ForecastBook, forecastCsv, forecastPanel, plural, rowBlock, todayLocal, withFirstBlock, type ForecastPanelModel, type ForecastQuery, type PlanEntry,
} from '../../../core';
import type { ForecastState, HostMessage, WebviewMessage } from '../../../webview/forecast/protocol';
import type { Config } from '../../config';
import type { PlanIndex } from '../../index/plan-index';
import { webviewOptions } from '../../webview/panel-html';
import { PanelChannel, type PanelKind } from '../../webview/panel-channel';
import { REVEAL_COMMAND } from '../views/commands';
import { forecastLabels } from './forecast-words';
import { displayLocale, t } from '../../words';
import { WebviewMessageSchema, RevivedStateSchema, type CheckedMessage } from './inbound-messages';

/** Wait after a burst of plan changes before the figures are computed again. */
const RECOMPUTE_MS = 100;

/** What a panel needs from the extension; `saveDialog` is a seam tests answer. */
export interface ForecastDeps {
  readonly extensionUri: vscode.Uri;
  readonly index: PlanIndex;
  readonly config: () => Config;
  readonly log: vscode.LogOutputChannel;
  readonly saveDialog: (options: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;
  /** Called with every model posted to the webview (tests read the last one). */
  readonly onModel?: (model: ForecastPanelModel, revision: number) => void;
  /** Called with every `rendered` report of the webview. */
  readonly onRendered?: (report: Extract<WebviewMessage, { type: 'rendered' }>) => void;
}

export type ForecastScope = ForecastState['scope'];

/** The Forecast panel's view type, page, and what its page may send and save. */
export const FORECAST_PANEL: PanelKind<CheckedMessage, ForecastState> = {
  viewType: 'accountPlans.forecast', bundle: 'forecast', name: 'forecast', inbound: WebviewMessageSchema, state: RevivedStateSchema,
};

/**
 * The Forecast panel: one per window. It computes the figures from the index (never from the
 * files), posts them to the page, and recomputes after plans, settings or the query change.
 */
export class ForecastPanel implements vscode.Disposable {
  static readonly viewType = FORECAST_PANEL.viewType;
  private static current: ForecastPanel | undefined;

  private readonly channel: PanelChannel<HostMessage, CheckedMessage>;
  private query: ForecastQuery;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private stale = true;
  private model: ForecastPanelModel | undefined;
  /** The deals indexed for queries: made again after a change of the plans or the settings, or on a new day. */
  private book: ForecastBook | undefined;
  /** The revision the model was last posted with: the page asks for more of its rows by it. */
  private posted = -1;

  static get instance(): ForecastPanel | undefined {
    return ForecastPanel.current;
  }

  /** Shows the panel (creating it if needed); a scope given replaces the shown one. */
  static createOrShow(deps: ForecastDeps, scope?: ForecastScope): ForecastPanel {
    const existing = ForecastPanel.current;
    if (existing) {
      existing.panel.reveal();
      if (scope) existing.setQuery({ folder: scope.folder, owner: scope.owner, sort: existing.query.sort });
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(ForecastPanel.viewType, t('forecast.title'), vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    return (ForecastPanel.current = new ForecastPanel(panel, deps, scope ?? {}));
  }

  /** Takes over a panel VS Code restored after a reload (the state its page saved, checked). */
  static revive(panel: vscode.WebviewPanel, deps: ForecastDeps, state: ForecastState): ForecastPanel {
    ForecastPanel.current?.dispose();
    return (ForecastPanel.current = new ForecastPanel(panel, deps, state.scope));
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly deps: ForecastDeps, scope: ForecastScope) {
    this.query = { folder: scope.folder, owner: scope.owner };
    this.channel = new PanelChannel(panel, FORECAST_PANEL, deps.extensionUri, { title: t('forecast.title'), loading: t('forecast.loading') }, deps.log, (m) => this.onMessage(m));
    this.updateTitle();
    this.channel.own(
      panel.onDidDispose(() => this.dispose()),
      // Hidden panels lose their page (no retainContextWhenHidden): it says `ready` again when shown.
      panel.onDidChangeViewState(() => { if (!panel.visible) this.ready = false; }),
      deps.index.onDidChange(() => this.changed()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('accountPlans')) this.changed(); }),
    );
  }

  /** The model last posted to the page. */
  get lastModel(): ForecastPanelModel | undefined {
    return this.model;
  }

  get scope(): ForecastScope {
    return { folder: this.query.folder, owner: this.query.owner };
  }

  /** Handles a message from the page (validated first; anything else is logged and dropped). */
  handleMessage(raw: unknown): Promise<void> {
    return this.channel.receive(raw);
  }

  private async onMessage(m: CheckedMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'rendered':
        this.deps.onRendered?.(m);
        return;
      case 'query':
        this.setQuery(applyQueryChange(this.query, m.change));
        return;
      case 'rows':
        this.postRows(m.of, m.from);
        return;
      case 'exportCsv':
        await this.exportCsv();
        return;
      case 'reveal':
        await this.reveal(m.uri, m.index);
        return;
      case 'openPlan':
        await this.openPlan(m.uri);
        return;
    }
  }

  setQuery(query: ForecastQuery): void {
    this.query = query;
    this.updateTitle();
    this.stale = true;
    this.post();
  }

  dispose(): void {
    if (ForecastPanel.current === this) ForecastPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.channel.dispose();
  }

  /** A plan or a setting changed: recompute once the burst is over. */
  private changed(): void {
    this.stale = true;
    this.book = undefined;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.post();
    }, RECOMPUTE_MS);
  }

  /** The figures of the query, from the book (a filter or a sort changes only what is selected from it). */
  private compute(): ForecastPanelModel {
    const { settings } = this.deps.config();
    const today = todayLocal();
    if (this.book?.today !== today) this.book = new ForecastBook(this.entries(), today);
    return this.book.panel(this.query, { benchmark: settings.funnelBenchmark, defaultCurrency: settings.currency });
  }

  private entries(): PlanEntry[] {
    return this.deps.index.entries().map((e) => ({ uri: e.uri.toString(), analysis: e.analysis }));
  }

  /** Posts the current figures when the page is there to show them. */
  private post(): void {
    if (!this.ready || !this.panel.visible) return;
    if (this.stale || !this.model) {
      this.model = this.compute();
      this.stale = false;
    }
    const folder = this.model.query.folder;
    // Every figure, but only the first block of rows: the page asks for more as it scrolls.
    const { revision } = this.channel.post({
      type: 'model', model: withFirstBlock(this.model), labels: forecastLabels(displayLocale()), locale: vscode.env.language,
      folderLabel: folder ? vscode.workspace.asRelativePath(vscode.Uri.parse(folder), true) : undefined,
    });
    this.posted = revision;
    this.deps.onModel?.(this.model, revision);
  }

  /** A block of the rows of the model last posted; a request for an older model is answered by the newer model already on its way. */
  private postRows(of: number, from: number): void {
    if (of !== this.posted || !this.model || !this.panel.visible) return;
    this.channel.post({ type: 'rows', of, from, rows: rowBlock(this.model, from) });
  }

  private updateTitle(): void {
    const { folder, owner } = this.query;
    const parts = [folder ? vscode.workspace.asRelativePath(vscode.Uri.parse(folder), false) : undefined, owner || undefined].filter(Boolean);
    this.panel.title = parts.length ? `${t('forecast.title')}: ${parts.join(' · ')}` : t('forecast.title');
  }

  private async exportCsv(): Promise<void> {
    const model = this.model ?? this.compute();
    const all = forecastPanel(this.entries(), model.query, {
      benchmark: this.deps.config().settings.funnelBenchmark, defaultCurrency: model.query.currency, rowLimit: Number.MAX_SAFE_INTEGER,
    });
    const rows = all.rows; // in the sort of the page's table
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await this.deps.saveDialog({
      defaultUri: base ? vscode.Uri.joinPath(base, `forecast-${model.query.currency}.csv`) : undefined,
      filters: { CSV: ['csv'] },
      saveLabel: t('forecast.exportCsv'),
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(forecastCsv(rows)));
      void vscode.window.showInformationMessage(t(plural('cmd.exported', rows.length), { count: rows.length, file: vscode.workspace.asRelativePath(target) }));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.deps.log.error(`forecast: writing ${target.toString(true)} failed: ${why}`);
      void vscode.window.showErrorMessage(t('cmd.writeFailed', { file: vscode.workspace.asRelativePath(target), reason: why }));
    }
  }

  /** Opens a plan the banner named (its format errors are in the Problems panel); any other URI is refused. */
  private async openPlan(uri: string): Promise<void> {
    if (!this.model?.incompletePlans.some((p) => p.uri === uri)) {
      this.deps.log.warn(`forecast: refused to open ${uri}: not a plan the banner names`);
      return;
    }
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false });
  }

  /** Opens an opportunity the page showed; a URI that is not one of the rows is refused. */
  private async reveal(uri: string, index: number): Promise<void> {
    if (!this.model?.rows.some((r) => r.uri === uri && r.index === index)) {
      this.deps.log.warn(`forecast: refused to reveal ${uri}#${index}: not a row of the forecast`);
      return;
    }
    await vscode.commands.executeCommand(REVEAL_COMMAND, vscode.Uri.parse(uri), ['opportunities', index]);
  }
}
