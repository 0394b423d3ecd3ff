import * as vscode from 'vscode';
import { isPlanFile } from '../../core';
import type { Services } from '../services';
import { scanReasonAtActivation, type ActivationEvidence } from './workspace-scan-gate';

/** workspaceState: the last workspace search found plans here (the next start searches at once). */
const PLANS_SEEN_KEY = 'accountPlans.workspaceHasPlans';

/**
 * Starts following the workspace. After activate() returns, the open plans are checked, and the
 * workspace is searched if something says it holds plans; else the search waits for the first
 * sign of one. Resolves once the plans known at activation are checked.
 */
export function startIndexing(context: vscode.ExtensionContext, { tracker, timings, index, log }: Services): Promise<void> {
  tracker.start();
  void tracker.shown.then((n) => {
    timings.shownMs = performance.now() - timings.activationStart;
    log.info(`${n} plans shown ${timings.shownMs.toFixed(1)} ms after activation`);
  });
  tracker.workspace.done.then(
    (n) => {
      timings.workspaceCheckMs = performance.now() - timings.activationStart;
      timings.findFilesMs = tracker.lastFindMs;
      void context.workspaceState.update(PLANS_SEEN_KEY, n > 0);
      log.info(`first workspace check done (${tracker.workspace.reason}): ${n} plans, ${timings.workspaceCheckMs.toFixed(1)} ms after activation ` +
        `(engine ${index.engineMs.toFixed(0)} ms, diagnostics ${timings.publishMs.toFixed(0)} ms)`);
    },
    (e: unknown) => log.error(`workspace check failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`),
  );
  const reason = scanReasonAtActivation(activationEvidence(context.workspaceState));
  // Plans are checked after activate() returns, so activation stays cheap.
  return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
    tracker.checkOpenDocuments();
    if (reason) await tracker.workspace.open(reason).catch(() => undefined);
    else log.info('no plan seen in this workspace yet: it is searched when a plan is opened or created, or a view lists the plans');
  });
}

function activationEvidence(state: vscode.Memento): ActivationEvidence {
  const docs = vscode.workspace.textDocuments;
  return {
    planOpen: docs.some((d) => isPlanFile(d.uri.path) && vscode.workspace.getWorkspaceFolder(d.uri) !== undefined),
    markdownOpen: docs.some((d) => d.languageId === 'markdown'),
    plansSeenBefore: state.get<boolean>(PLANS_SEEN_KEY) === true,
  };
}
