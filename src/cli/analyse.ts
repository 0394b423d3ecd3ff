import * as fs from 'node:fs';
import { checkPlan, type Locale, type PlanAnalysis, type Settings } from '../core/index';
import type { CheckCache } from './cache';
import type { Host } from './host';
import { collectPlanFiles, describeFsError } from './walk';
import { checkInParallel, workerCount } from './worker';

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
  const read: { display: string; absolute: string; text: string; analysis?: PlanAnalysis }[] = [];
  let unreadable = walk.problems.length;
  for (const { display, absolute } of walk.files) {
    try {
      const text = fs.readFileSync(absolute, 'utf8');
      read.push({ display, absolute, text, analysis: options.cache?.get(absolute, text) });
    } catch (e) {
      host.err(`account-plans: warning: cannot read ${display}: ${describeFsError(e)}\n`);
      unreadable++;
    }
  }
  const todo = read.filter((r) => !r.analysis);
  const { cache, findingsOnly, ...engine } = options;
  const threads = workerCount(todo.length);
  if (threads > 1) {
    const results = checkInParallel(todo.map((r) => ({ name: r.display, text: r.text })), engine, threads, findingsOnly);
    todo.forEach((r, i) => { r.analysis = results[i]; });
  } else {
    for (const r of todo) {
      try {
        const a = checkPlan(r.text, { fileName: r.display, ...engine });
        r.analysis = findingsOnly ? { fileName: a.fileName, findings: a.findings } : a;
      } catch (e) {
        throw new Error(`internal error while checking ${r.display}: ${(e as Error).message}`, { cause: e });
      }
    }
  }
  if (cache) {
    for (const r of read) cache.put(r.absolute, r.text, r.analysis!);
    cache.save();
  }
  const files: AnalysedFile[] = read.map((r) => ({ file: r.display, absolute: r.absolute, analysis: r.analysis! }));
  if (files.length === 0 && unreadable === 0) {
    host.err(`account-plans: warning: no *.account.md files found in ${paths.length ? paths.join(', ') : '.'}\n`);
  }
  return { files, unreadable };
}
