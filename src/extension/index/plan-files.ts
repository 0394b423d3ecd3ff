import { promises as fsp } from 'fs';
import * as vscode from 'vscode';
import type { PlanFiles } from './plan-files-api';
import { workspacePlanFiles } from './workspace-plan-files';

export type { DiskStamp, PlanFiles } from './plan-files-api';

/*
 * The Node build's plan files: `file:` URIs through Node's fs, every other file system (a
 * virtual or remote folder) through vscode.workspace.fs. Node's fs because the workspace check
 * reads 10,000 plans, and the index build took 26 s through workspace.fs against 17 s this way.
 * The browser build has no fs: esbuild.js puts plan-files.web.ts in this module's place.
 */
export const planFiles: PlanFiles = {
  hasFileSystem: workspacePlanFiles.hasFileSystem,

  async stat(uri) {
    if (uri.scheme !== 'file') return workspacePlanFiles.stat(uri);
    try {
      const s = await fsp.stat(uri.fsPath);
      return { mtime: s.mtimeMs, size: s.size, isFile: s.isFile() };
    } catch (e) {
      throw notFound(e, uri);
    }
  },

  async read(uri, decoder) {
    if (uri.scheme !== 'file') return workspacePlanFiles.read(uri, decoder);
    try {
      return decoder.decode(await fsp.readFile(uri.fsPath));
    } catch (e) {
      throw notFound(e, uri);
    }
  },
};

function notFound(e: unknown, uri: vscode.Uri): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? vscode.FileSystemError.FileNotFound(uri) : e;
}
