import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from '../walk';
import { classify, MAX_PLAN_BYTES, readObjects, type PlanContent } from './blob-batch';
import { changedPlans, type PlanChange } from './changed-plans';
import { gitRunner, type GitRunner, type GitSpawner } from './git-process';
import { planCommits, type PlanCommit } from './plan-history';
import { resolveComparison, type Comparison } from './revisions';

/** A plan that could not be read as text, on one side of a comparison or at one commit. */
export interface UnreadablePlan {
  readonly path: string;
  readonly side: 'before' | 'after';
  readonly content: Exclude<PlanContent, { kind: 'text' }>;
}

/** A plan's text, decoded from its bytes each time it is read (see `classify`). */
export interface PlanText { readonly text: string }

/** The texts of changed plans, keyed by path from the top of the repository (the core diff's input). */
export interface ChangedPlanTexts {
  readonly before: ReadonlyMap<string, PlanText>;
  readonly after: ReadonlyMap<string, PlanText>;
  readonly unreadable: readonly UnreadablePlan[];
}

/** One plan as each commit that touched it left it, oldest first. */
export interface PlanRevision extends PlanCommit {
  /** Absent when the commit deleted the plan. */
  readonly content?: PlanContent;
}

/**
 * Plans at revisions of a repository: what `diff`, `report` and `history` read.
 * Each read of texts is one `git cat-file --batch` process, whatever the number of plans.
 */
export interface PlanSource {
  /** The sides of `diff [BASE [HEAD]]` (see `resolveComparison`). */
  compare(base?: string, head?: string): Comparison;
  /** The plans that differ between the sides, renames followed, limited to `paths` (pathspecs). */
  changedPlans(comparison: Comparison, paths?: readonly string[]): PlanChange[];
  /** Both sides of `changes`: blobs through one cat-file stream, the working tree from disk. */
  readChanges(changes: readonly PlanChange[]): ChangedPlanTexts;
  /** The plan at `file` (relative to the working folder) at each commit that touched it, renames followed. */
  history(file: string, options?: { since?: string }): PlanRevision[];
}

export interface GitPlanSourceOptions {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Runs git; tests pass one that counts processes. */
  readonly spawn?: GitSpawner;
  readonly maxPlanBytes?: number;
}

/** Opens the repository that holds `cwd`; a `GitError` (exit status 2) when there is none or git is missing. */
export function openGitPlanSource(options: GitPlanSourceOptions): PlanSource {
  const git = gitRunner(options.cwd, options.env, options.spawn);
  const [top, prefix] = git.run(['rev-parse', '--show-toplevel', '--show-prefix']).stdout.toString('utf8').split('\n');
  return new GitPlanSource(git, top, prefix ?? '', options.maxPlanBytes ?? MAX_PLAN_BYTES);
}

class GitPlanSource implements PlanSource {
  constructor(
    private readonly git: GitRunner,
    /** The working tree's top folder. */
    private readonly top: string,
    /** The working folder from the top, with a trailing slash ('' at the top). */
    private readonly prefix: string,
    private readonly maxPlanBytes: number,
  ) {}

  compare(base?: string, head?: string): Comparison {
    return resolveComparison(this.git, base, head);
  }

  changedPlans(comparison: Comparison, paths: readonly string[] = []): PlanChange[] {
    return changedPlans(this.git, comparison, paths);
  }

  readChanges(changes: readonly PlanChange[]): ChangedPlanTexts {
    const sides = changes.flatMap((c) => [
      ...(c.before ? [{ side: 'before' as const, ...c.before }] : []),
      ...(c.after ? [{ side: 'after' as const, ...c.after }] : []),
    ]);
    const blobs = readObjects(this.git, sides.flatMap((s) => (s.blob ? [s.blob] : [])), this.maxPlanBytes);
    const texts = { before: new Map<string, PlanText>(), after: new Map<string, PlanText>() };
    const unreadable: UnreadablePlan[] = [];
    for (const s of sides) {
      const content = s.blob ? blobs.get(s.blob) ?? missing : this.readFromDisk(s.path);
      if (content.kind === 'text') texts[s.side].set(s.path, content);
      else unreadable.push({ path: s.path, side: s.side, content });
    }
    return { ...texts, unreadable };
  }

  history(file: string, options: { since?: string } = {}): PlanRevision[] {
    const commits = planCommits(this.git, file, { since: options.since, newest: this.fromTop(file) });
    const contents = readObjects(this.git, commits.flatMap((c) => (c.object ? [c.object] : [])), this.maxPlanBytes);
    return commits.reverse().map((c) => (c.object ? { ...c, content: contents.get(c.object) ?? missing } : c));
  }

  /** `file` (relative to the working folder) from the top of the working tree; undefined when it lies outside. */
  private fromTop(file: string): string | undefined {
    if (path.isAbsolute(file)) return undefined;
    const rel = path.posix.normalize(this.prefix + file.split(path.sep).join('/'));
    return rel === '..' || rel.startsWith('../') || path.posix.isAbsolute(rel) ? undefined : rel;
  }

  private readFromDisk(relative: string): PlanContent {
    try {
      const file = path.join(this.top, relative);
      const size = fs.statSync(file).size;
      if (size > this.maxPlanBytes) return { kind: 'too-large', size };
      return classify(fs.readFileSync(file), this.maxPlanBytes);
    } catch (e) {
      return { kind: 'missing', reason: describeFsError(e) };
    }
  }
}

const missing: PlanContent = { kind: 'missing', reason: 'no such object' };

