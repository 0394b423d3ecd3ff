import * as vscode from 'vscode';
import { locate, stakeholderMap, type Settings } from '../../../core';
import type { HostMessage, MapLabels, WebviewMessage } from '../../../webview/stakeholder-map/protocol';
import { engineLocale } from '../../config';
import { fileNameOf, type PlanIndex } from '../../index/plan-index';
import { panelHtml, webviewOptions } from '../../webview/panel-html';
import { mapLabels } from './labels';
import { WebviewMessageSchema, type CheckedMessage } from './inbound-messages';
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

/**
 * The stakeholder map of one plan, in a webview panel. It follows the plan through the index
 * (so the unsaved buffer shows as you type), answers the page's clicks and writes its exports.
 */
export class StakeholderMapPanel implements vscode.Disposable {
  static readonly viewType = 'accountPlans.stakeholderMap';
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

  private readonly disposables: vscode.Disposable[] = [];
  private revision = 0;
  private disposed = false;
  private labels: MapLabels | undefined;
  /** The last message posted to the page, and the last drawing it reported. */
  lastPosted: HostMessage | undefined;
  lastRendered: Extract<WebviewMessage, { type: 'rendered' }> | undefined;

  private constructor(private readonly host: MapHost, readonly panel: vscode.WebviewPanel, readonly planUri: vscode.Uri) {
    StakeholderMapPanel.panels.set(planUri.toString(), this);
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'account-plans.svg');
    panel.webview.html = panelHtml(panel.webview, host.extensionUri, 'stakeholder-map', panel.title, t('map.loading'));
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
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
    const revision = ++this.revision;
    let message: HostMessage;
    if (model) {
      message = { type: 'model', revision, planUri, model, labels: this.labels };
      this.panel.title = t('map.panelTitle', { account: model.account });
    } else {
      const name = fileNameOf(this.planUri);
      const why = analysis
        ? t('ext.noFrontmatter', { file: name })
        : t('map.gone', { file: name });
      message = { type: 'unavailable', revision, planUri, message: why, labels: this.labels };
    }
    this.lastPosted = message;
    this.host.posted(this, message);
    void this.panel.webview.postMessage(message);
  }

  /** Handles a message from the page (public so tests can speak for a page they cannot click). */
  async receive(raw: unknown): Promise<void> {
    const parsed = WebviewMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.host.log.warn(`stakeholder map: ignored a message from the webview: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    const m = parsed.data;
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
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data.slice(data.indexOf(',') + 1), 'base64');
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
    this.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}

/** `hengtong-bank.account.md` → `hengtong-bank.stakeholders.svg` in the same folder. */
export function exportUri(planUri: vscode.Uri, format: 'svg' | 'png'): vscode.Uri {
  const name = fileNameOf(planUri).replace(/\.account\.md$/, '');
  return planUri.with({ path: planUri.path.replace(/[^/]*$/, `${name}.stakeholders.${format}`) });
}

function titleOf(host: MapHost, planUri: vscode.Uri): string {
  const account = host.index.get(planUri)?.plan?.account;
  return t('map.panelTitle', { account: account ?? fileNameOf(planUri) });
}
