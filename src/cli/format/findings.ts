import type { Finding, Severity } from '../../core/index';
import type { AnalysedFile } from '../analyse-paths';

/** A finding as the command line shows it: 1-based lines and columns, the end column exclusive. */
export interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export interface CheckReport {
  /** Every file checked, in output order, with its findings sorted by position. */
  readonly files: readonly { readonly file: string; readonly findings: readonly CliFinding[] }[];
  readonly unreadable: number;
}

export function toCliFinding(file: string, f: Finding): CliFinding {
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  };
}

const byPosition = (a: CliFinding, b: CliFinding): number =>
  a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn
  || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function toCheckReport(files: readonly AnalysedFile[], unreadable: number): CheckReport {
  return {
    files: files.map(({ file, analysis }) => ({
      file,
      findings: analysis.findings.map((f) => toCliFinding(file, f)).sort(byPosition),
    })),
    unreadable,
  };
}

export const allFindings = (report: CheckReport): CliFinding[] => report.files.flatMap((f) => f.findings);

/** Severities from the least to the most severe. */
const RANK: Readonly<Record<Severity, number>> = { hint: 0, information: 1, warning: 2, error: 3 };

/** The report with only the findings at `min` or above (files stay, so the count of files checked holds). */
export function atLeast(report: CheckReport, min: Severity): CheckReport {
  if (min === 'hint') return report;
  return { ...report, files: report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => RANK[x.severity] >= RANK[min]) })) };
}
