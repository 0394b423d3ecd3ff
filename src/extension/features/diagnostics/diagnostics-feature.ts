import * as vscode from 'vscode';
import { isPlanFile, type Finding } from '../../../core';
import { findingToDiagnostic } from '../../adapters/diagnostic';
import type { ConfigService } from '../../config';
import { DIAGNOSTIC_COLLECTION, RULES_DOC, type ProblemsScope } from '../../constants';
import { nextBatch } from './diagnostic-batches';
import type { PlanIndex, PlanIndexChange } from '../../index/plan-index';
import type { Services } from '../../services';

/** Problems: every plan's findings as diagnostics. Returns the feature (its collection, for the test hooks). */
export function activate(context: vscode.ExtensionContext, { index, timings, log, config }: Services): DiagnosticsFeature {
  const feature = new DiagnosticsFeature(context.extensionUri, index, timings, log, config);
  context.subscriptions.push(feature);
  return feature;
}

export interface DiagnosticsTimings {
  /** performance.now() when activation started. */
  readonly activationStart: number;
  /** URI → milliseconds from activation start to the first diagnostics of the plan's buffer (a plan open in an editor). */
  readonly firstDiagnostics: Map<string, number>;
  /** URI → milliseconds from the document's open event to the diagnostics of its buffer. */
  readonly openToDiagnostics: Map<string, number>;
  /** Milliseconds spent turning findings into diagnostics and handing them to VS Code. */
  publishMs: number;
}

/** How long one turn hands diagnostics to VS Code before it lets other work run (a frame or three). */
const TURN_MS = 50;

/** Publishes every plan's findings from the PlanIndex as diagnostics (or the open plans' only: accountPlans.problems). */
export class DiagnosticsFeature implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  private readonly rulesDoc: vscode.Uri;
  private readonly subscription: vscode.Disposable;
  /** Documents opened and not yet published from their buffer: URI → performance.now() at the open event. */
  private readonly opened = new Map<string, number>();
  /**
   * Findings of plans from disk waiting to be handed to VS Code (later()), by URI: made into
   * diagnostics when their batch goes, so a reopen's views come before 64,000 diagnostics are made.
   */
  private readonly pending = new Map<string, [vscode.Uri, readonly Finding[]]>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly handedOverWaiters: (() => void)[] = [];
  /** accountPlans.problems in effect. */
  private scope: ProblemsScope;

  constructor(
    extensionUri: vscode.Uri,
    index: PlanIndex,
    private readonly timings: DiagnosticsTimings,
    private readonly log: vscode.LogOutputChannel,
    config: ConfigService,
  ) {
    this.scope = config.config.problems;
    this.rulesDoc = vscode.Uri.joinPath(extensionUri, ...RULES_DOC);
    // Registered before the tracker's listener, so the open is stamped before the buffer is checked.
    this.subscription = vscode.Disposable.from(
      index.onDidChange((change) => this.publish(change)),
      vscode.workspace.onDidOpenTextDocument((doc) => { if (isPlanFile(doc.uri.path)) this.opened.set(doc.uri.toString(), performance.now()); }),
      // A plan opened where the index does not look (a git diff, say) is never published: forget it.
      vscode.workspace.onDidCloseTextDocument((doc) => this.opened.delete(doc.uri.toString())),
      config.onDidChange(({ config: { problems } }) => this.rescope(problems, index)),
    );
    index.entries().forEach((entry) => this.publish({ uri: entry.uri, entry }));
  }

  /**
   * Plans from disk come by the thousand during a workspace check: their diagnostics go to VS Code
   * together, in calls of at most the diagnostics VS Code passes on whole (diagnostic-batches.ts),
   * for at most TURN_MS per turn of the event loop: VS Code takes ~20 µs of the extension host per
   * diagnostic (64,000 of a reopened 10,000-plan workspace: over a second), and between two turns the
   * editor's other requests — a hover, a keystroke's check, the views — are answered. `pending` holds each
   * plan's latest diagnostics until they go, so a plan checked again meanwhile sends only its newest.
   * An open plan's go at once.
   */
  private later(key: string, uri: vscode.Uri, findings: readonly Finding[]): void {
    this.pending.set(key, [uri, findings]);
    this.flushTimer ??= setTimeout(() => this.handOver(), 0);
  }

  /** Hands batches of the pending diagnostics to VS Code for up to TURN_MS; the rest go at the next turn. */
  private handOver(): void {
    this.flushTimer = undefined;
    const t0 = performance.now();
    do {
      const batch = nextBatch(this.pending, (pending) => pending[1][1].length);
      for (const [key] of batch) this.pending.delete(key);
      if (batch.length > 0) this.collection.set(batch.map(([, [uri, findings]]) => [uri, this.diagnosticsOf(findings)]));
    } while (this.pending.size > 0 && performance.now() - t0 < TURN_MS);
    this.timings.publishMs += performance.now() - t0;
    if (this.pending.size > 0) this.flushTimer = setTimeout(() => this.handOver(), 0);
    else this.handedOverWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** accountPlans.problems changed: the Problems panel starts again from the index, under the new scope. */
  private rescope(scope: ProblemsScope, index: PlanIndex): void {
    if (scope === this.scope) return;
    this.scope = scope;
    this.pending.clear();
    this.collection.clear();
    index.entries().forEach((entry) => this.publish({ uri: entry.uri, entry }));
    if (this.pending.size === 0) this.handedOverWaiters.splice(0).forEach((resolve) => resolve());
  }

  private diagnosticsOf(findings: readonly Finding[]): vscode.Diagnostic[] {
    return findings.map((f) => findingToDiagnostic(f, this.rulesDoc));
  }

  /** Settles once no diagnostics wait to be handed to VS Code (at once if none wait). */
  handedOver(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.handedOverWaiters.push(resolve));
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.subscription.dispose();
    this.collection.dispose();
  }

  private publish({ uri, entry }: PlanIndexChange): void {
    const key = uri.toString();
    this.pending.delete(key);
    if (!entry) {
      this.collection.delete(uri);
      return;
    }
    if (entry.source.kind !== 'buffer') {
      // Not open in an editor: none with `openPlans` (has() first: a delete is a message to the workbench).
      if (this.scope === 'openPlans') {
        if (this.collection.has(uri)) this.collection.delete(uri);
        return;
      }
      // From disk: with the rest of the burst, and no per-plan log (10,000 plans on a reopen).
      this.later(key, uri, entry.analysis.findings);
      return;
    }
    const t0 = performance.now();
    this.collection.set(uri, this.diagnosticsOf(entry.analysis.findings));
    this.timings.publishMs += performance.now() - t0;
    const openedAt = this.opened.get(key);
    if (openedAt !== undefined) {
      this.opened.delete(key);
      const elapsed = performance.now() - openedAt;
      this.timings.openToDiagnostics.set(key, elapsed);
      this.log.info(`opened ${vscode.workspace.asRelativePath(uri)}: diagnostics ${elapsed.toFixed(1)} ms after the open event (check ${entry.checkMs.toFixed(1)} ms)`);
    }
    if (!this.timings.firstDiagnostics.has(key)) {
      const elapsed = performance.now() - this.timings.activationStart;
      this.timings.firstDiagnostics.set(key, elapsed);
      this.log.info(
        `first diagnostics ${vscode.workspace.asRelativePath(uri)}: ${elapsed.toFixed(1)} ms after activation ` +
        `(check ${entry.checkMs.toFixed(1)} ms, ${entry.analysis.findings.length} findings)`,
      );
    }
  }
}
