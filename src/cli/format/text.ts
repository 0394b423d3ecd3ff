import type { Severity } from '../../core/index';
import type { Styles } from './ansi';
import { allFindings, type CheckReport, type CliFinding } from './findings';

/**
 * Grouped by file, like eslint's "stylish":
 *
 *     plans/acme.account.md
 *       3:10  error    AP002  …
 *
 *     Repeated in several files:
 *       AP022  information  × 26 files: …
 *
 *     1 problem (1 error) in 1 of 2 files
 */
export function formatText(report: CheckReport, s: Styles): string {
  const blocks = report.files.filter((f) => f.findings.length > 0).map((f) => fileBlock(f.file, f.findings, s));
  const repeats = repeatedBlock(report, s);
  return [...blocks, ...(repeats ? [repeats] : []), summary(report)].join('\n\n') + '\n';
}

/** A finding that says the same thing in this many files or more is said once more in the summary. */
const REPEATED_IN = 2;

interface Repeat { readonly code: string; readonly severity: Severity; readonly message: string; readonly files: Set<string> }

/** Findings with the same rule, severity and message in several files: one line each, most files first. */
function repeatedBlock(report: CheckReport, s: Styles): string | undefined {
  const groups = new Map<string, Repeat>();
  for (const f of allFindings(report)) {
    const key = `${f.code}\0${f.severity}\0${f.message}`;
    const group = groups.get(key) ?? { code: f.code, severity: f.severity, message: f.message, files: new Set<string>() };
    group.files.add(f.file);
    groups.set(key, group);
  }
  const repeats = [...groups.values()].filter((g) => g.files.size >= REPEATED_IN)
    .sort((a, b) => b.files.size - a.files.size || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (repeats.length === 0) return undefined;
  const sevWidth = Math.max(...repeats.map((g) => g.severity.length));
  const lines = repeats.map((g) =>
    `  ${s.dim(g.code)}  ${paint(g.severity, s)(g.severity.padEnd(sevWidth))}  × ${plural(g.files.size, 'file')}: ${g.message}`);
  return ['Repeated in several files:', ...lines].join('\n');
}

function fileBlock(file: string, findings: readonly CliFinding[], s: Styles): string {
  const where = findings.map((f) => `${f.line}:${f.column}`);
  const whereWidth = Math.max(...where.map((w) => w.length));
  const sevWidth = Math.max(...findings.map((f) => f.severity.length));
  const lines = findings.map((f, i) =>
    `  ${s.dim(where[i].padEnd(whereWidth))}  ${paint(f.severity, s)(f.severity.padEnd(sevWidth))}  ${s.dim(f.code)}  ${f.message}`);
  return [s.underline(file), ...lines].join('\n');
}

function paint(severity: Severity, s: Styles): (t: string) => string {
  return severity === 'error' ? s.red : severity === 'warning' ? s.yellow : severity === 'information' ? s.blue : s.dim;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(report: CheckReport): string {
  const findings = allFindings(report);
  const checked = report.files.length;
  const unreadable = report.unreadable ? ` (${plural(report.unreadable, 'file')} could not be read)` : '';
  if (checked === 0) return `No plan files checked${unreadable}`;
  if (findings.length === 0) return `No problems in ${plural(checked, 'file')}${unreadable}`;
  const count = (sev: Severity) => findings.filter((f) => f.severity === sev).length;
  const parts = [
    plural(count('error'), 'error'),
    plural(count('warning'), 'warning'),
    ...(count('information') ? [`${count('information')} information`] : []),
    ...(count('hint') ? [plural(count('hint'), 'hint')] : []),
  ];
  const withProblems = report.files.filter((f) => f.findings.length > 0).length;
  return `${plural(findings.length, 'problem')} (${parts.join(', ')}) in ${withProblems} of ${plural(checked, 'file')}${unreadable}`;
}
