import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openGitPlanSource, spawnGit, type GitSpawner, type PlanSource } from '../../src/cli/git';

/**
 * git's environment for tests: the machine's and the user's config never leak in (no system or
 * global file, no HOME), and commits get fixed names and dates.
 */
export function isolatedGitEnv(home: string): Record<string, string> {
  const keep = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))) as Record<string, string>;
  return {
    ...keep,
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, 'no-gitconfig'),
    GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
  };
}

/** A real repository in a temporary folder, made with the real git. */
export class TestRepo {
  readonly dir: string;
  readonly env: Record<string, string>;
  /** Every git command line the plan source ran, in order. */
  readonly spawned: string[][] = [];
  private day = 1;

  constructor() {
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ap-git-')));
    this.env = isolatedGitEnv(this.dir);
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'user.email', 'test@example.com');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env, encoding: 'utf8' });
  }

  write(file: string, text: string | Buffer): this {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), text);
    return this;
  }

  remove(file: string): this {
    fs.rmSync(path.join(this.dir, file));
    return this;
  }

  /** Stages everything and commits on 2026-01-DD (one day later each time); returns the commit. */
  commit(message: string): string {
    const date = `2026-01-${String(this.day++).padStart(2, '0')}T10:00:00+08:00`;
    this.git('add', '-A');
    execFileSync('git', ['commit', '-q', '-m', message], { cwd: this.dir, env: { ...this.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** The plan source under test, in `sub` of the repository, counting the git processes it starts. */
  source(sub = '.', spawn: GitSpawner = spawnGit): PlanSource {
    const counting: GitSpawner = (args, invocation) => {
      this.spawned.push([...args]);
      return spawn(args, invocation);
    };
    return openGitPlanSource({ cwd: path.join(this.dir, sub), env: this.env, spawn: counting });
  }

  /** The git subcommands started so far (`cat-file`, `diff`…), without the fixed options before them. */
  subcommands(): string[] {
    return this.spawned.map((args) => args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '-c') ?? '');
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A minimal plan with an id, so a rename keeps the account. */
export const plan = (id: string, stage = 'C'): string =>
  `---\nid: ${id}\naccount: ${id} Ltd\nopportunities:\n  - id: o1\n    name: Deal\n    stage: ${stage}\n    amount: 100000\n---\n\n# ${id}\n`;
