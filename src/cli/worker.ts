import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkPlan, type CheckOptions, type PlanAnalysis } from '../core/index';
import { describeFsError } from './walk';

/**
 * Checks plans on every core. `run` stays synchronous: the main thread sleeps on a shared
 * counter (Atomics.wait) that workers bump after each batch, and drains their ports with
 * receiveMessageOnPort. Plans are spread in small batches, so a slow file does not hold up a core.
 */
const ROLE = 'account-plans-check-worker';
const BATCH = 64;

/** A plan to check: its text, or (`path`) a file the worker reads itself, so reading overlaps checking. */
export type Job = { readonly name: string; readonly text: string } | { readonly name: string; readonly path: string };
/** A job's outcome: the analysis, or why its file could not be read. */
export type Outcome = PlanAnalysis | { readonly unreadable: string };
type Options = Omit<CheckOptions, 'fileName'>;
type Result = { readonly index: number; readonly analysis: Outcome };

/** Threads for `jobs` plans: none for a few hundred (starting workers costs more), else one per core and 500 plans, at most 8. `ACCOUNT_PLANS_THREADS` overrides. */
export function workerCount(jobs: number): number {
  const forced = Number(process.env.ACCOUNT_PLANS_THREADS);
  if (process.env.ACCOUNT_PLANS_THREADS && Number.isInteger(forced) && forced >= 0) return forced;
  return jobs < 200 ? 0 : Math.max(0, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8, Math.ceil(jobs / 500)));
}

/** Checks `jobs` on worker threads; the results come back in the order of `jobs`. */
export function checkInParallel(jobs: readonly Job[], options: Options, threads: number, findingsOnly = false): Outcome[] {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const results: Outcome[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: threads }, () => {
    const { port1, port2 } = new MessageChannel();
    const w = new Worker(entry(), { workerData: { role: ROLE, signal, options, findingsOnly, reply: port2 }, transferList: [port2] });
    return { w, port: port1, busy: false };
  });
  const give = (slot: (typeof workers)[number]) => {
    if (next >= jobs.length) return;
    const from = next;
    next = Math.min(jobs.length, next + BATCH);
    slot.busy = true;
    slot.w.postMessage({ from, jobs: jobs.slice(from, next) });
  };
  try {
    workers.forEach(give);
    let seen = 0;
    while (done < jobs.length) {
      Atomics.wait(signal, 0, seen, 60_000);
      seen = Atomics.load(signal, 0);
      for (const slot of workers) {
        for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
          const msg = m.message as { results?: Result[]; error?: string };
          if (msg.error) throw new Error(msg.error);
          for (const r of msg.results ?? []) results[r.index] = r.analysis;
          done += msg.results?.length ?? 0;
          slot.busy = false;
          give(slot);
        }
      }
    }
  } finally {
    for (const { w, port } of workers) {
      port.close();
      void w.terminate();
    }
  }
  return results;
}

/** This bundle (dist/cli.js) when bundled, else the compiled worker module next to this one. */
function entry(): string {
  const own = path.join(__dirname, 'worker.js');
  return fs.existsSync(own) ? own : __filename;
}

function serve(port: NonNullable<typeof parentPort>): void {
  const { signal, options, reply, findingsOnly } = workerData as { signal: Int32Array; options: Options; reply: MessagePort; findingsOnly: boolean };
  port.on('message', ({ from, jobs }: { from: number; jobs: Job[] }) => {
    try {
      const results = jobs.map((j, i): Result => {
        let text: string;
        try {
          text = 'text' in j ? j.text : fs.readFileSync(j.path, 'utf8');
        } catch (e) {
          return { index: from + i, analysis: { unreadable: describeFsError(e) } };
        }
        const a = checkPlan(text, { ...options, fileName: j.name });
        // `check` needs only the findings: sending the plan and facts back would cost more than checking.
        return { index: from + i, analysis: findingsOnly ? { fileName: a.fileName, findings: a.findings } : a };
      });
      reply.postMessage({ results });
    } catch (e) {
      reply.postMessage({ error: `internal error while checking: ${(e as Error).message}` });
    }
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}

export const isCheckWorker = (): boolean => !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
if (isCheckWorker() && parentPort) serve(parentPort);
