import type { ChangeSet } from '../diff/diff-plans';
import type { Locale } from '../model/finding';
import { plural } from '../i18n/catalogue';
import { describeChanges, type AccountLines, type ChangeLine, type DescribedChanges, type FindingLine, type WaterfallTable } from './describe-changes';
import { escapePlanText as esc } from './markdown-escape';

export interface MarkdownOptions {
  readonly locale?: Locale;
  /** Each account in a collapsible <details> section (the pull-request report), else under a heading. */
  readonly collapsible?: boolean;
  /** The most the document may hold, counted by `measure`; detail is trimmed to fit, never the headline. */
  readonly limit?: number;
  /** How the limit counts: UTF-16 code units (`chars`, a comment's limit) or UTF-8 `bytes` (a job summary's). */
  readonly measure?: 'chars' | 'bytes';
}

/**
 * A change set as GitHub-flavoured Markdown: the headline, the waterfall, each account's changes
 * and findings (collapsible: each account folded, the findings gathered in a section at the end). Everything from a plan goes through `escapePlanText`, so it stays plain text.
 * With a limit, the accounts with the least change are left out first, and a line says which.
 */
export function renderChangeMarkdown(cs: ChangeSet, options: MarkdownOptions = {}): string {
  const d = describeChanges(cs, options.locale);
  const size = options.measure === 'bytes' ? utf8Length : (s: string) => s.length;
  const collapsible = options.collapsible ?? false;
  const head = [`## ${esc(d.title)}`, '', ...d.headline.map((h, i) => (i === 0 ? `**${esc(h)}**` : `- ${esc(h)}`)), ''].join('\n') + '\n';
  const waterfall = d.waterfall ? `### ${esc(d.waterfallTitle)}\n\n${table(d.waterfall)}\n\n` : '';
  const blocks = d.accounts.map((a): Block => ({
    account: a, details: accountBlock(a, d, collapsible), findings: collapsible ? findingItems(a, d) : '',
  }));
  const parts: Parts = {
    head, waterfall, blocks,
    accountsHeading: blocks.length ? `### ${esc(d.t('diff.accounts'))}\n\n` : '',
    findingsHeading: blocks.some((b) => b.findings) ? `### ${esc(d.t('diff.findings'))}\n\n` : '',
  };
  const whole = assemble(d, parts, blocks, []);
  if (options.limit === undefined || size(whole) <= options.limit) return whole;
  return trimmed(d, parts, options.limit, size);
}

interface Block {
  readonly account: AccountLines;
  /** The account's section. */
  readonly details: string;
  /** Its lines in the report's findings section ('' when they stay in its section). */
  readonly findings: string;
}

interface Parts {
  readonly head: string;
  readonly waterfall: string;
  readonly accountsHeading: string;
  readonly findingsHeading: string;
  readonly blocks: readonly Block[];
}

/** The document: headline, waterfall, the accounts kept (in the change set's order), the note, the findings. */
function assemble(d: DescribedChanges, parts: Parts, kept: readonly Block[], left: readonly Block[]): string {
  const keep = new Set(kept);
  const shown = parts.blocks.filter((b) => keep.has(b));
  const findings = shown.map((b) => b.findings).join('');
  const note = leftOutNote(d, left.slice(0, NAMED).map((b) => b.account), left.length);
  return parts.head + parts.waterfall + (shown.length || note ? parts.accountsHeading : '') + shown.map((b) => b.details).join('')
    + (note ? `${note}\n` : '') + (findings ? `${parts.findingsHeading}${findings}\n` : '');
}

/**
 * Keeps the accounts that changed most while the document fits, and names the others. The
 * headline always stays; the waterfall too, unless it alone does not fit.
 */
function trimmed(d: DescribedChanges, parts: Parts, limit: number, size: (s: string) => number): string {
  const byWeight = [...parts.blocks].sort((a, b) => b.account.weight - a.account.weight);
  let p = parts;
  const fixed = (kept: number): number =>
    size(p.head + p.waterfall + p.accountsHeading + p.findingsHeading
      + leftOutNote(d, byWeight.slice(kept, kept + NAMED).map((b) => b.account), byWeight.length - kept)) + 2;
  if (fixed(0) > limit) p = { ...p, waterfall: `_${esc(d.t('diff.waterfallNotShown'))}_\n\n` };
  let used = fixed(0);
  let kept = 0;
  for (; kept < byWeight.length; kept++) {
    const b = byWeight[kept];
    const next = used + size(b.details) + size(b.findings) + fixed(kept + 1) - fixed(kept);
    if (next > limit) break;
    used = next;
  }
  return assemble(d, p, byWeight.slice(0, kept), byWeight.slice(kept));
}

/** How many left-out accounts the note names; it counts the rest, so it stays small. */
const NAMED = 20;

/** "12 accounts not shown: a, b, c and 9 more": `named` are the first of `count` left out. */
function leftOutNote(d: DescribedChanges, named: readonly AccountLines[], count: number): string {
  if (count === 0) return '';
  const names = named.map((a) => a.name).join(', ');
  const list = count > named.length ? d.t('diff.notShownMore', { names, count: count - named.length }) : names;
  return `_${esc(d.t(plural('diff.notShown', count), { count, names: list }))}_\n`;
}

/** The report's findings section: one line per finding introduced or fixed, with its account. */
function findingItems(a: AccountLines, d: DescribedChanges): string {
  return a.findings.map((f) => `- ${finding(f, d)} — ${esc(a.name)}\n`).join('');
}

const finding = (f: FindingLine, d: DescribedChanges): string =>
  `${f.kind === 'introduced' ? '⚠️' : '✅'} ${esc(d.t(f.kind === 'introduced' ? 'diff.introduced' : 'diff.fixed'))}: ${esc(f.text)}`;

function accountBlock(a: AccountLines, d: DescribedChanges, collapsible: boolean): string {
  const title = a.name === a.id ? esc(a.name) : `${esc(a.name)} · ${esc(a.id)}`;
  const count = a.lines.length + a.findings.length;
  // The report gathers findings in a section of their own; `diff` keeps them with the account.
  const items = [...a.lines.map((l) => `- ${line(l)}`), ...(collapsible ? [] : a.findings.map((f) => `- ${finding(f, d)}`))].join('\n');
  if (!collapsible) return `#### ${title}\n\n${items}\n\n`;
  if (a.lines.length === 0) return '';
  const summary = `<strong>${title}</strong> · ${esc(d.t(plural('diff.changes', count), { count }))}`;
  return `<details><summary>${summary}</summary>\n\n${items}\n\n</details>\n\n`;
}

const line = (l: ChangeLine): string => (l.subject ? `**${esc(l.subject)}**: ${esc(l.text)}` : esc(l.text));

function table(w: WaterfallTable): string {
  const row = (cells: readonly string[]) => `| ${cells.map(esc).join(' | ')} |`;
  const rule = `| --- |${w.headers.slice(1).map(() => ' ---: |').join('')}`;
  return [row(w.headers), rule, ...w.rows.map(row)].join('\n');
}

/** UTF-8 length of a string, without the platform's encoders (core is pure). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
