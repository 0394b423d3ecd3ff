/** One entry of git's `--raw -z` output: `:100644 100644 <old> <new> R087`, then one or two paths. */
export interface RawEntry {
  readonly oldMode: string;
  readonly newMode: string;
  readonly oldBlob: string;
  readonly newBlob: string;
  /** A, D, M, T, R, C, U or X. */
  readonly status: string;
  /** The rename or copy score, 0–100. */
  readonly score?: number;
  readonly oldPath: string;
  readonly newPath: string;
}

const RAW_LINE = /^:(\d{6}) (\d{6}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([A-Z])(\d*)$/;

/**
 * Reads raw entries from `tokens` (the output split at NUL) starting at `i`; stops at the first token
 * that is not a raw line (e.g. the next commit of `git log`). Returns the entries and where it stopped.
 */
export function readRawEntries(tokens: readonly string[], start: number): { entries: RawEntry[]; next: number } {
  const entries: RawEntry[] = [];
  let i = start;
  while (i < tokens.length) {
    const m = RAW_LINE.exec(tokens[i].replace(/^\n/, ''));
    if (!m) break;
    const [, oldMode, newMode, oldBlob, newBlob, status, score] = m;
    const twoPaths = status === 'R' || status === 'C';
    const oldPath = tokens[i + 1];
    const newPath = twoPaths ? tokens[i + 2] : oldPath;
    if (oldPath === undefined || newPath === undefined) throw new Error(`git's raw diff output ends inside an entry: ${tokens[i]}`);
    entries.push({ oldMode, newMode, oldBlob, newBlob, status, score: score ? Number(score) : undefined, oldPath, newPath });
    i += twoPaths ? 3 : 2;
  }
  return { entries, next: i };
}

/** A regular file (not a symlink, not a submodule): the only kind that can hold a plan. */
export const isRegularFile = (mode: string): boolean => mode === '100644' || mode === '100755';
