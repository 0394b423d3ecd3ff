import { promises as fsp } from 'fs';
import * as vscode from 'vscode';

/*
 * How the stored index's shard files are read: in the Node build, a `file:` storage through Node's
 * fs (a reopened workspace reads ~80 MB at once, and vscode.workspace.fs hands it over in messages);
 * any other through vscode.workspace.fs. The browser build has no fs: esbuild.js puts
 * store-files.web.ts in this module's place. A missing file rejects with FileSystemError.FileNotFound.
 */
export async function readStoreFile(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
  try {
    return await fsp.readFile(uri.fsPath);
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'ENOENT' ? vscode.FileSystemError.FileNotFound(uri) : e;
  }
}
