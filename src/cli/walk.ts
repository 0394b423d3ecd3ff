import * as fs from 'node:fs';
import * as path from 'node:path';
import { byCodePoint, isPlanFile } from '../core/index';
import { UsageError } from './args';

export interface PlanFile {
  /** As given on the command line, or that path joined with the entry found under it. */
  readonly display: string;
  readonly absolute: string;
  /** Named on the command line (not found by walking a folder): failing to read it is an error. */
  readonly named?: boolean;
}

export interface WalkResult {
  /** Sorted by `display`, each file once. */
  readonly files: readonly PlanFile[];
  /** Entries that look like plans but cannot be read (dangling symlink, FIFO, unreadable folder). */
  readonly problems: readonly string[];
  /** Paths named on the command line that are neither a folder nor a regular file (a FIFO, a device). */
  readonly errors: readonly string[];
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Every plan under `paths`. A directory is walked for `*.account.md` (skipping node_modules and
 * .git, following symlinks once); a file named explicitly is checked whatever its name.
 * A path that does not exist is bad usage.
 */
export function collectPlanFiles(paths: readonly string[], cwd: string): WalkResult {
  const found = new Map<string, PlanFile>();
  const problems: string[] = [];
  const errors: string[] = [];
  /** Real paths of the folders walked: each once, which also ends symlink loops. */
  const walked = new Set<string>();
  // One entry per real file, under the first path that reached it.
  const add = (display: string, absolute: string, known?: string, named?: boolean) => {
    const real = known ?? realpath(absolute);
    const had = found.get(real);
    if (!had) found.set(real, named ? { display, absolute, named } : { display, absolute });
    else if (named && !had.named) found.set(real, { ...had, named });
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const display = path.normalize(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (e) {
      throw new UsageError(`cannot read ${given}: ${describeFsError(e)}`);
    }
    if (stat.isDirectory()) walkDirectory(display, absolute, walked, add, problems);
    // Opening a FIFO would wait for a writer forever; a device or socket is no plan either.
    else if (!stat.isFile()) errors.push(`cannot read ${given}: not a regular file`);
    else add(display, absolute, undefined, true);
  }
  const files = [...found.values()].sort((a, b) => byCodePoint(a.display, b.display));
  return { files, problems, errors };
}

function walkDirectory(
  display: string, absolute: string, walked: Set<string>,
  add: (display: string, absolute: string, real?: string) => void, problems: string[],
): void {
  const real = realpath(absolute);
  if (walked.has(real)) return;
  walked.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(absolute, { withFileTypes: true });
  } catch (e) {
    problems.push(`cannot read directory ${display}: ${describeFsError(e)}`);
    return;
  }
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  const linkedDirs: [string, string][] = [];
  for (const entry of entries) {
    if (SKIPPED_DIRS.has(entry.name)) continue;
    const childDisplay = path.join(display, entry.name);
    const childAbsolute = path.join(absolute, entry.name);
    const kind = entry.isSymbolicLink() ? statKind(childAbsolute)
      : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
    if (kind === 'dir') {
      if (entry.isSymbolicLink()) linkedDirs.push([childDisplay, childAbsolute]);
      else walkDirectory(childDisplay, childAbsolute, walked, add, problems);
    } else if (isPlanFile(entry.name)) {
      // A regular file's real path is its real folder's plus its name: no realpath call per plan.
      if (kind === 'file') add(childDisplay, childAbsolute, entry.isSymbolicLink() ? undefined : path.join(real, entry.name));
      else if (kind === 'other') problems.push(`cannot read ${childDisplay}: not a regular file`);
      else problems.push(`cannot read ${childDisplay}: ${describeFsError(kind)}`);
    }
  }
  // Symlinked folders last, so a plan reachable both ways keeps its real path.
  for (const [childDisplay, childAbsolute] of linkedDirs) walkDirectory(childDisplay, childAbsolute, walked, add, problems);
}

function statKind(absolute: string): 'dir' | 'file' | 'other' | Error {
  try {
    const s = fs.statSync(absolute);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
  } catch (e) {
    return e as Error;
  }
}

function realpath(absolute: string): string {
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute; // statSync succeeded, so this is a race; the path itself is a fine key
  }
}

/** `ENOENT: no such file or directory` without the syscall and path Node appends. */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file or directory';
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'ELOOP') return 'too many levels of symbolic links';
  if (err.code === 'EISDIR') return 'is a directory';
  if (err.code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (err.code === 'EEXIST') return 'a file of that name is in the way';
  if (err.code === 'EROFS') return 'read-only file system';
  if (err.code === 'ENOSPC') return 'no space left on the device';
  return err.code ?? err.message ?? String(e);
}
