import * as vscode from 'vscode';
import type { AccountPlansApi } from './api';
import { ConfigService, engineLocale } from './config';
import { NODE_HOST_CONTEXT, OUTPUT_CHANNEL } from './constants';
import { EXTENSION_HOST } from './extension-host';
import * as commands from './features/commands/plan-commands';
import { windowPrompter, type Prompter } from './features/commands/prompter';
import * as diagnostics from './features/diagnostics/diagnostics-feature';
import * as compare from './features/compare/compare-feature';
import * as forecast from './features/forecast/forecast-feature';
import * as language from './features/language/language-feature';
import * as markdownPreview from './features/markdown-preview/markdown-preview-feature';
import * as planHistory from './features/plan-history/plan-history-feature';
import * as stakeholderMap from './features/stakeholder-map/stakeholder-map-feature';
import * as views from './features/views/views-feature';
import { createIndexStore } from './index/create-index-store';
import { IndexPersistence, type IndexStore } from './index/index-store';
import { PlanIndex } from './index/plan-index';
import { PlanTracker } from './index/plan-tracker';
import { startIndexing } from './index/start-indexing';
import type { Services, Timings } from './services';
import { registerTestHooks } from './test-hooks';

export type { AccountPlansApi } from './api';

/** The composition root: builds the services once, activates each feature in turn, then starts indexing. */
export function activate(context: vscode.ExtensionContext): AccountPlansApi {
  const timings: Timings = {
    activationStart: performance.now(),
    activationCpu: typeof process !== 'undefined' && typeof process.cpuUsage === 'function' ? process.cpuUsage() : undefined,
    activationMs: 0, firstDiagnostics: new Map(), openToDiagnostics: new Map(), publishMs: 0,
  };
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
  const config = new ConfigService(log);
  const index = new PlanIndex({ settings: () => config.config.settings, locale: () => engineLocale(), log });
  const store = createIndexStore(context, config, () => engineLocale(), log);
  const persistence = new IndexPersistence(index, store);
  const tracker = new PlanTracker(index, config, log, undefined, store);
  context.subscriptions.push(tracker, persistence, store, index, config, log);
  activeStore = store;
  void vscode.commands.executeCommand('setContext', NODE_HOST_CONTEXT, EXTENSION_HOST === 'node');
  let prompter: Prompter = windowPrompter;
  const services: Services = { index, tracker, config, log, locale: () => engineLocale(), timings, prompter: () => prompter };

  // Diagnostics first: they stamp a plan's open event before the tracker (started last) checks it.
  const problems = diagnostics.activate(context, services);
  const quickFixes = language.activate(context, services);
  commands.activate(context, services);
  const treeViews = views.activate(context, services);
  const maps = stakeholderMap.activate(context, services);
  const forecastPanel = forecast.activate(context, services);
  const comparePanel = compare.activate(context, services);
  const history = planHistory.activate(context, services, comparePanel.comparisons);
  const extendMarkdownIt = markdownPreview.activate(context, services);
  const ready = startIndexing(context, services);

  registerTestHooks(context, () => ({
    index, diagnostics: problems.collection, diagnosticsHandedOver: () => problems.handedOver(), config: () => config.config, ready, timings, workspace: tracker.workspace, shown: tracker.shown, reads: tracker,
    recheckAll: () => tracker.recheckAll(), views: treeViews, stakeholderMap: maps, forecast: forecastPanel, compare: comparePanel, planHistory: history,
    setPrompter: (p) => { prompter = p ?? windowPrompter; }, quickFixes, host: EXTENSION_HOST,
    store,
    reopenFromStore: async (whileClosed) => {
      // As a new window would: the store read again from its files, the index built from nothing.
      await store.flush();
      persistence.suspended = true;
      tracker.closed = true;
      // Plans open in an editor stay as they are: they are checked from their buffers in any window.
      index.entries().filter((e) => e.source.kind === 'disk').forEach((e) => index.delete(e.uri));
      try {
        await whileClosed?.();
      } finally {
        persistence.suspended = false;
      }
      try {
        await store.reload();
      } finally {
        tracker.closed = false;
      }
      await tracker.scanDisk();
    },
    heapUsed: () => (typeof process !== 'undefined' && typeof process.memoryUsage === 'function' ? process.memoryUsage().heapUsed : 0),
  }));
  timings.activationMs = performance.now() - timings.activationStart;
  log.info(`activated in ${timings.activationMs.toFixed(1)} ms (VS Code ${vscode.version}, ${vscode.env.language}, ${EXTENSION_HOST} extension host)`);
  return {
    apiVersion: 1,
    version: String((context.extension.packageJSON as { version?: unknown }).version),
    ready,
    plans: () => index.entries().map(({ uri, analysis }) => ({ uri, analysis })),
    analysis: (uri) => index.get(uri),
    onDidChangePlan: (listener, thisArg, disposables) =>
      index.onDidChange(({ uri, entry }) => listener.call(thisArg, { uri, analysis: entry?.analysis }), undefined, disposables),
    extendMarkdownIt,
  };
}

let activeStore: IndexStore | undefined;

/** Everything is disposed through context.subscriptions; the stored index's last changes are written first. */
export function deactivate(): Promise<void> | undefined {
  return activeStore?.flush();
}
