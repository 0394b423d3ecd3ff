import { renderChangeMarkdown } from '../../core/index';
import { parseArgs, parseCommandLine, UsageError } from '../args';
import { GitError, type Comparison, type PlanSource } from '../git';
import { REPORT_HELP } from '../help-texts';
import type { Host } from '../host';
import { CHANGE_OPTIONS, loadChanges, splitPaths, tooMany } from './plan-changes';

/** Where the report goes, and the most it may hold there. */
export const REPORT_LIMITS = {
  /** A pull-request comment: GitHub takes at most 65,536 characters. */
  comment: { limit: 65_536, measure: 'chars' },
  /** A job summary ($GITHUB_STEP_SUMMARY): at most 1 MiB. */
  summary: { limit: 1_048_576, measure: 'bytes' },
} as const;
type Target = keyof typeof REPORT_LIMITS;

/**
 * The first line of a comment report: the Action and the GitLab job find their earlier comment by
 * it and edit that one. Counted inside the limit, so the posted comment never goes over it.
 */
export const COMMENT_MARKER = '<!-- account-plans-report -->';

/**
 * `account-plans report [--base REV] [--head REV] [--for comment|summary] [-- PATH...]`: one
 * Markdown document for a pull request, trimmed to fit where it goes.
 */
export function runReport(argv: readonly string[], host: Host): number {
  const { args, paths } = splitPaths(argv);
  const { values, positionals } = parseCommandLine('report', () => parseArgs({
    args,
    options: { ...CHANGE_OPTIONS, base: { type: 'string' }, head: { type: 'string' }, for: { type: 'string' } },
    allowPositionals: true,
  }));
  if (values.help) {
    host.out(REPORT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw tooMany('report', positionals);
  const target = pickTarget(values.for);
  const head = values.head ?? 'HEAD';
  const { changes, locale } = loadChanges(host, values, paths, (source) =>
    (values.base !== undefined ? source.compare(values.base, head) : defaultComparison(source, head)));
  const { limit, measure } = REPORT_LIMITS[target];
  const marker = target === 'comment' ? `${COMMENT_MARKER}\n` : '';
  host.out(marker + renderChangeMarkdown(changes, { locale, collapsible: true, measure, limit: limit - marker.length }));
  return 0;
}

function pickTarget(value: string | undefined): Target {
  if (value === undefined) return 'comment';
  if (Object.hasOwn(REPORT_LIMITS, value)) return value as Target;
  throw new UsageError(`unknown target '${value}' for --for; use comment or summary`);
}

/** The branches the default base is looked for on, in order. */
export const DEFAULT_BRANCHES = ['origin/HEAD', 'main', 'master'] as const;

/**
 * Without --base: the merge base of HEAD with the default branch (origin/HEAD, else main, else
 * master), as a pull request shows it; when that is HEAD itself (a push to the default branch) or
 * none is found, the commit before HEAD (HEAD~1).
 */
export function defaultComparison(source: PlanSource, head: string): Comparison {
  for (const branch of DEFAULT_BRANCHES) {
    let comparison: Comparison;
    try {
      comparison = source.compare(`${branch}...${head}`);
    } catch (e) {
      if (e instanceof GitError) continue;
      throw e;
    }
    if (comparison.before !== comparison.after) return comparison;
    break;
  }
  return source.compare(`${head}~1`, head);
}
