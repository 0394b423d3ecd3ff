import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergePlans, translator, plural, type MergeConflict, type Translate } from '../../core/index';
import { parseArgs, parseCommandLine, pickLocale, UsageError } from '../args';
import type { Host } from '../host';
import { MERGE_HELP } from '../help-texts';
import { describeFsError } from '../walk';

/**
 * `account-plans merge BASE OURS THEIRS [PATHNAME]`: git's merge driver (`%O %A %B %P`). The
 * result goes to OURS; exit 0 when clean, 1 when conflict markers remain.
 */
export function runMerge(argv: readonly string[], host: Host): number {
  const { values, positionals } = parseCommandLine('merge', () => parseArgs({
    args: [...argv], options: { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true,
  }));
  if (values.help) {
    host.out(MERGE_HELP);
    return 0;
  }
  if (positionals.length < 3 || positionals.length > 4) {
    throw new UsageError("merge takes BASE OURS THEIRS and an optional PATHNAME (see 'account-plans merge --help')");
  }
  const t = translator(pickLocale(values.lang));
  const [base, ours, theirs] = positionals.slice(0, 3).map((f) => path.resolve(host.cwd, f));
  const shown = positionals[3] ?? positionals[1];
  const merged = mergePlans(read(base, positionals[0]), read(ours, positionals[1]), read(theirs, positionals[2]));
  try {
    fs.writeFileSync(ours, merged.text);
  } catch (e) {
    throw new UsageError(`cannot write ${positionals[1]}: ${describeFsError(e)}`);
  }
  if (merged.how === 'lines') host.err(`account-plans: ${t('cli.merge.byLines', { path: shown })}\n`);
  for (const c of merged.conflicts) host.err(`account-plans: ${describeConflict(c, shown, t)}\n`);
  if (!merged.conflicts.length) return 0;
  host.err(`account-plans: ${t(plural('cli.merge.summary', merged.conflicts.length), { path: shown, count: merged.conflicts.length })}\n`);
  return 1;
}

function read(file: string, shown: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${shown}: ${describeFsError(e)}`);
  }
}

/** One line: where, and each side's value (its first line, quoted). */
function describeConflict(c: MergeConflict, shown: string, t: Translate): string {
  const value = (v: string | undefined) => (v === undefined ? t('cli.merge.deleted') : JSON.stringify(firstLine(v)));
  return t('cli.merge.conflict', { path: shown, where: c.where, ours: value(c.ours), theirs: value(c.theirs) });
}

const firstLine = (s: string): string => {
  const line = s.split('\n')[0].trim();
  return line.length > 80 || s.includes('\n') ? `${line.slice(0, 80)}…` : line;
};
