import { closeSync, fstatSync, openSync, readSync, statSync } from 'fs';
import * as vscode from 'vscode';
import { splitShard, type ShardFile } from '../../core';

/*
 * How the stored index's shard files are read. In the Node build, a `file:` storage through Node's
 * fs, synchronously: read asynchronously, a file comes in 512 KB pieces, each a round trip through
 * libuv's thread pool and the busy event loop of a starting editor (all 32 shards arrived together
 * ~400 ms after they were asked for); the caller parses one per turn of the event loop. Only the
 * header line is read at first (the first MB of each ~2.5 MB shard for 10,000 plans); the plans'
 * bodies are read when one is first needed, from the same file if its size and time are still the
 * ones seen. Any other storage goes through vscode.workspace.fs, a whole file at a time. The browser
 * build has no fs: esbuild.js puts store-files.web.ts in this module's place. A missing file rejects
 * with FileSystemError.FileNotFound.
 */
export async function readShardFile(uri: vscode.Uri): Promise<ShardFile> {
  if (uri.scheme !== 'file') return splitShard(await vscode.workspace.fs.readFile(uri));
  try {
    return readHeaderLine(uri.fsPath);
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'ENOENT' ? vscode.FileSystemError.FileNotFound(uri) : e;
  }
}

/** A shard's header line is ~600 KB for 10,000 plans: one read, seldom two. */
const FIRST_READ = 1 << 20;

function readHeaderLine(path: string): ShardFile {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    let buffer: Buffer = Buffer.allocUnsafe(Math.min(size, FIRST_READ));
    let length = 0;
    let newline = -1;
    while (newline < 0 && length < size) {
      if (length === buffer.length) buffer = grow(buffer, Math.min(size, buffer.length * 2));
      const n = readSync(fd, buffer, length, buffer.length - length, length);
      if (n === 0) break;
      newline = buffer.indexOf(10, length);
      length += n;
    }
    if (newline < 0) return { header: undefined, bodies: { length: 0, bytes: () => new Uint8Array(0) } };
    let rest: Uint8Array | undefined;
    return {
      header: buffer.subarray(0, newline),
      bodies: {
        length: size - newline - 1,
        // Read once, kept: the store writes a shard again from these bytes before it replaces the file.
        bytes: () => (rest ??= readRest(path, size, mtimeMs, newline + 1)),
      },
    };
  } finally {
    closeSync(fd);
  }
}

function grow(buffer: Buffer, size: number): Buffer {
  const bigger = Buffer.allocUnsafe(size);
  buffer.copy(bigger);
  return bigger;
}

/** The file's bytes from `from` on, if it is still the file whose header was read. */
function readRest(path: string, size: number, mtimeMs: number, from: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const now = fstatSync(fd);
    if (now.size !== size || now.mtimeMs !== mtimeMs) throw new Error('shard-file-changed-since-read');
    const out = Buffer.allocUnsafe(size - from);
    let at = 0;
    while (at < out.length) {
      const n = readSync(fd, out, at, out.length - at, from + at);
      if (n === 0) throw new Error('shard-file-shorter-than-read');
      at += n;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

/** A file's stamp (the running bundle's, which keys the store): through Node's fs for a `file:` URI, no round trip to the file service. */
export async function fileStamp(uri: vscode.Uri): Promise<{ mtime: number; size: number }> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.stat(uri);
  const s = statSync(uri.fsPath);
  return { mtime: Math.floor(s.mtimeMs), size: s.size };
}
