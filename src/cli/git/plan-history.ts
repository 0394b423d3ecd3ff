import type { GitRunner } from './git-process';
import { readRawEntries } from './raw-diff';

/** One commit that touched a plan, newest first as git lists them. */
export interface PlanCommit {
  readonly commit: string;
  /** Committer date, strict ISO 8601 with the committer's offset. */
  readonly date: string;
  readonly authorDate: string;
  readonly author: string;
  readonly subject: string;
  /** The plan's path in this commit (it changes across renames); forward slashes from the top. */
  readonly path: string;
  /** What the commit did to the plan (a merge: against its first parent); absent when git gave no diff. */
  readonly status?: 'added' | 'modified' | 'renamed' | 'deleted';
  /** Where to read the plan as this commit left it; absent when the commit deleted it. */
  readonly object?: string;
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * The commits that touched the plan at `path` (relative to the working folder), following it
 * across renames (`git log --follow`), optionally only those since `since` (any date git takes).
 * `newest` is the plan's path from the top of the repository, for a merge listed first (without a diff).
 */
export function planCommits(git: GitRunner, path: string, options: { since?: string; newest?: string } = {}): PlanCommit[] {
  const out = git.run([
    // -m: a merge is listed with its diff against its first parent (git 2.32+, as pinned here, whatever
    // the user's log.diffMerges), or against each parent, first parent first (older git; parseLog keeps
    // that one). Without it --follow leaves merges out, and with them a conflict's resolution.
    '-c', 'log.diffMerges=first-parent', 'log', '--follow', '-m', '--raw', '-z', '--no-abbrev', '--no-show-signature', '--no-ext-diff', '--no-textconv',
    `--format=${RECORD}%H${FIELD}%cI${FIELD}%aI${FIELD}%an${FIELD}%s`,
    ...(options.since ? [`--since=${options.since}`] : []),
    '--', path,
  ]);
  return parseLog(out.stdout.toString('utf8'), options.newest);
}

/** Parses the `git log --raw -z` output above; `current` is the plan's newest path when a merge comes first. */
export function parseLog(output: string, current: string | undefined): PlanCommit[] {
  const tokens = output.split('\0');
  const commits: PlanCommit[] = [];
  let i = 0;
  let path = current;
  const seen = new Set<string>();
  while (i < tokens.length) {
    const token = tokens[i].replace(/^\n/, '');
    if (!token.startsWith(RECORD)) {
      if (token === '') { i++; continue; }
      throw new Error(`unexpected git log output: ${JSON.stringify(token.slice(0, 80))}`);
    }
    const [commit, date, authorDate, author, ...subject] = token.slice(1).split(FIELD);
    const { entries, next } = readRawEntries(tokens, i + 1);
    i = next;
    if (seen.has(commit)) continue;
    seen.add(commit);
    const e = entries[0];
    const base = { commit, date, authorDate, author, subject: subject.join(FIELD) };
    if (!e) {
      if (path !== undefined) commits.push({ ...base, path, object: `${commit}:${path}` });
      continue;
    }
    const status = e.status === 'A' ? 'added' : e.status === 'D' ? 'deleted' : e.status === 'R' ? 'renamed' : 'modified';
    commits.push({ ...base, path: e.newPath, status, object: status === 'deleted' ? undefined : e.newBlob });
    // Older commits know the plan by the name it had before this one.
    path = e.oldPath;
  }
  return commits;
}
