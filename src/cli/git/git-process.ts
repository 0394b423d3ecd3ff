import { spawnSync } from 'node:child_process';
import { UsageError } from '../args';

/** What one run of `git` gave back. */
export interface GitOutput {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  readonly error?: NodeJS.ErrnoException;
}

export interface GitInvocation {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Written to git's standard input (the `cat-file --batch` requests). */
  readonly input?: string;
  readonly maxBuffer: number;
}

/** Runs the `git` executable: the seam where tests count processes or make git go missing. */
export type GitSpawner = (args: readonly string[], invocation: GitInvocation) => GitOutput;

export const spawnGit: GitSpawner = (args, invocation) => {
  const r = spawnSync('git', args, {
    cwd: invocation.cwd,
    env: invocation.env,
    input: invocation.input,
    maxBuffer: invocation.maxBuffer,
    windowsHide: true,
  });
  return { status: r.status, stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr ?? Buffer.alloc(0), error: r.error as NodeJS.ErrnoException | undefined };
};

/** A git failure the user can act on (not a repository, unknown revision, git missing): one line, exit status 2. */
export class GitError extends UsageError {}

/**
 * Options every read runs with, whatever the user's git config says: no pager, no colour, no
 * optional locks (a read never rewrites the index), paths as bytes (`-z` output is never quoted).
 */
const FIXED = ['--no-pager', '-c', 'core.quotePath=false', '-c', 'color.ui=never'];

export interface GitRunner {
  /** Runs `git ARGS`; a non-zero exit becomes a `GitError` with git's own first line, unless `allowFailure`. */
  run(args: readonly string[], options?: { input?: string; allowFailure?: boolean; maxBuffer?: number }): GitOutput;
}

export function gitRunner(cwd: string, env: Readonly<Record<string, string | undefined>>, spawn: GitSpawner = spawnGit): GitRunner {
  const gitEnv = { ...env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };
  return {
    run(args, options = {}) {
      const maxBuffer = options.maxBuffer ?? 64 * 1024 * 1024;
      const out = spawn([...FIXED, ...args], { cwd, env: gitEnv, input: options.input, maxBuffer });
      if (out.error) throw describeSpawnError(out.error, args[0], maxBuffer);
      if (out.status !== 0 && !options.allowFailure) throw new GitError(gitMessage(out.stderr, args[0]));
      return out;
    },
  };
}

function describeSpawnError(e: NodeJS.ErrnoException, command: string, maxBuffer: number): Error {
  if (e.code === 'ENOENT') return new GitError("git is not installed or not on the PATH (these commands read plans through the 'git' executable)");
  if (e.code === 'ENOBUFS') return new GitError(`git ${command} gave more than ${Math.round(maxBuffer / 1024 / 1024)} MiB of output; narrow the paths after --`);
  return new GitError(`cannot run git ${command}: ${e.code ?? e.message}`);
}

/** git's first `fatal:`/`error:` line, worded for our users where we know the case. */
export function gitMessage(stderr: Buffer, command: string): string {
  const lines = stderr.toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const first = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? `git ${command} failed`;
  if (/not a git repository/i.test(first)) return 'not a git repository (or any parent folder); run this inside a clone of the plans';
  return first.replace(/^(fatal|error):\s*/, `git ${command}: `);
}
