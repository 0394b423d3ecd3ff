import type * as vscode from 'vscode';
import type { GitApi, GitRepository } from './git-api';
import type { PlanLog } from './plan-revisions.shared';
export { MAX_COMMITS, shortHash, subjectOf, type PlanLog } from './plan-revisions.shared';

/**
 * The browser build's twin of plan-revisions.ts: the web worker host has no git and no child
 * processes, so a plan has no history there (Compare with Revision and Plan History are hidden
 * by the `accountPlans.nodeHost` context key; these answers only keep the modules that import
 * this one working).
 */
export async function repositoryOf(_api: GitApi, _uri: vscode.Uri): Promise<GitRepository | undefined> {
  return undefined;
}

export async function planLog(_uri: vscode.Uri, _max?: number): Promise<PlanLog> {
  return { kind: 'no-git' };
}

export const repoPath = (_repository: GitRepository, uri: vscode.Uri): string => uri.path.replace(/^\//, '');

export async function readAtCommit(_api: GitApi, _repository: GitRepository, _commit: string, _file: string): Promise<string | undefined> {
  return undefined;
}
