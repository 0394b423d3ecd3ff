import { describeChanges, type ChangeSet, type ChangeLine, type Locale, type WaterfallTable } from '../../core/index';
import type { Styles } from './ansi';

/**
 * A change set for a terminal: the headline, the waterfall as a small table, then one line per
 * change, `Account · Deal: stage C → B ↑ (customer step 5 → 6)`. Good news blue, bad news red.
 */
export function formatChangesText(cs: ChangeSet, locale: Locale, s: Styles): string {
  const d = describeChanges(cs, locale);
  const out: string[] = [s.bold(d.headline[0]), ...d.headline.slice(1).map((h) => `  ${h}`)];
  if (d.waterfall) out.push('', s.bold(d.waterfallTitle), ...table(d.waterfall));
  for (const a of d.accounts) {
    out.push('');
    for (const l of a.lines) out.push(line(a.name, l, s));
    for (const f of a.findings) {
      const mark = f.kind === 'introduced' ? s.yellow(d.t('diff.introduced')) : s.dim(d.t('diff.fixed'));
      out.push(`${s.bold(a.name)}: ${mark}: ${f.text}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function line(account: string, l: ChangeLine, s: Styles): string {
  const where = l.subject ? `${account} · ${l.subject}` : account;
  const text = l.tone === 'up' ? s.blue(l.text) : l.tone === 'down' ? s.red(l.text) : l.text;
  return `${s.bold(where)}: ${text}`;
}

/** Columns padded to their widest cell (a CJK character counts two), numbers to the right. */
function table(w: WaterfallTable): string[] {
  const rows = [w.headers, ...w.rows];
  const widths = w.headers.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const pad = (cell: string, i: number) => {
    const gap = ' '.repeat(widths[i] - width(cell));
    return i === 0 ? cell + gap : gap + cell;
  };
  return rows.map((r) => `  ${r.map(pad).join('  ')}`.trimEnd());
}

const width = (s: string): number => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
