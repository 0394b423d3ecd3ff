import { readFileSync, statSync } from 'fs';
import * as vscode from 'vscode';

/*
 * How the stored index's shard files are read: in the Node build, a `file:` storage through Node's
 * fs, each file in one synchronous read (a reopened workspace reads ~80 MB at once: read
 * asynchronously, each file comes in 512 KB pieces, each a round trip through libuv's thread pool
 * and the busy event loop of a starting editor, and all 32 arrive together ~400 ms later; read at
 * once, they take ~50 ms from the page cache, and the caller parses one per turn of the event loop);
 * any other storage through vscode.workspace.fs. The browser build has no fs: esbuild.js puts
 * store-files.web.ts in this module's place. A missing file rejects with FileSystemError.FileNotFound.
 */
export async function readStoreFile(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
  try {
    return readFileSync(uri.fsPath);
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'ENOENT' ? vscode.FileSystemError.FileNotFound(uri) : e;
  }
}

/** A file's stamp (the running bundle's, which keys the store): through Node's fs for a `file:` URI, no round trip to the file service. */
export async function fileStamp(uri: vscode.Uri): Promise<{ mtime: number; size: number }> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.stat(uri);
  const s = statSync(uri.fsPath);
  return { mtime: Math.floor(s.mtimeMs), size: s.size };
}
