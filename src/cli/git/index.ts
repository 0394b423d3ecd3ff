/** Plans in git: the edge `diff`, `report` and `history` read through (the real `git` executable). */
export {
  openGitPlanSource, type PlanSource, type GitPlanSourceOptions, type ChangedPlanTexts, type PlanRevision, type PlanText, type UnreadablePlan,
} from './plan-source';
export type { PlanChange, PlanVersion } from './changed-plans';
export type { PlanContent } from './blob-batch';
export type { PlanCommit } from './plan-history';
export { WORKTREE, type Comparison, type Side } from './revisions';
export { GitError, spawnGit, type GitSpawner, type GitInvocation, type GitOutput } from './git-process';
