import type * as vscode from 'vscode';
import type { Locale } from '../core';
import type { ConfigService } from './config';
import type { Prompter } from './features/commands/prompter';
import type { PlanIndex } from './index/plan-index';
import type { PlanTracker } from './index/plan-tracker';

export interface Timings {
  /** performance.now() when activation started. */
  readonly activationStart: number;
  /** process.cpuUsage() when activation started (the bench's CPU figure; none in a browser). */
  readonly activationCpu?: { readonly user: number; readonly system: number };
  /** How long activate() took. */
  activationMs: number;
  /** From activation start to the end of the first workspace check. */
  workspaceCheckMs?: number;
  /** From activation start to the stored index's analyses in the index (a reopened workspace), before the files are verified. */
  shownMs?: number;
  /** URI → milliseconds from activation start to the first diagnostics of the plan's buffer (a plan open in an editor). */
  readonly firstDiagnostics: Map<string, number>;
  /** URI → milliseconds from a plan's open event to the diagnostics of its buffer. */
  readonly openToDiagnostics: Map<string, number>;
  /** Milliseconds spent publishing diagnostics since activation. */
  publishMs: number;
  /** How long the first workspace check's file search took. */
  findFilesMs?: number;
}

/**
 * What every feature's `activate(context, services)` is given. The composition root
 * (extension.ts) builds it once; a feature reads from it and registers its own disposables.
 */
export interface Services {
  /** The latest analysis of every known plan; features read it and follow `onDidChange`. */
  readonly index: PlanIndex;
  /** Keeps the index in step with the workspace; `workspace.open(why)` starts the workspace search. */
  readonly tracker: PlanTracker;
  readonly config: ConfigService;
  readonly log: vscode.LogOutputChannel;
  /** The language of the engine's messages, from VS Code's display language. */
  readonly locale: () => Locale;
  readonly timings: Timings;
  /** The input boxes and quick picks commands use (tests answer them from a script). */
  readonly prompter: () => Prompter;
}
