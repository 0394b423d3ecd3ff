import * as fs from 'node:fs';
import * as path from 'node:path';
import { todayLocal } from '../../core/index';
import { analysePaths } from '../analyse-paths';
import { parseArgs, parseCommandLine, pickFormat, pickLocale, pickToday, UsageError } from '../args';
import { loadSettings } from '../config';
import { COLUMNS, TABLES, tableRows, type TableName } from '../export/export-tables';
import { EXPORT_FORMATS, writeTable } from '../export/write-table';
import type { Host } from '../host';
import { EXPORT_HELP } from '../help-texts';
import { describeFsError } from '../walk';
import { SHARED_OPTIONS } from './options';

/** `account-plans export [PATH...] --what TABLE --format csv|jsonl`: one flat table for BI tools. */
export function runExport(argv: readonly string[], host: Host): number {
  const { values, positionals } = parseCommandLine('export', () => parseArgs({
    args: [...argv],
    options: {
      ...SHARED_OPTIONS, what: { type: 'string', short: 'w' }, format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' }, lang: { type: 'string' },
    },
    allowPositionals: true,
  }));
  if (values.help) {
    host.out(EXPORT_HELP);
    return 0;
  }
  const table = pickTable(values.what);
  const format = pickFormat('export', values.format, EXPORT_FORMATS);
  if (values.output === '') throw new UsageError("--output takes a file name (see 'account-plans export --help')");
  const today = pickToday(values.today, todayLocal);
  const locale = pickLocale(values.lang);
  const settings = loadSettings(host.cwd, values.config, values.currency);
  const { files, errors } = analysePaths(positionals, host, { today, settings, locale });
  const status = errors ? 2 : 0; // a plan named on the command line could not be read
  if (table !== 'findings') warnUnparsed(files.filter((f) => !f.analysis.plan).length, host);
  const rows = files.flatMap((f) => tableRows(table, f, today));
  const text = writeTable(format, COLUMNS[table], rows);
  if (values.output === undefined) {
    host.out(text);
    return status;
  }
  try {
    fs.writeFileSync(path.resolve(host.cwd, values.output), text);
  } catch (e) {
    throw new UsageError(`cannot write ${values.output}: ${describeFsError(e)}`);
  }
  return status;
}

function pickTable(value: string | undefined): TableName {
  if (value === undefined) throw new UsageError(`export needs --what: ${TABLES.join(', ')} (see 'account-plans export --help')`);
  if ((TABLES as readonly string[]).includes(value)) return value as TableName;
  throw new UsageError(`unknown table '${value}' for --what; use one of ${TABLES.join(', ')}`);
}

function warnUnparsed(count: number, host: Host): void {
  if (count === 0) return;
  host.err(`account-plans: warning: ${count} plan file${count === 1 ? ' has' : 's have'} no readable frontmatter, so ${count === 1 ? 'it is' : 'they are'} left out `
    + `(run 'account-plans check')\n`);
}
