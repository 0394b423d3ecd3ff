import * as vscode from 'vscode';
import type { Config } from './config';
import type { Prompter } from './features/commands/prompter';
import type { CompareFeature } from './features/compare/compare-feature';
import type { QuickFixSteps } from './features/language/language-feature';
import type { ForecastFeature } from './features/forecast/forecast-feature';
import type { PlanHistoryTreeProvider } from './features/plan-history/plan-history-tree';
import type { StakeholderMapFeature } from './features/stakeholder-map/stakeholder-map-feature';
import type { ViewsFeature } from './features/views/views-feature';
import type { IndexStore } from './index/index-store';
import type { PlanIndex } from './index/plan-index';
import type { PlanTracker } from './index/plan-tracker';
import type { WorkspaceScanGate } from './index/workspace-scan-gate';
import type { Timings } from './services';

/**
 * An internal command, registered only when VS Code runs the extension's tests
 * (`ExtensionMode.Test`) and not contributed in package.json: it returns the TestHooks. The API
 * that activate() returns is for other extensions and holds none of these.
 */
export const TEST_HOOKS_COMMAND = 'accountPlans.internal.testHooks';

/** The seams the integration tests and the benchmark reach into. */
export interface TestHooks {
  readonly index: PlanIndex;
  readonly diagnostics: vscode.DiagnosticCollection;
  /** Settles once every diagnostic published so far is handed to VS Code (they go in batches, one per turn). */
  diagnosticsHandedOver(): Promise<void>;
  /** The configuration in effect (settings after validation, and why any were ignored). */
  config(): Config;
  /** Resolves when the plans known at activation are checked (as the API's `ready`). */
  readonly ready: Promise<void>;
  readonly timings: Timings;
  /** The workspace search: whether and why it started. */
  readonly workspace: WorkspaceScanGate;
  /** Reads of plan files from disk: one file's again (after any under way), and a hook before each read. */
  readonly reads: Pick<PlanTracker, 'refreshFromDisk' | 'beforeRead'>;
  /** Settles when the first workspace search has shown the stored index's analyses (PlanTracker.shown). */
  readonly shown: Promise<number>;
  /** Checks every known plan again (as a settings change does). */
  recheckAll(): Promise<void>;
  /** The Pipeline, Buying Roles and Accounts tree providers. */
  readonly views: ViewsFeature;
  /** Replaces the input boxes and quick picks commands use (tests answer them from a script). */
  setPrompter(prompter: Prompter | undefined): void;
  /** The stakeholder map panels: the command, the serializer, and what each map was last sent and drew. */
  readonly stakeholderMap: StakeholderMapFeature;
  /** The Forecast panel's command and serializer; the last model it sent. */
  readonly forecast: ForecastFeature;
  /** Compare with Revision…: the command, its panel, and the model last sent to the page. */
  readonly compare: CompareFeature;
  /** The Plan History view's rows and message. */
  readonly planHistory: PlanHistoryTreeProvider;
  /** The quick-fix provider's offer and resolve steps, to resolve a fix offered on an older version. */
  readonly quickFixes: QuickFixSteps;
  /** The build that runs: the Node one, or the browser one in the web worker host. */
  readonly host: 'node' | 'web';
  /** The persisted index (its files, what its last load found, its writes). */
  readonly store: IndexStore;
  /**
   * A reopened window, simulated: the store written, the plans read from disk dropped from the index
   * (the store kept; open plans stay), then
   * `whileClosed` run (changes the store does not follow, and file events are ignored, as in a
   * closed window), the store read again from its files, its analyses shown and the workspace's
   * files checked against them, as the first search of a window does. Count `index.checks` around it.
   */
  reopenFromStore(whileClosed?: () => Promise<void>): Promise<void>;
  /** The extension host's heap in use (process.memoryUsage().heapUsed; the web worker: 0). */
  heapUsed(): number;
}

export function registerTestHooks(context: vscode.ExtensionContext, hooks: () => TestHooks): void {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return;
  context.subscriptions.push(vscode.commands.registerCommand(TEST_HOOKS_COMMAND, hooks));
}
