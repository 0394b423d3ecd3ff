import type MarkdownIt from 'markdown-it';
import type * as vscode from 'vscode';
import type { PlanAnalysis } from '../core';

/**
 * What other extensions get:
 *
 *     const api = await vscode.extensions.getExtension<AccountPlansApi>('account-plans.account-plans')?.activate();
 *
 * Version 1. A later version only adds members; a change that breaks a caller raises `apiVersion`.
 * A plan's analysis is the engine's: the plan model (`plan`, undefined when the frontmatter does
 * not parse) and its `findings`, as `account-plans check --format json` prints them.
 */
export interface AccountPlansApi {
  /** 1 for the API described here. */
  readonly apiVersion: 1;
  /** The extension's version (package.json). */
  readonly version: string;
  /**
   * Resolves once the plans known at activation are checked: the workspace's plans when the
   * workspace holds any, else the open ones (a workspace is searched only once it shows a plan).
   */
  readonly ready: Promise<void>;
  /** Every plan checked so far, with its analysis (of the unsaved buffer for an open plan). */
  plans(): readonly PlanInfo[];
  /** The analysis of one plan, or undefined for a file that is not a known plan. */
  analysis(uri: vscode.Uri): PlanAnalysis | undefined;
  /** Fires when a plan was checked again (after an edit, a save, a settings change) or left (`analysis` undefined). */
  readonly onDidChangePlan: vscode.Event<PlanInfoChange>;
  /** VS Code's Markdown preview calls this (`markdown.markdownItPlugins`): plans get the plan card. */
  extendMarkdownIt(md: MarkdownIt.MarkdownIt): MarkdownIt.MarkdownIt;
}

export interface PlanInfo {
  readonly uri: vscode.Uri;
  readonly analysis: PlanAnalysis;
}

export interface PlanInfoChange {
  readonly uri: vscode.Uri;
  /** Undefined when the plan left (deleted, renamed away, out of the workspace). */
  readonly analysis: PlanAnalysis | undefined;
}
