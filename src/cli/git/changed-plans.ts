import { byCodePoint, isPlanFile } from '../../core/index';
import type { GitRunner } from './git-process';
import { isRegularFile, readRawEntries, type RawEntry } from './raw-diff';
import { WORKTREE, type Comparison } from './revisions';

/** One side of a changed plan: its path from the repository's top folder, and where to read it. */
export interface PlanVersion {
  /** Forward slashes, from the top of the repository. */
  readonly path: string;
  /** The blob's object name; absent for the working tree, which is read from disk. */
  readonly blob?: string;
}

export interface PlanChange {
  readonly kind: 'added' | 'deleted' | 'modified' | 'renamed';
  readonly before?: PlanVersion;
  readonly after?: PlanVersion;
  /** How alike the two sides of a rename are, in per cent (git's rename score). */
  readonly similarity?: number;
}

/**
 * The plan files (`*.account.md`) that differ between the two sides, renames followed (`git diff -M`),
 * limited to `paths` (git pathspecs, relative to the working folder; none: the whole repository).
 * Against the working tree, plans git does not track yet (and does not ignore) count as added.
 */
export function changedPlans(git: GitRunner, comparison: Comparison, paths: readonly string[]): PlanChange[] {
  const sides = comparison.after === WORKTREE ? [comparison.before] : [comparison.before, comparison.after];
  const out = git.run([
    'diff', '--raw', '-z', '-M', '--no-abbrev', '--no-relative', '--no-ext-diff', '--no-textconv',
    '--ignore-submodules', ...sides, '--', ...paths,
  ]);
  const tokens = out.stdout.toString('utf8').split('\0');
  const { entries } = readRawEntries(tokens, 0);
  const fromDisk = comparison.after === WORKTREE;
  const changes = entries.flatMap((e) => toPlanChanges(e, fromDisk));
  if (fromDisk) changes.push(...untrackedPlans(git, paths));
  return changes.sort((a, b) => byCodePoint(pathOf(a), pathOf(b)));
}

/** A raw entry as plan changes: none when neither side is a plan; a rename to or from another kind of file splits. */
export function toPlanChanges(e: RawEntry, afterFromDisk: boolean): PlanChange[] {
  const before = e.status !== 'A' && isRegularFile(e.oldMode) && isPlanFile(e.oldPath) ? { path: e.oldPath, blob: e.oldBlob } : undefined;
  const afterPresent = e.status !== 'D' && isRegularFile(e.newMode) && isPlanFile(e.newPath);
  const after = afterPresent ? (afterFromDisk ? { path: e.newPath } : { path: e.newPath, blob: e.newBlob }) : undefined;
  if (before && after) {
    return e.status === 'R'
      ? [{ kind: 'renamed', before, after, similarity: e.score }]
      : [{ kind: 'modified', before, after }];
  }
  if (before) return [{ kind: 'deleted', before }];
  if (after) return [{ kind: 'added', after }];
  return [];
}

function untrackedPlans(git: GitRunner, paths: readonly string[]): PlanChange[] {
  const out = git.run(['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', ...paths]);
  return out.stdout.toString('utf8').split('\0')
    .filter((p) => p !== '' && isPlanFile(p))
    .map((p) => ({ kind: 'added', after: { path: p } }));
}

const pathOf = (c: PlanChange): string => (c.after ?? c.before)?.path ?? '';
