import { promises as fsp } from 'fs';
import * as vscode from 'vscode';

/** A file's stamp: what tells the index whether its stored analysis is still of this file. */
export interface DiskStamp { readonly mtime: number; readonly size: number; readonly isFile: boolean }

/**
 * Disk access for the index. Files on the local disk go through Node's fs (the workspace check
 * reads 10,000 plans; vscode.workspace.fs costs several times more per call), any other scheme
 * (a virtual workspace) through vscode.workspace.fs. A missing file is FileSystemError.FileNotFound
 * either way.
 */
export async function statPlan(uri: vscode.Uri): Promise<DiskStamp> {
  if (uri.scheme !== 'file') {
    const s = await vscode.workspace.fs.stat(uri);
    return { mtime: s.mtime, size: s.size, isFile: (s.type & vscode.FileType.File) !== 0 };
  }
  try {
    const s = await fsp.stat(uri.fsPath);
    return { mtime: s.mtimeMs, size: s.size, isFile: s.isFile() };
  } catch (e) {
    throw notFound(e, uri);
  }
}

export async function readPlan(uri: vscode.Uri, decoder: { decode(bytes: Uint8Array): string }): Promise<string> {
  if (uri.scheme !== 'file') return decoder.decode(await vscode.workspace.fs.readFile(uri));
  try {
    return decoder.decode(await fsp.readFile(uri.fsPath));
  } catch (e) {
    throw notFound(e, uri);
  }
}

function notFound(e: unknown, uri: vscode.Uri): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? vscode.FileSystemError.FileNotFound(uri) : e;
}
