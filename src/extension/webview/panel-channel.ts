import * as vscode from 'vscode';
import type * as z from 'zod';
import { panelHtml, webviewOptions } from './panel-html';

/** What a kind of panel declares once: its view type, its page, and what its page may send and save. */
export interface PanelKind<In, State> {
  readonly viewType: string;
  /** The page: `media/dist/<bundle>.js` and `<bundle>.css`. */
  readonly bundle: string;
  /** The panel's name in the log. */
  readonly name: string;
  /** Every message from the page is checked against this before the host acts on it. */
  readonly inbound: z.ZodType<In>;
  /** The minimal state the page saves with `setState`, from which the serializer restores the panel. */
  readonly state: z.ZodType<State>;
}

/** The words of a panel's page before its first message: the tab's title and the loading line. */
export interface PageWords {
  readonly title: string;
  readonly loading: string;
}

/** A host message without its revision (the channel stamps it); distributes over a union of messages. */
export type Unrevised<T> = T extends unknown ? Omit<T, 'revision'> : never;

/**
 * The host's end of a webview panel, the same for every panel: the page (a strict CSP with a
 * nonce, only the built bundles readable), typed messages both ways — each one from the page
 * validated before use, each one to the page stamped with a growing revision so that the page
 * drops a stale update — and the panel's disposables.
 */
export class PanelChannel<Out extends { readonly revision: number }, In> implements vscode.Disposable {
  /** Revisions grow per kind of panel across panels, so "newer" means the same before and after a reload. */
  private static readonly revisions = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly kind: PanelKind<In, unknown>,
    extensionUri: vscode.Uri,
    page: PageWords,
    private readonly log: vscode.LogOutputChannel,
    private readonly handle: (message: In) => void | Promise<void>,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'account-plans.svg');
    panel.webview.html = panelHtml(panel.webview, extensionUri, kind.bundle, page.title, page.loading);
    this.disposables.push(panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)));
  }

  /** Checks a message from the page and hands it on; anything else is logged and dropped. */
  async receive(raw: unknown): Promise<void> {
    const parsed = this.kind.inbound.safeParse(raw);
    if (!parsed.success) {
      this.log.warn(`${this.kind.name}: ignored a message from the webview: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    await this.handle(parsed.data);
  }

  /** Posts `message` to the page with the next revision; returns what was posted. */
  post(message: Unrevised<Out>): Out {
    const revision = (PanelChannel.revisions.get(this.kind.viewType) ?? 0) + 1;
    PanelChannel.revisions.set(this.kind.viewType, revision);
    const stamped = { ...message, revision } as unknown as Out;
    if (!this.disposed) void this.panel.webview.postMessage(stamped);
    return stamped;
  }

  /** Adds disposables that go with the panel. */
  own(...disposables: vscode.Disposable[]): void {
    this.disposables.push(...disposables);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/**
 * Brings panels of one kind back after a reload, from the minimal state their page saved, checked
 * like any message from a page: a panel whose state does not check is closed.
 */
export class PanelRestorer<State> implements vscode.WebviewPanelSerializer {
  constructor(
    private readonly kind: PanelKind<unknown, State>,
    private readonly log: vscode.LogOutputChannel,
    private readonly restore: (panel: vscode.WebviewPanel, state: State) => void,
  ) {}

  register(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(this.kind.viewType, this);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.revive(panel, state);
  }

  /** Restores `panel` from the state its page saved (public: tests revive panels they made). */
  revive(panel: vscode.WebviewPanel, raw: unknown): void {
    const parsed = this.kind.state.safeParse(raw);
    if (!parsed.success) {
      this.log.warn(`${this.kind.name}: closed a restored panel whose state does not check: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      panel.dispose();
      return;
    }
    this.restore(panel, parsed.data);
  }
}
