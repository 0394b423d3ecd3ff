import * as vscode from 'vscode';

/**
 * The part of the built-in Git extension's API (`vscode.git`, API version 1) this extension uses,
 * typed here rather than copied from its git.d.ts.
 */
export interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly parents: readonly string[];
  readonly authorDate?: Date;
  readonly authorName?: string;
  readonly authorEmail?: string;
  readonly commitDate?: Date;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly onDidChange: vscode.Event<void>; readonly HEAD?: { readonly commit?: string } };
  log(options?: { readonly maxEntries?: number; readonly path?: string }): Promise<GitCommit[]>;
  getCommit(ref: string): Promise<GitCommit>;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly git: { readonly path: string };
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  readonly onDidCloseRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}

export const GIT_EXTENSION_ID = 'vscode.git';

/** The Git extension's API, or why there is none: the extension is missing (or disabled as an extension), or `git.enabled` is off. */
export type GitAccess = { readonly api: GitApi } | { readonly reason: 'missing' | 'disabled' };

/** Activates the Git extension if needed and waits for its first repository scan. */
export async function gitAccess(): Promise<GitAccess> {
  const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
  if (!extension) return { reason: 'missing' };
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports?.enabled) return { reason: 'disabled' };
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const sub = api.onDidChangeState((s) => { if (s === 'initialized') { sub.dispose(); resolve(); } });
    });
  }
  return { api };
}

/** Fires when the Git extension is turned on or off (`git.enabled`). */
export function onGitEnablement(listener: () => void): vscode.Disposable {
  const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
  if (!extension?.isActive) return new vscode.Disposable(() => undefined);
  return extension.exports.onDidChangeEnablement(listener);
}
