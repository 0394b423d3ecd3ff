import type MarkdownIt from 'markdown-it';
import {
  DEFAULT_SETTINGS, checkPlan, isPlanFile, splitFrontmatter, stripBom, todayLocal,
  type Locale, type Settings,
} from '../core/index';
import { renderPlanCard } from './card';

/**
 * A markdown-it plugin that draws a plan's frontmatter as a card (account, stakeholders,
 * pipeline, visits, findings) in place of the raw YAML, with the same engine as the editor and
 * the command line. The rest of the document renders as usual.
 *
 * A document is a plan when it starts with frontmatter and the frontmatter has a top-level
 * `account:` key, or the env says so: `env.accountPlan === true`, or a `*.account.md` file name
 * (`env.fileName`, or VS Code's `env.currentDocument`). VS Code's preview tokenizes with an
 * empty env, so there the `account:` key decides; other frontmatter is left to VS Code, which
 * hides it.
 */
export interface PlanCardOptions {
  /** The day the rules are judged at (default: the local date when rendered). */
  readonly today?: () => string;
  readonly settings?: () => Settings;
  readonly locale?: () => Locale;
}

export const PLAN_CARD_TOKEN = 'account_plan_card';

interface CardMeta {
  /** The frontmatter with its fences, BOM removed: what the engine checks. */
  readonly source: string;
}

export function planCardPlugin(md: MarkdownIt.MarkdownIt, options: PlanCardOptions = {}): void {
  const today = options.today ?? (() => todayLocal());
  const settings = options.settings ?? (() => DEFAULT_SETTINGS);
  const locale = options.locale ?? ((): Locale => 'en');

  // Before every other block rule, so neither `hr` nor VS Code's own front_matter rule sees the fences.
  md.block.ruler.before('table', PLAN_CARD_TOKEN, (state, startLine, _endLine, silent) => {
    if (startLine !== 0 || state.bMarks[0] !== 0 || state.blkIndent !== 0) return false;
    const text = stripBom(state.src);
    const split = splitFrontmatter(text);
    if (split.kind !== 'ok') return false;
    if (!/^account[ \t]*:/m.test(text.slice(split.yamlStart, split.yamlEnd)) && !saysPlan(state.env)) return false;
    if (silent) return true;
    const bodyLine = linesIn(text.slice(0, split.bodyStart), split.bodyStart === text.length);
    const token = state.push(PLAN_CARD_TOKEN, 'section', 0);
    token.block = true;
    token.map = [0, Math.min(bodyLine, state.lineMax)];
    token.attrJoin('class', 'ap-card');
    token.meta = { source: text.slice(0, split.bodyStart) } satisfies CardMeta;
    state.line = Math.min(bodyLine, state.lineMax);
    return true;
  }, { alt: [] });

  md.renderer.rules[PLAN_CARD_TOKEN] = (tokens, idx, _options, env, self) => {
    const token = tokens[idx];
    const { source } = token.meta as unknown as CardMeta;
    const fileName = fileNameOf(env) ?? 'plan.account.md';
    const lang = locale();
    const analysis = checkPlan(source, { fileName, today: today(), settings: settings(), locale: lang });
    return renderPlanCard(analysis, { escape: md.utils.escapeHtml, locale: lang, fileName, attrs: self.renderAttrs(token) });
  };
}

function saysPlan(env: unknown): boolean {
  return (env as { accountPlan?: unknown } | undefined)?.accountPlan === true || isPlanFile(fileNameOf(env) ?? '');
}

/** The document's file name from a render env: ours (`fileName`) or VS Code's (`currentDocument`, a Uri). */
function fileNameOf(env: unknown): string | undefined {
  if (typeof env !== 'object' || env === null) return undefined;
  const e = env as { fileName?: unknown; currentDocument?: { path?: unknown } };
  if (typeof e.fileName === 'string') return e.fileName;
  const path = e.currentDocument?.path;
  return typeof path === 'string' ? path : undefined;
}

/** The 0-based line where the text after `head` starts. */
function linesIn(head: string, atEnd: boolean): number {
  let n = 0;
  for (let i = head.indexOf('\n'); i !== -1; i = head.indexOf('\n', i + 1)) n++;
  return atEnd && !head.endsWith('\n') ? n + 1 : n;
}
