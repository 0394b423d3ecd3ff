import * as vscode from 'vscode';
import * as z from 'zod';
import {
  applyQueryChange, forecastCsv, forecastPanel, ROW_SORT_KEYS, type ForecastPanelModel, type ForecastQuery, type PlanEntry,
} from '../../../core';
import type { ForecastState, HostMessage, WebviewMessage } from '../../../webview/forecast/protocol';
import type { Config } from '../../config';
import type { PlanIndex } from '../../index/plan-index';
import { panelHtml, webviewOptions } from '../../webview/panel-html';
import { REVEAL_COMMAND } from '../views/commands';
import { forecastLabels } from './forecast-labels';
import { displayLocale, t } from '../../words';

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

const text = z.string().max(1000);
const QueryChangeSchema = z.strictObject({
  owner: text.nullable().optional(),
  tier: z.enum(['VIP', 'A', 'B', 'C', 'D', '']).nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  sort: z.strictObject({ key: z.enum(ROW_SORT_KEYS), dir: z.enum(['asc', 'desc']) }).optional(),
  folder: z.null().optional(),
});
const InboundSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('rendered'), revision: z.int().min(0), rows: z.int().min(0), charts: z.int().min(0), ms: z.number().min(0) }),
  z.strictObject({ type: z.literal('query'), change: QueryChangeSchema }),
  z.strictObject({ type: z.literal('exportCsv') }),
  z.strictObject({ type: z.literal('reveal'), uri: text, index: z.int().min(0) }),
]);
/** The state the serializer gets back after a reload: only the scope, checked like any inbound data. */
export const StateSchema = z.object({
  scope: z.object({ folder: text.optional(), owner: text.optional() }).catch({}),
}).catch({ scope: {} });

/**
 * The Forecast panel: one per window. It computes the figures from the index (never from the
 * files), posts them to the page, and recomputes after plans, settings or the query change.
 */
export class ForecastPanel implements vscode.Disposable {
  static readonly viewType = 'accountPlans.forecast';
  private static current: ForecastPanel | undefined;
  /** Revisions grow across panels, so "a newer model" means the same before and after a reload. */
  private static revision = 0;

  private readonly disposables: vscode.Disposable[] = [];
  private query: ForecastQuery;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private stale = true;
  private model: ForecastPanelModel | undefined;

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

  /** Takes over a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, deps: ForecastDeps, state: unknown): ForecastPanel {
    ForecastPanel.current?.dispose();
    return (ForecastPanel.current = new ForecastPanel(panel, deps, StateSchema.parse(state).scope));
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly deps: ForecastDeps, scope: ForecastScope) {
    this.query = { folder: scope.folder, owner: scope.owner };
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'account-plans.svg');
    panel.webview.html = panelHtml(panel.webview, deps.extensionUri, 'forecast', t('forecast.title'), t('forecast.loading'));
    this.updateTitle();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.handleMessage(m)),
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
  async handleMessage(raw: unknown): Promise<void> {
    const parsed = InboundSchema.safeParse(raw);
    if (!parsed.success) {
      this.deps.log.warn(`forecast: ignored a message from the webview: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    const m = parsed.data;
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
      case 'exportCsv':
        await this.exportCsv();
        return;
      case 'reveal':
        await this.reveal(m.uri, m.index);
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
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  /** A plan or a setting changed: recompute once the burst is over. */
  private changed(): void {
    this.stale = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.post();
    }, RECOMPUTE_MS);
  }

  private compute(): ForecastPanelModel {
    const { settings } = this.deps.config();
    return forecastPanel(this.entries(), this.query, { benchmark: settings.funnelBenchmark, defaultCurrency: settings.currency });
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
    const revision = ++ForecastPanel.revision;
    const folder = this.model.query.folder;
    const message: HostMessage = {
      type: 'model', revision, model: this.model, labels: forecastLabels(displayLocale()), locale: vscode.env.language,
      folderLabel: folder ? vscode.workspace.asRelativePath(vscode.Uri.parse(folder), true) : undefined,
    };
    void this.panel.webview.postMessage(message);
    this.deps.onModel?.(this.model, revision);
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
      void vscode.window.showInformationMessage(t('cmd.exported', { count: rows.length, file: vscode.workspace.asRelativePath(target) }));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.deps.log.error(`forecast: writing ${target.toString(true)} failed: ${why}`);
      void vscode.window.showErrorMessage(t('cmd.writeFailed', { file: vscode.workspace.asRelativePath(target), reason: why }));
    }
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
