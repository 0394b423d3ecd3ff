import * as fs from 'node:fs';
import { checkPlan, internalErrorAnalysis, type CheckOptions, type Locale, type PlanAnalysis, type Settings } from '../core/index';
import type { CheckCache, FileStamp } from './cache';
import type { Host } from './host';
import { collectPlanFiles, describeFsError } from './walk';
import { checkInParallel, workerCount, type Outcome } from './worker';

export interface AnalysedFile {
  /** The path shown in every format: as given, or relative to the working directory. */
  readonly file: string;
  readonly absolute: string;
  readonly analysis: PlanAnalysis;
}

export interface Analysed {
  readonly files: readonly AnalysedFile[];
  /** Plan files found but not read; each was reported on stderr. */
  readonly unreadable: number;
  /**
   * Of those, the paths named on the command line (a FIFO, a file that cannot be read): an error,
   * since the run could not check what it was asked to (exit 2); the other plans are still checked.
   */
  readonly errors: number;
}

export interface AnalyseOptions {
  readonly today: string;
  readonly settings: Settings;
  readonly locale: Locale;
  /** Reuse findings of unchanged plans (check only: cached analyses carry findings, not facts). */
  readonly cache?: CheckCache;
  /** Only the findings are needed (check), not the plan and its facts (forecast). */
  readonly findingsOnly?: boolean;
}

/** Finds the plans under `paths`, reads and checks each; what cannot be read is one stderr line. */
export function analysePaths(paths: readonly string[], host: Host, options: AnalyseOptions): Analysed {
  const walk = collectPlanFiles(paths.length ? paths : ['.'], host.cwd);
  for (const problem of walk.problems) host.err(`account-plans: warning: ${problem}\n`);
  for (const error of walk.errors) host.err(`account-plans: error: ${error}\n`);
  const { cache, findingsOnly, ...rest } = options;
  // Each plan is seen once: no parse is kept for a next time (see CheckOptions.cacheParse).
  const engine = { ...rest, cacheParse: false };
  const threads = cache ? 0 : workerCount(walk.files.length);
  // Without a cache nothing needs the texts here: each worker reads its own files.
  const checked = threads > 1
    ? checkInParallel(walk.files.map((f) => ({ name: f.display, path: f.absolute })), engine, threads, findingsOnly)
    : checkHere(walk.files, engine, cache, findingsOnly);
  const files: AnalysedFile[] = [];
  let unreadable = walk.problems.length + walk.errors.length;
  let errors = walk.errors.length;
  walk.files.forEach((f, i) => {
    const outcome = checked[i];
    if ('unreadable' in outcome) {
      host.err(`account-plans: ${f.named ? 'error' : 'warning'}: cannot read ${f.display}: ${outcome.unreadable}\n`);
      unreadable++;
      if (f.named) errors++;
    } else files.push({ file: f.display, absolute: f.absolute, analysis: outcome });
  });
  if (files.length === 0 && unreadable === 0) {
    host.err(`account-plans: warning: no *.account.md files found in ${paths.length ? paths.join(', ') : '.'}\n`);
  }
  return { files, unreadable, errors };
}

/** Reads the files here; the cache answers for unchanged ones, the rest are checked (on workers when many). */
function checkHere(
  found: readonly { display: string; absolute: string }[], engine: Omit<CheckOptions, 'fileName'>, cache: CheckCache | undefined, findingsOnly?: boolean,
): Outcome[] {
  const out: Outcome[] = new Array(found.length);
  const todo: { i: number; text: string; stamp?: FileStamp }[] = [];
  found.forEach((f, i) => {
    try {
      const stamp = cache ? fs.statSync(f.absolute) : undefined;
      const unchanged = stamp && cache?.stamped(f.absolute, stamp);
      if (unchanged) { out[i] = unchanged; return; }
      const text = fs.readFileSync(f.absolute, 'utf8');
      const hit = cache?.get(f.absolute, text, stamp);
      if (hit) out[i] = hit;
      else todo.push({ i, text, stamp });
    } catch (e) {
      out[i] = { unreadable: describeFsError(e) };
    }
  });
  const threads = workerCount(todo.length);
  if (threads > 1) {
    const results = checkInParallel(todo.map((t) => ({ name: found[t.i].display, text: t.text })), engine, threads, findingsOnly);
    todo.forEach((t, k) => { out[t.i] = results[k]; });
  } else {
    for (const t of todo) {
      const display = found[t.i].display;
      let a: PlanAnalysis;
      try {
        a = checkPlan(t.text, { fileName: display, ...engine });
      } catch (e) {
        // checkPlan turns its own failures into a finding; this is the last guard, so one plan never stops the run.
        a = internalErrorAnalysis(display, e, engine.locale);
      }
      out[t.i] = findingsOnly ? { fileName: a.fileName, findings: a.findings } : a;
    }
  }
  if (cache) {
    for (const t of todo) cache.put(found[t.i].absolute, t.text, out[t.i] as PlanAnalysis, t.stamp);
    cache.save();
  }
  return out;
}
