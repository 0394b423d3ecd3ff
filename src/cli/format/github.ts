import type { Severity } from '../../core/index';
import { allFindings, type CheckReport } from './findings';

/** GitHub Actions workflow commands: one annotation per finding, shown on the PR's diff. */
export function formatGithub(report: CheckReport): string {
  return allFindings(report).map((f) => {
    const props = [
      ['file', f.file], ['line', f.line], ['col', f.column],
      ['endLine', f.endLine], ['endColumn', f.endColumn], ['title', f.code],
    ].map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
    return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}\n`;
  }).join('');
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** As @actions/core's `escapeData`. */
export const escapeData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** As @actions/core's `escapeProperty`. */
export const escapeProperty = (s: string): string =>
  escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
