import {
  assembleChanges, assemblePacked, todayLocal,
  type ChangeSet, type DiffOptions, type Locale, type PackedAccount, type PathDiff,
} from '../../core/index';
import { pickLocale, pickToday, UsageError } from '../args';
import { loadSettings } from '../config';
import { openGitPlanSource, type Comparison, type PlanSource, type PlanText } from '../git';
import type { Host } from '../host';
import { diffJob, WorkerPool, workerCount, type DiffJob } from '../worker';

/** Options `diff` and `report` share: the change set's day, settings and language. */
export const CHANGE_OPTIONS = {
  today: { type: 'string' },
  config: { type: 'string', short: 'c' },
  currency: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ChangeValues {
  readonly today?: string;
  readonly config?: string;
  readonly currency?: string;
  readonly lang?: string;
}

/** `[ARGS...] -- PATH...`: what comes before `--`, and the paths after it. */
export function splitPaths(argv: readonly string[]): { args: string[]; paths: string[] } {
  const at = argv.indexOf('--');
  return at < 0 ? { args: [...argv], paths: [] } : { args: argv.slice(0, at), paths: argv.slice(at + 1) };
}

export interface LoadedChanges<A = ChangeSet> {
  readonly changes: A;
  readonly comparison: Comparison;
  readonly locale: Locale;
}

type ChooseSides = (source: PlanSource) => Comparison;

/**
 * The change set between the sides `pick` chooses (from the repository holding the working
 * folder), limited to `paths`: only the changed plans are read, in one cat-file stream.
 */
export function loadChanges(host: Host, values: ChangeValues, paths: readonly string[], pick: ChooseSides): LoadedChanges {
  const { paths: diffs, options, ...rest } = loadPaths(host, values, paths, pick, false);
  return { ...rest, changes: assembleChanges(diffs as PathDiff[], options) };
}

/** The same, each account held as its JSON text from the moment it is diffed (for a JSON output). */
export function loadPackedChanges(host: Host, values: ChangeValues, paths: readonly string[], pick: ChooseSides): LoadedChanges<ChangeSet<PackedAccount>> {
  const { paths: diffs, options, ...rest } = loadPaths(host, values, paths, pick, true);
  return { ...rest, changes: assemblePacked(diffs as PathDiff<PackedAccount>[], options) };
}

function loadPaths(host: Host, values: ChangeValues, paths: readonly string[], pick: ChooseSides, pack: boolean) {
  const today = pickToday(values.today, todayLocal);
  const locale = pickLocale(values.lang);
  const settings = loadSettings(host.cwd, values.config, values.currency);
  const source = openGitPlanSource({ cwd: host.cwd, env: host.env });
  const comparison = pick(source);
  const changed = source.changedPlans(comparison, paths);
  // Workers start now and load while git reads the blobs; this thread is one of the `threads`.
  const threads = workerCount(changed.length);
  const pool = threads > 1 ? new WorkerPool(threads - 1) : undefined;
  try {
    const texts = source.readChanges(changed);
    for (const u of texts.unreadable) {
      host.err(`account-plans: warning: ${u.path} (${u.side}) is left out: ${describeUnreadable(u.content)}\n`);
    }
    const options: DiffOptions = { today, settings, locale };
    // Each text is decoded just before its plan is checked (here), or as its batch is sent to a worker.
    const jobs = diffJobs(texts.before, texts.after);
    const diffs = pool ? pool.run('diff', jobs, { ...options, pack }, true) : jobs.map((j) => diffJob(j, { ...options, pack }));
    return { paths: diffs, options, comparison, locale };
  } finally {
    pool?.close();
  }
}

/** Each path with its text on either side, decoded when read (a worker's message reads it as the batch is sent). */
function diffJobs(before: ReadonlyMap<string, PlanText>, after: ReadonlyMap<string, PlanText>): DiffJob[] {
  return [...new Set([...before.keys(), ...after.keys()])].map((path) => {
    const b = before.get(path);
    const a = after.get(path);
    return { path, get before() { return b?.text; }, get after() { return a?.text; } };
  });
}

function describeUnreadable(content: { kind: string; size?: number; reason?: string }): string {
  if (content.kind === 'too-large') return `it is too large (${content.size ?? '?'} bytes)`;
  if (content.kind === 'binary') return 'it is not text';
  return content.reason ?? content.kind;
}

/** Too many revisions: a usage error that names the command. */
export function tooMany(command: string, extra: readonly string[]): UsageError {
  return new UsageError(`unexpected argument '${extra[0]}'; paths go after '--' (see 'account-plans ${command} --help')`);
}
