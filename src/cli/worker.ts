import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  checkPlan, diffPath, internalErrorAnalysis, packPath,
  type CheckOptions, type DiffOptions, type PackedAccount, type PathDiff, type PlanAnalysis,
} from '../core/index';
import { describeFsError } from './walk';

/**
 * Runs the engine on every core. `run` stays synchronous: the main thread sleeps on a shared
 * counter (Atomics.wait) that workers bump after each batch, and drains their ports with
 * receiveMessageOnPort. Jobs are spread in small batches, so a slow file does not hold up a core.
 * Two tasks: `check` (one plan's findings) and `diff` (one path's two sides, see `diffPath`).
 */
const ROLE = 'account-plans-check-worker';
const BATCH = 64;
/** The calling thread's batches, when it takes part: small, so it soon gets back to feeding the workers. */
const HERE_BATCH = 16;

/** A plan to check: its text, or (`path`) a file the worker reads itself, so reading overlaps checking. */
export type Job = { readonly name: string; readonly text: string } | { readonly name: string; readonly path: string };
/** A job's outcome: the analysis, or why its file could not be read. */
export type Outcome = PlanAnalysis | { readonly unreadable: string };
type Options = Omit<CheckOptions, 'fileName'>;
/** One path of a diff: its text on each side it exists on. */
export interface DiffJob { readonly path: string; readonly before?: string; readonly after?: string }

interface Tasks {
  check: { job: Job; options: Options & { findingsOnly?: boolean }; result: Outcome };
  diff: { job: DiffJob; options: DiffOptions & { pack?: boolean }; result: PathDiff | PathDiff<PackedAccount> };
}
type Task = keyof Tasks;

const TASKS: { [T in Task]: (job: Tasks[T]['job'], options: Tasks[T]['options']) => Tasks[T]['result'] } = {
  check(job, { findingsOnly, ...options }) {
    let text: string;
    try {
      text = 'text' in job ? job.text : fs.readFileSync(job.path, 'utf8');
    } catch (e) {
      return { unreadable: describeFsError(e) };
    }
    let a: PlanAnalysis;
    try {
      a = checkPlan(text, { ...options, fileName: job.name });
    } catch (e) {
      // As on the main thread: the failure is a finding on this plan, and the batch goes on.
      a = internalErrorAnalysis(job.name, e, options.locale);
    }
    // `check` needs only the findings: sending the plan and facts back would cost more than checking.
    return findingsOnly ? { fileName: a.fileName, findings: a.findings } : a;
  },
  diff: diffJob,
};

/**
 * One path of a diff, on whichever thread runs it. Only the account's diff and its deals' flows come
 * back, not the checked plans: cloning those costs more than diffing them. Packed (a JSON output),
 * the account is one string.
 */
export function diffJob(job: DiffJob, { pack, ...options }: DiffOptions & { pack?: boolean }): PathDiff | PathDiff<PackedAccount> {
  const diff = diffPath(job.path, job.before, job.after, options);
  return pack ? packPath(diff) : diff;
}

/** Threads for `jobs` plans: none for a few hundred (starting workers costs more), else one per core and 500 plans, at most 8. `ACCOUNT_PLANS_THREADS` overrides. */
export function workerCount(jobs: number): number {
  const forced = Number(process.env.ACCOUNT_PLANS_THREADS);
  if (process.env.ACCOUNT_PLANS_THREADS && Number.isInteger(forced) && forced >= 0) return forced;
  return jobs < 200 ? 0 : Math.max(0, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8, Math.ceil(jobs / 500)));
}

/** Checks `jobs` on worker threads; the results come back in the order of `jobs`. */
export function checkInParallel(jobs: readonly Job[], options: Options, threads: number, findingsOnly = false): Outcome[] {
  // This thread is one of the `threads`: it checks too rather than wait.
  const pool = new WorkerPool(threads - 1);
  try {
    return pool.run('check', jobs, { ...options, findingsOnly }, true);
  } finally {
    pool.close();
  }
}

/** Threads started ahead of their work (they load while the caller reads its input), then given one task after another. */
export class WorkerPool {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly workers: { w: Worker; port: MessagePort }[];

  constructor(threads: number) {
    this.workers = Array.from({ length: threads }, () => {
      const { port1, port2 } = new MessageChannel();
      const w = new Worker(entry(), { workerData: { role: ROLE, signal: this.signal, reply: port2 }, transferList: [port2] });
      return { w, port: port1 };
    });
  }

  /**
   * Runs `task` on every job; the results come back in the order of `jobs`. With `here`, this
   * thread takes small batches too instead of sleeping (one fewer engine to load and warm up; each
   * worker keeps a second batch queued so it never waits for this thread to finish one).
   */
  run<T extends Task>(task: T, jobs: readonly Tasks[T]['job'][], options: Tasks[T]['options'], here = false): Tasks[T]['result'][] {
    type Reply = { results?: { index: number; result: Tasks[T]['result'] }[]; error?: string };
    const results: Tasks[T]['result'][] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    const queued = new Map<(typeof this.workers)[number], number>(this.workers.map((slot) => [slot, 0]));
    const give = (slot: (typeof this.workers)[number]) => {
      while (next < jobs.length && queued.get(slot)! < (here ? 2 : 1)) {
        const from = next;
        next = Math.min(jobs.length, next + BATCH);
        slot.w.postMessage({ task, options, from, jobs: jobs.slice(from, next) });
        queued.set(slot, queued.get(slot)! + 1);
      }
    };
    const take = (msg: Reply) => {
      if (msg.error) throw new Error(msg.error);
      for (const r of msg.results ?? []) results[r.index] = r.result;
      done += msg.results?.length ?? 0;
    };
    const drain = () => {
      for (const slot of this.workers) {
        for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
          queued.set(slot, queued.get(slot)! - 1);
          take(m.message as Reply);
        }
        give(slot);
      }
    };
    let seen = Atomics.load(this.signal, 0);
    this.workers.forEach(give);
    while (done < jobs.length) {
      if (here && next < jobs.length) {
        const from = next;
        next = Math.min(jobs.length, next + HERE_BATCH);
        take(runBatch(task, options, from, jobs.slice(from, next)) as Reply);
      } else {
        Atomics.wait(this.signal, 0, seen, 60_000);
        seen = Atomics.load(this.signal, 0);
      }
      drain();
    }
    return results;
  }

  close(): void {
    for (const { w, port } of this.workers) {
      port.close();
      void w.terminate();
    }
  }
}

/** One batch of jobs, here or on a worker: the results, or what failed and on which file. */
function runBatch(task: Task, options: unknown, from: number, jobs: readonly unknown[]): { results: { index: number; result: unknown }[] } | { error: string } {
  /** The job being run, so a failure names its file (a check's failures are already findings). */
  let current: { name?: string; path?: string } | undefined;
  try {
    const run = TASKS[task] as (job: unknown, options: unknown) => unknown;
    return { results: jobs.map((job, i) => { current = job as typeof current; return { index: from + i, result: run(job, options) }; }) };
  } catch (e) {
    const file = current?.name ?? current?.path;
    return { error: `internal error while ${task === 'diff' ? 'comparing' : 'checking'}${file ? ` ${file}` : ''}: ${(e as Error).message}` };
  }
}

/**
 * The script a check worker starts from: the compiled worker module next to this one (tests, out/);
 * in dist/, the launcher next to the engine, so the worker loads the engine from V8's code cache
 * too (code-cache.ts); else this file itself.
 */
export function workerEntry(dir: string, file: string, exists: (path: string) => boolean = fs.existsSync): string {
  const own = path.join(dir, 'worker.js');
  if (exists(own)) return own;
  const launcher = path.join(dir, 'cli.js');
  return path.basename(file) === 'cli-main.js' && exists(launcher) ? launcher : file;
}

const entry = (): string => workerEntry(__dirname, __filename);

function serve(port: NonNullable<typeof parentPort>): void {
  const { signal, reply } = workerData as { signal: Int32Array; reply: MessagePort };
  port.on('message', ({ task, options, from, jobs }: { task: Task; options: never; from: number; jobs: never[] }) => {
    reply.postMessage(runBatch(task, options, from, jobs));
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}

export const isCheckWorker = (): boolean => !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
if (isCheckWorker() && parentPort) serve(parentPort);
