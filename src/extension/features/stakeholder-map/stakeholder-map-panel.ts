import * as vscode from 'vscode';
import { locate, stakeholderMap, type Settings } from '../../../core';
import type { HostMessage, MapLabels, MapState, WebviewMessage } from '../../../webview/stakeholder-map/protocol';
import { engineLocale } from '../../config';
import { fileNameOf, type PlanIndex } from '../../index/plan-index';
import { base64Bytes } from '../../webview/base64';
import { webviewOptions } from '../../webview/panel-html';
import { PanelChannel, type PanelKind, type Unrevised } from '../../webview/panel-channel';
import { mapLabels } from './map-words';
import { RevivedStateSchema, WebviewMessageSchema, type CheckedMessage } from './inbound-messages';
import { t } from '../../words';

/** What a panel needs from the extension. */
export interface MapHost {
  readonly extensionUri: vscode.Uri;
  readonly index: PlanIndex;
  readonly settings: () => Settings;
  readonly log: vscode.LogOutputChannel;
  /** Every message posted to a webview, and every drawing it reports (the feature's test seam). */
  readonly posted: (panel: StakeholderMapPanel, message: HostMessage) => void;
  readonly rendered: (panel: StakeholderMapPanel, message: Extract<WebviewMessage, { type: 'rendered' }>) => void;
}

// The zod schema and the shared protocol must describe the same messages.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const protocolMatchesSchema: Same<CheckedMessage, WebviewMessage> = true;
void protocolMatchesSchema;

/** The stakeholder map's view type, page, and what its page may send and save. */
export const MAP_PANEL: PanelKind<CheckedMessage, Required<Pick<MapState, 'planUri'>>> = {
  viewType: 'accountPlans.stakeholderMap', bundle: 'stakeholder-map', name: 'stakeholder map', inbound: WebviewMessageSchema, state: RevivedStateSchema,
};

/**
 * The stakeholder map of one plan, in a webview panel. It follows the plan through the index
 * (so the unsaved buffer shows as you type), answers the page's clicks and writes its exports.
 */
export class StakeholderMapPanel implements vscode.Disposable {
  static readonly viewType = MAP_PANEL.viewType;
  private static readonly panels = new Map<string, StakeholderMapPanel>();

  /** Shows the plan's map, creating the panel (beside the editor) if there is none yet. */
  static createOrShow(host: MapHost, planUri: vscode.Uri, column: vscode.ViewColumn = vscode.ViewColumn.Beside): StakeholderMapPanel {
    const existing = StakeholderMapPanel.panels.get(planUri.toString());
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn ?? column, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(StakeholderMapPanel.viewType, titleOf(host, planUri), { viewColumn: column, preserveFocus: true }, webviewOptions(host.extensionUri));
    return new StakeholderMapPanel(host, panel, planUri);
  }

  /** A panel VS Code restored after a reload (the serializer found the plan's URI in its state). */
  static revive(host: MapHost, panel: vscode.WebviewPanel, planUri: vscode.Uri): StakeholderMapPanel {
    const existing = StakeholderMapPanel.panels.get(planUri.toString());
    if (existing) {
      panel.dispose();
      return existing;
    }
    return new StakeholderMapPanel(host, panel, planUri);
  }

  static all(): StakeholderMapPanel[] {
    return [...StakeholderMapPanel.panels.values()];
  }

  static find(planUri: vscode.Uri): StakeholderMapPanel | undefined {
    return StakeholderMapPanel.panels.get(planUri.toString());
  }

  private readonly channel: PanelChannel<HostMessage, CheckedMessage>;
  private disposed = false;
  private labels: MapLabels | undefined;
  /** The last message posted to the page, and the last drawing it reported. */
  lastPosted: HostMessage | undefined;
  lastRendered: Extract<WebviewMessage, { type: 'rendered' }> | undefined;

  private constructor(private readonly host: MapHost, readonly panel: vscode.WebviewPanel, readonly planUri: vscode.Uri) {
    StakeholderMapPanel.panels.set(planUri.toString(), this);
    this.channel = new PanelChannel(panel, MAP_PANEL, host.extensionUri, { title: panel.title, loading: t('map.loading') }, host.log, (m) => this.onMessage(m));
    this.channel.own(
      panel.onDidDispose(() => this.dispose()),
      host.index.onDidChange((e) => {
        if (e.uri.toString() === planUri.toString()) this.update();
      }),
    );
  }

  /** Sends the plan's current model (or why there is none) to the page. */
  update(): void {
    if (this.disposed) return;
    this.labels ??= mapLabels(engineLocale());
    const analysis = this.host.index.get(this.planUri);
    const model = analysis ? stakeholderMap(analysis, this.host.settings()) : undefined;
    const planUri = this.planUri.toString();
    let unrevised: Unrevised<HostMessage>;
    if (model) {
      unrevised = { type: 'model', planUri, model, labels: this.labels };
      this.panel.title = t('map.panelTitle', { account: model.account });
    } else {
      const name = fileNameOf(this.planUri);
      const why = analysis
        ? t('ext.noFrontmatter', { file: name })
        : t('map.gone', { file: name });
      unrevised = { type: 'unavailable', planUri, message: why, labels: this.labels };
    }
    const message = this.channel.post(unrevised);
    this.lastPosted = message;
    this.host.posted(this, message);
  }

  /** Handles a message from the page (public so tests can speak for a page they cannot click). */
  receive(raw: unknown): Promise<void> {
    return this.channel.receive(raw);
  }

  private async onMessage(m: CheckedMessage): Promise<void> {
    try {
      switch (m.type) {
        case 'ready': return this.update();
        case 'rendered':
          this.lastRendered = m;
          this.host.rendered(this, m);
          return;
        case 'reveal': return await this.reveal(m.index);
        case 'export': return await this.export(m.format, m.data);
      }
    } catch (e) {
      this.host.log.error(`stakeholder map: ${m.type} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      void vscode.window.showErrorMessage(t('map.failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  }

  /** Opens the plan (in the editor group that shows it, else another one) at `stakeholders[index]`. */
  private async reveal(index: number): Promise<void> {
    if (index >= (this.host.index.get(this.planUri)?.plan?.stakeholders.length ?? 0)) return;
    const key = this.planUri.toString();
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const doc = await vscode.workspace.openTextDocument(this.planUri);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
    const at = locate(doc.getText(), ['stakeholders', index]);
    if (!at) return;
    const start = doc.positionAt(at.start);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Writes `<plan name>.stakeholders.svg|png` next to the plan. */
  private async export(format: 'svg' | 'png', data: string): Promise<void> {
    const target = exportUri(this.planUri, format);
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : base64Bytes(data.slice(data.indexOf(',') + 1));
    if (!bytes) {
      this.host.log.warn(`stakeholder map export: the page sent a PNG that is not base64; nothing written to ${target.toString(true)}`);
      return;
    }
    await vscode.workspace.fs.writeFile(target, bytes);
    this.host.log.info(`stakeholder map exported to ${target.toString(true)} (${bytes.length} bytes)`);
    const open = t('ext.open');
    void vscode.window.showInformationMessage(t('map.saved', { file: vscode.workspace.asRelativePath(target) }), open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('vscode.open', target, { viewColumn: vscode.ViewColumn.Beside });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (StakeholderMapPanel.panels.get(this.planUri.toString()) === this) StakeholderMapPanel.panels.delete(this.planUri.toString());
    this.channel.dispose();
  }
}

/** `hengtong-bank.account.md` → `hengtong-bank.stakeholders.svg` in the same folder. */
function exportUri(planUri: vscode.Uri, format: 'svg' | 'png'): vscode.Uri {
  const name = fileNameOf(planUri).replace(/\.account\.md$/, '');
  return planUri.with({ path: planUri.path.replace(/[^/]*$/, `${name}.stakeholders.${format}`) });
}

function titleOf(host: MapHost, planUri: vscode.Uri): string {
  const account = host.index.get(planUri)?.plan?.account;
  return t('map.panelTitle', { account: account ?? fileNameOf(planUri) });
}
