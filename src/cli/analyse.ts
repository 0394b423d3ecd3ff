import * as fs from 'node:fs';
import { checkPlan, type Locale, type PlanAnalysis, type Settings } from '../core/index';
import type { Host } from './host';
import { collectPlanFiles, describeFsError } from './walk';

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
}

/** Finds the plans under `paths`, reads and checks each; what cannot be read is one stderr line. */
export function analysePaths(paths: readonly string[], host: Host, options: AnalyseOptions): Analysed {
  const walk = collectPlanFiles(paths.length ? paths : ['.'], host.cwd);
  for (const problem of walk.problems) host.err(`account-plans: warning: ${problem}\n`);
  const files: AnalysedFile[] = [];
  let unreadable = walk.problems.length;
  for (const { display, absolute } of walk.files) {
    let text: string;
    try {
      text = fs.readFileSync(absolute, 'utf8');
    } catch (e) {
      host.err(`account-plans: warning: cannot read ${display}: ${describeFsError(e)}\n`);
      unreadable++;
      continue;
    }
    let analysis: PlanAnalysis;
    try {
      analysis = checkPlan(text, { fileName: display, ...options });
    } catch (e) {
      throw new Error(`internal error while checking ${display}: ${(e as Error).message}`, { cause: e });
    }
    files.push({ file: display, absolute, analysis });
  }
  if (files.length === 0 && unreadable === 0) {
    host.err(`account-plans: warning: no *.account.md files found in ${paths.length ? paths.join(', ') : '.'}\n`);
  }
  return { files, unreadable };
}
