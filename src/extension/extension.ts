import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { todayLocal } from '../core';
import { planCardPlugin } from '../markdown/plan-card';
import { ConfigService, engineLocale, type Config } from './config';
import { OUTPUT_CHANNEL } from './constants';
import { registerPlanCommands } from './features/commands/plan-commands';
import { windowPrompter, type Prompter } from './features/commands/prompter';
import { DiagnosticsFeature } from './features/diagnostics/diagnostics-feature';
import { ForecastFeature } from './features/forecast/forecast-feature';
import { registerLanguageFeatures } from './features/language/language-feature';
import { StakeholderMapFeature } from './features/stakeholder-map/stakeholder-map-feature';
import { ViewsFeature } from './features/views/views-feature';
import { PlanIndex } from './index/plan-index';
import { PlanTracker } from './index/plan-tracker';

export interface Timings {
  /** performance.now() when activation started. */
  readonly activationStart: number;
  /** How long activate() took. */
  activationMs: number;
  /** From activation start to the end of the first workspace check. */
  workspaceCheckMs?: number;
  /** URI → milliseconds from activation start to the plan's first diagnostics. */
  readonly firstDiagnostics: Map<string, number>;
  /** URI → milliseconds from a plan's open event to the diagnostics of its buffer. */
  readonly openToDiagnostics: Map<string, number>;
  /** Milliseconds spent publishing diagnostics since activation. */
  publishMs: number;
  /** How long the first workspace check's file search took. */
  findFilesMs?: number;
}

/** What activate() returns: the seams tests and sibling features use. */
export interface AccountPlansApi {
  readonly index: PlanIndex;
  readonly diagnostics: vscode.DiagnosticCollection;
  /** The configuration in effect (settings after validation, and why any were ignored). */
  config(): Config;
  /** Resolves when the first check of the whole workspace is done. */
  readonly ready: Promise<void>;
  readonly timings: Timings;
  /** Checks every known plan again (as a settings change does). */
  recheckAll(): Promise<void>;
  /** The Pipeline, Buying Roles and Accounts tree providers. */
  readonly views: ViewsFeature;
  /** Replaces the input boxes and quick picks commands use (tests answer them from a script). */
  setPrompter(prompter: Prompter | undefined): void;
  /** The stakeholder map panels: the command, the serializer, and what each map was last sent and drew (tests). */
  readonly stakeholderMap: StakeholderMapFeature;
  /** The Forecast panel's command and serializer; the last model it sent (tests). */
  readonly forecast: ForecastFeature;
  /** VS Code's Markdown preview calls this (`markdown.markdownItPlugins`): plans get the plan card. */
  extendMarkdownIt(md: MarkdownIt.MarkdownIt): MarkdownIt.MarkdownIt;
}

export function activate(context: vscode.ExtensionContext): AccountPlansApi {
  const timings: Timings = { activationStart: performance.now(), activationMs: 0, firstDiagnostics: new Map(), openToDiagnostics: new Map(), publishMs: 0 };
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
  const config = new ConfigService(log);
  const index = new PlanIndex({ settings: () => config.config.settings, locale: () => engineLocale(), log });
  const diagnostics = new DiagnosticsFeature(context.extensionUri, index, timings, log);
  const tracker = new PlanTracker(index, config, log);
  context.subscriptions.push(tracker, diagnostics, index, config, log);
  tracker.start();
  let prompter: Prompter = windowPrompter;
  const views = new ViewsFeature(index, () => config.config, context.workspaceState, () => prompter);
  const refresh = async () => {
    await tracker.scanWorkspace();
    views.refreshAll();
  };
  context.subscriptions.push(views, ...registerPlanCommands(index, () => prompter, refresh));
  context.subscriptions.push(...registerLanguageFeatures(index, () => config.config));
  const stakeholderMap = new StakeholderMapFeature(context.extensionUri, index, () => config.config.settings, log, () => prompter);
  context.subscriptions.push(stakeholderMap);
  const forecast = new ForecastFeature(context.extensionUri, index, () => config.config, log);
  context.subscriptions.push(forecast);

  // The workspace is indexed after activate() returns, so activation stays cheap.
  const ready = new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(() => tracker.scanWorkspace())
    .then(
      (n) => {
        timings.workspaceCheckMs = performance.now() - timings.activationStart;
        timings.findFilesMs = tracker.lastFindMs;
        log.info(`first workspace check done: ${n} plans, ${timings.workspaceCheckMs.toFixed(1)} ms after activation ` +
          `(engine ${index.engineMs.toFixed(0)} ms, diagnostics ${timings.publishMs.toFixed(0)} ms)`);
      },
      (e: unknown) => log.error(`workspace check failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`),
    );

  timings.activationMs = performance.now() - timings.activationStart;
  log.info(`activated in ${timings.activationMs.toFixed(1)} ms (VS Code ${vscode.version}, ${vscode.env.language})`);
  return {
    index,
    diagnostics: diagnostics.collection,
    config: () => config.config,
    ready,
    timings,
    recheckAll: () => tracker.recheckAll(),
    views,
    setPrompter: (p) => { prompter = p ?? windowPrompter; },
    stakeholderMap,
    forecast,
    extendMarkdownIt: (md) => md.use(planCardPlugin, { today: todayLocal, settings: () => config.config.settings, locale: () => engineLocale() }),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
