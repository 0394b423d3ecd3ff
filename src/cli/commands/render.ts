import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { checkPlan, splitFrontmatter, stripBom, todayLocal } from '../../core/index';
import { planPage } from '../../markdown/page';
import { planCardPlugin } from '../../markdown/plan-card';
import { parseArgs, parseCommandLine, pickLocale, pickToday, UsageError } from '../args';
import { loadSettings } from '../config';
import type { Host } from '../host';
import { RENDER_HELP } from '../help-texts';
import { describeFsError } from '../walk';
import { SHARED_OPTIONS } from './options';

/** `account-plans render PLAN [-o FILE]`: the plan card and the body as one self-contained HTML page. */
export function runRender(argv: readonly string[], host: Host): number {
  const { values, positionals } = parseCommandLine('render', () => parseArgs({
    args: [...argv],
    options: { ...SHARED_OPTIONS, output: { type: 'string', short: 'o' }, lang: { type: 'string' } },
    allowPositionals: true,
  }));
  if (values.help) {
    host.out(RENDER_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`render takes one plan file, got ${positionals.length === 0 ? 'none' : positionals.length} (see 'account-plans render --help')`);
  }
  if (values.output === '') throw new UsageError("--output takes a file name (see 'account-plans render --help')");
  const today = pickToday(values.today, todayLocal);
  const locale = pickLocale(values.lang);
  const settings = loadSettings(host.cwd, values.config, values.currency);
  const file = positionals[0];
  let text: string;
  try {
    text = stripBom(fs.readFileSync(path.resolve(host.cwd, file), 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${describeFsError(e)}`);
  }
  if (splitFrontmatter(text).kind !== 'ok') {
    host.err(`account-plans: warning: ${file} has no frontmatter, so the page has no plan card (run 'account-plans check ${file}')\n`);
  }

  // Raw HTML in the body stays text: the page runs nothing, whatever the plan holds.
  const md = new MarkdownIt({ html: false, linkify: true })
    .use(planCardPlugin, { today: () => today, settings: () => settings, locale: () => locale });
  const body = md.render(text, { fileName: file, accountPlan: true });
  const plan = checkPlan(text, { fileName: file, today, settings, locale }).plan;
  const page = planPage({
    title: plan?.account ?? path.basename(file),
    body,
    css: stylesheet(),
    locale,
    footer: `account-plans ${host.version} · ${today}`,
  }, md.utils.escapeHtml);

  if (values.output === undefined) {
    host.out(page);
    return 0;
  }
  try {
    fs.writeFileSync(path.resolve(host.cwd, values.output), page);
  } catch (e) {
    throw new UsageError(`cannot write ${values.output}: ${describeFsError(e)}`);
  }
  return 0;
}

/**
 * media/plan-card.css, inlined into dist/cli.js by esbuild's text loader. Required on first use,
 * so `run` stays importable from tsc's out/ folder (where no loader turns CSS into a string).
 */
function stylesheet(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../../media/plan-card.css') as string;
}
