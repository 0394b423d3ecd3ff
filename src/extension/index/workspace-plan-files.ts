import * as vscode from 'vscode';
import type { PlanFiles } from './plan-files-api';

/**
 * Plan files through vscode.workspace.fs: any file system VS Code has a provider for, `file:` on
 * the desktop, `vscode-remote:` in a remote window, `vscode-vfs:` on github.dev.
 */
export const workspacePlanFiles: PlanFiles = {
  hasFileSystem: (uri) => uri.scheme === 'file' || vscode.workspace.fs.isWritableFileSystem(uri.scheme) !== undefined,

  async stat(uri) {
    const s = await vscode.workspace.fs.stat(uri);
    return { mtime: s.mtime, size: s.size, isFile: (s.type & vscode.FileType.File) !== 0 };
  },

  async read(uri, decoder) {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  },
};
