import * as vscode from 'vscode';
import { comparePanelModel, type ComparePanelModel } from '../../../core';
import type { CompareHeader, CompareState, HostMessage } from '../../../webview/compare/protocol';
import { PanelChannel, type PanelKind } from '../../webview/panel-channel';
import { webviewOptions } from '../../webview/panel-html';
import { displayLocale, t } from '../../words';
import { compareLabels } from './compare-words';
import { CompareMessageSchema, CompareStateSchema, type CheckedCompareMessage } from './inbound-messages';
import { ComparisonError, type Comparison, type PlanComparisons } from './plan-comparison';

/** Wait after the last keystroke in the compared buffer before comparing again. */
const RECOMPARE_MS = 200;

export interface CompareDeps {
  readonly extensionUri: vscode.Uri;
  readonly comparisons: PlanComparisons;
  readonly log: vscode.LogOutputChannel;
  /** Called with every model posted to the page (tests read the last one). */
  readonly onModel?: (model: ComparePanelModel, header: CompareHeader, revision: number) => void;
  readonly onRendered?: (revision: number) => void;
}

export const COMPARE_PANEL: PanelKind<CheckedCompareMessage, CompareState> = {
  viewType: 'accountPlans.compare', bundle: 'compare', name: 'compare', inbound: CompareMessageSchema, state: CompareStateSchema,
};

/**
 * The Compare panel: one per window, showing one plan at one revision against another (or against
 * the editor's text, unsaved edits included, compared again as the user types).
 */
export class ComparePanel implements vscode.Disposable {
  static readonly viewType = COMPARE_PANEL.viewType;
  private static current: ComparePanel | undefined;

  private readonly channel: PanelChannel<HostMessage, CheckedCompareMessage>;
  private comparison: Comparison | undefined;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  static get instance(): ComparePanel | undefined {
    return ComparePanel.current;
  }

  /** Shows the comparison (in the open panel, if any). Rejects with a ComparisonError when it cannot be made. */
  static async show(deps: CompareDeps, state: CompareState): Promise<ComparePanel> {
    const comparison = await deps.comparisons.compare(vscode.Uri.parse(state.uri), state.before, state.after);
    let panel = ComparePanel.current;
    if (panel) panel.panel.reveal();
    else {
      const webview = vscode.window.createWebviewPanel(ComparePanel.viewType, t('compare.page.title'), vscode.ViewColumn.Beside, webviewOptions(deps.extensionUri));
      panel = ComparePanel.current = new ComparePanel(webview, deps, state);
    }
    panel.set(state, comparison);
    return panel;
  }

  /** Takes over a panel VS Code restored after a reload, and compares again from its saved state. */
  static revive(webview: vscode.WebviewPanel, deps: CompareDeps, state: CompareState): ComparePanel {
    ComparePanel.current?.dispose();
    const panel = ComparePanel.current = new ComparePanel(webview, deps, state);
    deps.comparisons.compare(vscode.Uri.parse(state.uri), state.before, state.after).then((c) => panel.set(state, c), (e: unknown) => {
      deps.log.warn(`compare: could not restore the comparison of ${state.uri}: ${e instanceof Error ? e.message : String(e)}`);
      panel.dispose();
    });
    return panel;
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly deps: CompareDeps, private state: CompareState) {
    this.channel = new PanelChannel(panel, COMPARE_PANEL, deps.extensionUri, { title: t('compare.page.title'), loading: t('compare.page.loading') }, deps.log, (m) => this.onMessage(m));
    this.channel.own(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => { if (!panel.visible) this.ready = false; }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (this.state.after === undefined && e.document.uri.toString() === this.state.uri) this.changed(); }),
    );
  }

  /** The comparison shown. */
  get shown(): Comparison | undefined {
    return this.comparison;
  }

  handleMessage(raw: unknown): Promise<void> {
    return this.channel.receive(raw);
  }

  private onMessage(m: CheckedCompareMessage): void {
    if (m.type === 'ready') {
      this.ready = true;
      this.post();
    } else this.deps.onRendered?.(m.revision);
  }

  private set(state: CompareState, comparison: Comparison): void {
    this.state = state;
    this.comparison = comparison;
    const plan = comparison.changes.accounts[0]?.after?.name ?? comparison.changes.accounts[0]?.before?.name ?? comparison.uri.path.split('/').pop() ?? '';
    this.panel.title = t('compare.title', { plan });
    this.post();
  }

  /** The compared buffer changed: compare again once typing pauses. */
  private changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const state = this.state;
      this.deps.comparisons.compare(vscode.Uri.parse(state.uri), state.before, state.after).then((c) => { if (this.state === state) this.set(state, c); }, (e: unknown) => {
        if (!(e instanceof ComparisonError)) this.deps.log.error(`compare: ${e instanceof Error ? e.message : String(e)}`);
      });
    }, RECOMPARE_MS);
  }

  private post(): void {
    const c = this.comparison;
    if (!this.ready || !this.panel.visible || !c) return;
    const locale = displayLocale();
    const model = comparePanelModel(c.changes, locale);
    const accounts = c.changes.accounts[0];
    const header: CompareHeader = {
      plan: accounts?.after?.name ?? accounts?.before?.name ?? vscode.workspace.asRelativePath(c.uri),
      before: c.before.label, after: c.after.label, notice: c.notice,
    };
    const { revision } = this.channel.post({ type: 'model', model, labels: compareLabels(locale), header, locale: vscode.env.language, state: this.state });
    this.deps.onModel?.(model, header, revision);
  }

  dispose(): void {
    if (ComparePanel.current === this) ComparePanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.channel.dispose();
  }
}
