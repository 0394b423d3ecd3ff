
import { showBidiControls, type Severity, todayLocal } from '../../core/index';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysePaths } from '../analyse-paths';
import { CheckCache } from '../cache';
import { UsageError, parseArgs, parseCommandLine, pickFormat, pickLocale, pickToday } from '../args';
import { loadSettings } from '../config';
import { type Host, useColor } from '../host';
import { styles } from '../format/ansi';
import { type CheckReport, allFindings, atLeast, toCheckReport } from '../format/findings';
import { formatGithub } from '../format/github';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { CHECK_HELP } from '../help-texts';
import { SHARED_OPTIONS } from './options';

const FORMATS = ['text', 'json', 'github', 'sarif'] as const;

export function runCheck(argv: readonly string[], host: Host): number {
  const { values, positionals } = parseCommandLine('check', () => parseArgs({
    args: [...argv],
    options: {
      ...SHARED_OPTIONS, format: { type: 'string', short: 'f' }, lang: { type: 'string' },
      cache: { type: 'boolean' }, 'cache-location': { type: 'string' }, 'min-severity': { type: 'string' },
    },
    allowPositionals: true,
  }));
  if (values.help) {
    host.out(CHECK_HELP);
    return 0;
  }
  const format = pickFormat('check', values.format, FORMATS);
  const today = pickToday(values.today, todayLocal);
  const locale = pickLocale(values.lang);
  const minSeverity = pickSeverity(values['min-severity']);
  const settings = loadSettings(host.cwd, values.config, values.currency);
  const useCache = values.cache === true || values['cache-location'] !== undefined;
  const cache = useCache
    ? new CheckCache(cacheFile(host.cwd, values['cache-location']), CheckCache.keyOf([host.version, settings, today, locale]), host)
    : undefined;
  const analysed = analysePaths(positionals, host, { today, settings, locale, cache, findingsOnly: true });
  const report = atLeast(toCheckReport(analysed.files, analysed.unreadable), minSeverity);
  host.out(render(format, report, host));
  // A plan named on the command line that could not be read: the run did not do what it was asked.
  if (analysed.errors) return 2;
  return allFindings(report).some((f) => f.severity === 'error') ? 1 : 0;
}

const SEVERITIES: Readonly<Record<string, Severity>> = { error: 'error', warning: 'warning', info: 'information', information: 'information', hint: 'hint' };

/** `--min-severity LEVEL` (default hint: every finding); `info` and `information` are the same level. */
function pickSeverity(value: string | undefined): Severity {
  if (value === undefined) return 'hint';
  const severity = Object.hasOwn(SEVERITIES, value) ? SEVERITIES[value] : undefined;
  if (!severity) throw new UsageError(`unknown severity '${value}' for --min-severity; use one of error, warning, info, hint`);
  return severity;
}

/** `--cache-location FILE`, or the default; a folder given as the location is bad usage. */
function cacheFile(cwd: string, location: string | undefined): string {
  if (location === undefined) return CheckCache.defaultFile(cwd);
  const file = path.resolve(cwd, location);
  if (isDirectory(file)) throw new UsageError(`--cache-location ${location} is a folder; give a file in it, e.g. ${path.join(location, 'check.json')}`);
  return file;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false; // nothing there yet (or unreachable): the cache is created, or its write failure is reported
  }
}

function render(format: (typeof FORMATS)[number], report: CheckReport, host: Host): string {
  switch (format) {
    case 'text': return showBidiControls(formatText(report, styles(useColor(host))));
    case 'json': return formatJson(report, host);
    case 'github': return formatGithub(report);
    case 'sarif': return formatSarif(report, { version: host.version, cwd: host.cwd, homepage: host.homepage });
  }
}
