import { GitError, type GitRunner } from './git-process';

/** The working tree (files on disk, tracked or not ignored), as the "after" side of a comparison. */
export const WORKTREE = 'worktree' as const;
export type Side = string | typeof WORKTREE;

/** Two sides to compare: commits (full object names) or the working tree for `after`. */
export interface Comparison {
  readonly before: string;
  readonly after: Side;
  /** As the user wrote it, for messages: `main...HEAD`, `HEAD`. */
  readonly label: string;
}

/** The full object name of the commit `rev` names; a `GitError` when there is none. */
export function resolveCommit(git: GitRunner, rev: string): string {
  checkRevisionSyntax(rev);
  const out = git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { allowFailure: true });
  const oid = out.stdout.toString('utf8').trim();
  if (out.status !== 0 || !oid) throw new GitError(`unknown revision '${rev}' (not a commit in this repository)`);
  return oid;
}

/**
 * The sides `account-plans diff [BASE [HEAD]]` compares, with git's own meanings:
 * none → HEAD against the working tree; `REV` → REV against the working tree; `A B` and `A..B`
 * → A against B; `A...B` → the merge base of A and B against B (an empty side is HEAD).
 */
export function resolveComparison(git: GitRunner, base?: string, head?: string): Comparison {
  if (base === undefined) return { before: resolveCommit(git, 'HEAD'), after: WORKTREE, label: 'HEAD' };
  if (head !== undefined) {
    if (base.includes('..') || head.includes('..')) throw new GitError(`give either a range (A...B) or two revisions, not '${base}' and '${head}'`);
    return { before: resolveCommit(git, base), after: resolveCommit(git, head), label: `${base} ${head}` };
  }
  const threeDots = base.indexOf('...');
  if (threeDots >= 0) {
    const [a, b] = [base.slice(0, threeDots) || 'HEAD', base.slice(threeDots + 3) || 'HEAD'];
    return { before: mergeBase(git, a, b), after: resolveCommit(git, b), label: base };
  }
  const twoDots = base.indexOf('..');
  if (twoDots >= 0) {
    const [a, b] = [base.slice(0, twoDots) || 'HEAD', base.slice(twoDots + 2) || 'HEAD'];
    return { before: resolveCommit(git, a), after: resolveCommit(git, b), label: base };
  }
  return { before: resolveCommit(git, base), after: WORKTREE, label: base };
}

/** The best common ancestor of `a` and `b`, as `git diff a...b` uses it. */
export function mergeBase(git: GitRunner, a: string, b: string): string {
  const [ca, cb] = [resolveCommit(git, a), resolveCommit(git, b)];
  const out = git.run(['merge-base', ca, cb], { allowFailure: true });
  const oid = out.stdout.toString('utf8').trim().split('\n')[0];
  if (out.status !== 0 || !oid) throw new GitError(`'${a}' and '${b}' have no common ancestor, so '${a}...${b}' has no merge base`);
  return oid;
}

/** A revision can never be taken for an option, nor hold what git reads as a second argument. */
function checkRevisionSyntax(rev: string): void {
  if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) throw new GitError(`'${rev.replace(/[\0\n]/g, ' ')}' is not a revision`);
}
