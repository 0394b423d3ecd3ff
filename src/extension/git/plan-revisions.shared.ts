import type { GitApi, GitCommit, GitRepository } from './git-api';

/** What plan-revisions.ts and its browser twin (plan-revisions.web.ts) both export. */

/** The commits Plan History lists, and the Compare command offers, at most. */
export const MAX_COMMITS = 50;

/** Where a plan's history is, or why there is none. */
export type PlanLog =
  | { readonly kind: 'ok'; readonly api: GitApi; readonly repository: GitRepository; readonly path: string; readonly commits: readonly GitCommit[] }
  | { readonly kind: 'no-git' }
  | { readonly kind: 'no-repository' }
  | { readonly kind: 'no-history' };

export const shortHash = (hash: string): string => hash.slice(0, 7);

/** The first line of a commit message. */
export const subjectOf = (c: GitCommit): string => c.message.split('\n', 1)[0];
