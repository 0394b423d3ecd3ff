import * as vscode from 'vscode';
import { isPlanFile } from '../../../core';
import { COMMANDS } from '../../constants';
import type { GitCommit } from '../../git/git-api';
import { MAX_COMMITS, shortHash, subjectOf } from '../../git/plan-revisions';
import { t } from '../../words';
import type { PlanComparisons } from '../compare/plan-comparison';

/** One commit of the plan, with what changed in it against its first parent. */
export interface HistoryRow {
  readonly uri: vscode.Uri;
  readonly commit: GitCommit;
  readonly summary: string;
}

/**
 * Plan History: the latest commits of the active plan, newest first, each described in business
 * terms (stage moves, attitude moves, visits) by the engine's change model. The rows come from the
 * Git extension; `message` says why there are none (no plan, no git, no repository, no commit).
 */
export class PlanHistoryTreeProvider implements vscode.TreeDataProvider<HistoryRow> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private uri: vscode.Uri | undefined;
  /** Why the view is empty, or which commits it lists; set by each getChildren. */
  message: string | undefined;
  /** Resolves with the rows of the latest getChildren (tests wait on it). */
  lastRows: Promise<HistoryRow[]> = Promise.resolve([]);
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires with the view's message after every listing. */
  readonly onDidChangeMessage = this.changed.event;

  constructor(private readonly comparisons: PlanComparisons, private readonly log: vscode.LogOutputChannel) {}

  /** The plan the view shows. */
  get plan(): vscode.Uri | undefined {
    return this.uri;
  }

  /** Follows the active editor when it shows a plan (another editor keeps the last plan). True when the plan changed. */
  follow(editor: vscode.TextEditor | undefined): boolean {
    const uri = editor?.document.uri;
    if (!uri || !isPlanFile(uri.path) || uri.toString() === this.uri?.toString()) return false;
    this.uri = uri;
    this.refresh();
    return true;
  }

  refresh(): void {
    this.emitter.fire();
  }

  getChildren(row?: HistoryRow): Promise<HistoryRow[]> {
    if (row) return Promise.resolve([]);
    this.lastRows = this.rows();
    return this.lastRows;
  }

  private async rows(): Promise<HistoryRow[]> {
    const uri = this.uri;
    if (!uri) return this.empty(t('planHistory.noPlan'));
    const file = vscode.workspace.asRelativePath(uri);
    const log = await this.comparisons.log(uri);
    if (log.kind === 'no-git') return this.empty(t('planHistory.noGit'));
    if (log.kind === 'no-repository') return this.empty(t('planHistory.noRepository', { file }));
    if (log.kind === 'no-history') return this.empty(t('planHistory.noHistory', { file }));
    const { api, repository, path, commits } = log;
    const rows = await mapLimited(commits, 4, async (commit) => ({
      uri, commit,
      summary: await this.comparisons.summary(api, repository, path, commit).catch((e: unknown) => {
        const reason = e instanceof Error ? e.message : String(e);
        this.log.warn(`plan history: ${shortHash(commit.hash)} ${path}: ${reason}`);
        return t('planHistory.failed', { reason });
      }),
    }));
    this.setMessage(commits.length >= MAX_COMMITS ? t('planHistory.latest', { count: MAX_COMMITS, file }) : undefined);
    return rows;
  }

  private empty(message: string): HistoryRow[] {
    this.setMessage(message);
    return [];
  }

  private setMessage(message: string | undefined): void {
    this.message = message;
    this.changed.fire(message);
  }

  getTreeItem(r: HistoryRow): vscode.TreeItem {
    // What changed leads (a narrow sidebar cuts the description first); the commit's subject follows.
    const item = new vscode.TreeItem(r.summary, vscode.TreeItemCollapsibleState.None);
    item.id = `${r.uri.toString()}#${r.commit.hash}`;
    item.description = subjectOf(r.commit);
    item.iconPath = new vscode.ThemeIcon('git-commit');
    item.contextValue = 'planCommit';
    const date = r.commit.authorDate ? r.commit.authorDate.toISOString().slice(0, 10) : '';
    item.tooltip = `${r.summary}\n\n${r.commit.message.trim()}\n${t('planHistory.tooltip', { hash: shortHash(r.commit.hash), author: r.commit.authorName ?? '', date })}`;
    item.command = {
      command: COMMANDS.compareWithRevision, title: t('compare.page.title'),
      arguments: [r.uri, { before: r.commit.parents[0] ?? '', after: r.commit.hash }],
    };
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
    this.changed.dispose();
  }
}

/** `f` over `items` with at most `limit` running at once, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
