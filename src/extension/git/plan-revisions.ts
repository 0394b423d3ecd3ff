import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GitApi, GitRepository } from './git-api';
import { gitAccess } from './git-api';

import { MAX_COMMITS, type PlanLog } from './plan-revisions.shared';
export { MAX_COMMITS, shortHash, subjectOf, type PlanLog } from './plan-revisions.shared';

/** The repository holding a file: the one the Git extension has open, else the one it opens for the file's folder. */
export async function repositoryOf(api: GitApi, uri: vscode.Uri): Promise<GitRepository | undefined> {
  if (uri.scheme !== 'file') return undefined;
  return api.getRepository(uri) ?? (await api.openRepository?.(vscode.Uri.joinPath(uri, '..'))) ?? undefined;
}

/**
 * The latest commits of a plan, newest first, as the Git extension's `log` gives them (it runs
 * `git log -- PATH`, which does not follow renames: before a rename the plan has no history here).
 */
export async function planLog(uri: vscode.Uri, max = MAX_COMMITS): Promise<PlanLog> {
  const access = await gitAccess();
  if (!('api' in access)) return { kind: 'no-git' };
  const repository = await repositoryOf(access.api, uri);
  if (!repository) return { kind: 'no-repository' };
  const commits = await repository.log({ path: uri.fsPath, maxEntries: max });
  if (commits.length === 0) return { kind: 'no-history' };
  return { kind: 'ok', api: access.api, repository, path: repoPath(repository, uri), commits };
}

/** The file's path inside its repository, with forward slashes (as git names it in `REV:PATH`). */
export const repoPath = (repository: GitRepository, uri: vscode.Uri): string =>
  path.relative(repository.rootUri.fsPath, uri.fsPath).split(path.sep).join('/');

/**
 * A file's text at a commit, or undefined when the commit has no such path. Read with
 * `git cat-file blob`, through the Git extension's own git binary: the API's `show` runs
 * `git show --textconv`, which, once `account-plans git-setup` has set the diff driver, returns
 * the plan as fact lines instead of its text.
 */
export function readAtCommit(api: GitApi, repository: GitRepository, commit: string, file: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    execFile(api.git.path, ['cat-file', 'blob', `${commit}:${file}`], { cwd: repository.rootUri.fsPath, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' },
      (error, stdout, stderr) => {
        if (!error) return resolve(new TextDecoder('utf-8').decode(stdout));
        const why = stderr.toString('utf8');
        if (/does not exist|exists on disk, but not in|Not a valid object name|invalid object name/i.test(why)) return resolve(undefined);
        reject(new Error(why.trim() || error.message));
      });
  });
}
