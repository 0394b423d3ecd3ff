import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergePlans, todayLocal, translator, plural, type MergeConflict, type Translate } from '../../core/index';
import { parseArgs, parseCommandLine, pickLocale, UsageError } from '../args';
import { gitRunner } from '../git/git-process';
import type { Host } from '../host';
import { MERGE_HELP } from '../help-texts';
import { describeFsError } from '../walk';

/**
 * `account-plans merge BASE OURS THEIRS [PATHNAME]`: git's merge driver (`%O %A %B %P`, with
 * `--marker-size=%L --base-label=%S --ours-label=%X --theirs-label=%Y`). The result goes to OURS;
 * exit 0 when clean, 1 when conflict markers remain.
 */
export function runMerge(argv: readonly string[], host: Host): number {
  const { values, positionals } = parseCommandLine('merge', () => parseArgs({
    args: [...argv],
    options: {
      'marker-size': { type: 'string' }, 'base-label': { type: 'string' }, 'ours-label': { type: 'string' }, 'theirs-label': { type: 'string' },
      lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
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
  const markerSize = markerSizeOf(values['marker-size']);
  const labels = versionNames(values['ours-label'], values['theirs-label'], host);
  const merged = mergePlans(read(base, positionals[0]), read(ours, positionals[1]), read(theirs, positionals[2]), { labels, markerSize, today: todayLocal() });
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

/** git's `%L`; absent (an older driver line) or not expanded: git's default, 7. */
function markerSizeOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '%L') return undefined;
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new UsageError(`--marker-size takes a number of characters, got '${value}'`);
  return Number(value);
}

/** A placeholder git left as it was: a git older than 2.44 does not know `%S`, `%X`, `%Y`. */
const unexpanded = (label: string | undefined): boolean => label !== undefined && /^%[SXY]$/.test(label);

/**
 * The versions' names for the markers: what git passes (`%X`, `%Y`); where git left the
 * placeholder as it was, what git's own markers would say, the branch being merged (the
 * `GITHEAD_<commit>` variable `git merge` sets); and for ours, instead of `HEAD`, the branch
 * HEAD is on (asked of git only when a conflict needs it). Without the options (a driver line
 * from before they existed, or a run by hand): `ours` and `theirs`.
 */
function versionNames(oursLabel: string | undefined, theirsLabel: string | undefined, host: Host): { ours?: string; theirs?: string } {
  const heads = Object.entries(host.env).filter(([k, v]) => /^GITHEAD_[0-9a-f]{40,64}$/.test(k) && v);
  const theirs = unexpanded(theirsLabel) ? (heads.length === 1 ? shortName(heads[0][1]!) : undefined) : theirsLabel || undefined;
  const ours = unexpanded(oursLabel) ? undefined : oursLabel || undefined;
  if (!unexpanded(oursLabel) && ours !== 'HEAD') return { ours, theirs };
  let branch: string | undefined | null = null;
  return {
    theirs,
    get ours() {
      if (branch === null) branch = headBranch(host);
      return branch ?? ours;
    },
  };
}

/** The branch HEAD is on; undefined when detached (a rebase) or when git cannot say. */
function headBranch(host: Host): string | undefined {
  try {
    const r = gitRunner(host.cwd, host.env).run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
    return r.status === 0 ? r.stdout.toString('utf8').trim() || undefined : undefined;
  } catch {
    return undefined;
  }
}

/** A commit id as git shows it in a marker (`git pull` names the fetched commit): 7 characters. */
const shortName = (name: string): string => (/^[0-9a-f]{40,64}$/.test(name) ? name.slice(0, 7) : name);

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
