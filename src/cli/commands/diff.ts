import { packedChangeSetJson, renderChangeMarkdown, showBidiControls, type ChangeSet } from '../../core/index';
import { parseArgs, parseCommandLine, pickFormat } from '../args';
import { styles } from '../format/ansi';
import { formatChangesText } from '../format/changes-text';
import { DIFF_HELP } from '../help-texts';
import { type Host, useColor } from '../host';
import { CHANGE_OPTIONS, loadChanges, loadPackedChanges, splitPaths, tooMany } from './plan-changes';
import { jsonText } from '../format/json';
import type { Comparison, PlanSource } from '../git';

const FORMATS = ['text', 'json', 'markdown'] as const;

/**
 * `account-plans diff [BASE [HEAD]] [-- PATH...]`: what changed in the plans between two
 * revisions (default: HEAD against the working tree), in business terms.
 * Exit status: 0; with --exit-code, 1 when something changed; 2 on bad usage.
 */
export function runDiff(argv: readonly string[], host: Host): number {
  const { args, paths } = splitPaths(argv);
  const { values, positionals } = parseCommandLine('diff', () => parseArgs({
    args,
    options: { ...CHANGE_OPTIONS, format: { type: 'string', short: 'f' }, 'exit-code': { type: 'boolean' } },
    allowPositionals: true,
  }));
  if (values.help) {
    host.out(DIFF_HELP);
    return 0;
  }
  if (positionals.length > 2) throw tooMany('diff', positionals.slice(2));
  const format = pickFormat('diff', values.format, FORMATS);
  const [base, head] = positionals;
  const sides = (source: PlanSource) => source.compare(base, head);
  if (format === 'json' && !host.stdoutIsTTY) {
    // One line for a program: each account is kept as its JSON text from the moment it is diffed.
    const { changes, comparison } = loadPackedChanges(host, values, paths, sides);
    host.out(`${packedChangeSetJson(changes, { revisions: revisionsOf(comparison) })}\n`);
    return values['exit-code'] && changes.changed ? 1 : 0;
  }
  const { changes, comparison, locale } = loadChanges(host, values, paths, sides);
  if (format === 'json') host.out(jsonText(diffJson(changes, comparison), host));
  else if (format === 'markdown') host.out(renderChangeMarkdown(changes, { locale }));
  else host.out(showBidiControls(formatChangesText(changes, locale, styles(useColor(host)))));
  return values['exit-code'] && changes.changed ? 1 : 0;
}

/** The JSON output: the change set (docs/diff.md, "JSON output") and the revisions compared. */
export const diffJson = (changes: ChangeSet, comparison: Comparison): object => ({ ...changes, revisions: revisionsOf(comparison) });

const revisionsOf = (comparison: Comparison) => ({ before: comparison.before, after: comparison.after });
