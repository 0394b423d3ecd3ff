import { diffPlans } from '../diff/diff-plans';
import { translator } from '../i18n/catalogue';
import { describeItemChanges, type ItemChangeLine } from '../present/describe-changes';
import type { MarkerLines } from './line-merge';

/** What the conflict markers say: the versions' names and git's marker size. */
export interface MarkerOptions {
  /** The names git gives the versions (`%X`, `%Y`: `main`, `feature/li-na`); default `ours`, `theirs`. */
  readonly labels?: { readonly ours?: string; readonly theirs?: string };
  /** git's `conflict-marker-size` (`%L`); default 7. */
  readonly markerSize?: number;
  /** `YYYY-MM-DD`, the day the plans are read as of (whether a person has left); default 1970-01-01. */
  readonly today?: string;
}

/** Where a true conflict is (`stakeholders lin attitude`) and the value there in each version (undefined: none). */
export interface ConflictSite {
  readonly path: readonly string[];
  readonly base?: unknown;
  readonly ours?: unknown;
  readonly theirs?: unknown;
}

const LISTS = ['stakeholders', 'opportunities', 'visits'];

/** The diff's change kinds that a field's change shows as. */
const KINDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  account: { account: ['renamed'], owner: ['owner'], tier: ['tier'] },
  stakeholders: { attitude: ['attitude'], left: ['left'], influence: ['influence'], grid: ['grid'], roles: ['roles'] },
  opportunities: {
    stage: ['stage', 'won', 'lost', 'reopened'], amount: ['amount'], close: ['close'], currency: ['currency'],
    forecast: ['forecast'], probability: ['probability'],
  },
};

const t = translator('en');

/**
 * The lines around a true conflict, as git writes them (`<<<<<<< main`, `>>>>>>> feature/li-na`,
 * at git's marker size), each side saying what it changed there in the diff's words:
 * `<<<<<<< main: attitude D -> B`. The words are English and folded to ASCII (git tools read these
 * lines); names and values from the plan stay as written, on one line.
 */
export class ConflictMarkers {
  private readonly size: number;
  private readonly lines = new Map<'ours' | 'theirs', readonly ItemChangeLine[]>();

  constructor(private readonly texts: { readonly base: string; readonly ours: string; readonly theirs: string } | undefined, private readonly options: MarkerOptions = {}) {
    const size = options.markerSize ?? 7;
    this.size = Number.isInteger(size) && size > 0 ? size : 7;
  }

  /** The markers for a conflict at `site`; none: the versions' names only (a line merge). */
  at(site?: ConflictSite): MarkerLines {
    const label = (side: 'ours' | 'theirs') => {
      const name = oneLine(this.options.labels?.[side] ?? '') || side;
      const words = site ? this.words(site, side) : '';
      return words ? `${name}: ${words}` : name;
    };
    return { ours: label('ours'), theirs: label('theirs'), size: this.size };
  }

  private words(site: ConflictSite, side: 'ours' | 'theirs'): string {
    const [list, key, field] = site.path;
    const all = this.changes(side);
    const inList = LISTS.includes(list);
    const picked = all.filter((l) => (inList
      ? l.list === list && (key === undefined || (l.key === key && (field === undefined || (KINDS[list]?.[field] ?? []).includes(l.kind))))
      : l.list === 'account' && (KINDS.account[list] ?? []).includes(l.kind)));
    const text = picked.length ? picked.map((l) => l.text).join('; ') : fieldChanges(site, side).join('; ');
    return ascii(text);
  }

  /** What `side` changed against the base, in words (the diff's, as `account-plans diff` says them). */
  private changes(side: 'ours' | 'theirs'): readonly ItemChangeLine[] {
    let lines = this.lines.get(side);
    if (!lines) {
      try {
        const file = 'plan.account.md';
        lines = this.texts ? describeItemChanges(diffPlans({ [file]: this.texts.base }, { [file]: this.texts[side] }, { today: this.options.today ?? '1970-01-01' })) : [];
      } catch {
        lines = []; // the markers then say what changed field by field
      }
      this.lines.set(side, lines);
    }
    return lines;
  }
}

/**
 * A change no diff event covers: `title Manager -> CIO`; for a list item, each of its plain fields
 * that changed (at most 3). A whole list or mapping changed: no words, the name only.
 */
function fieldChanges(site: ConflictSite, side: 'ours' | 'theirs'): string[] {
  const before = site.base;
  const after = site[side];
  const field = site.path[site.path.length - 1] ?? '';
  if (isPlain(before) && isPlain(after)) return [t('merge.field', { field, from: shown(before), to: shown(after) })];
  if (site.path.length !== 2 || !isMap(before) || !isMap(after)) return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => isPlain(before[k]) && isPlain(after[k]) && before[k] !== after[k]);
  const out = keys.slice(0, 3).map((k) => t('merge.field', { field: k, from: shown(before[k]), to: shown(after[k]) }));
  return keys.length > 3 ? [...out, '...'] : out;
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A scalar, or none. */
const isPlain = (v: unknown): boolean => v === undefined || v === null || typeof v !== 'object';

/** A value on one line, at most 40 characters. */
function shown(v: unknown): string {
  if (v === undefined || v === null) return t('diff.none');
  const s = oneLine(String(v));
  return s.length > 40 ? `${s.slice(0, 39)}...` : s;
}

/** One line: control characters (line breaks, tabs) become spaces. */
const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim(); // eslint-disable-line no-control-regex

/** The catalogue's arrows, dashes and spaces in ASCII; the plan's own words are left alone. */
function ascii(s: string): string {
  return oneLine(s)
    .replace(/→/g, '->').replace(/[↑↓]/g, '').replace(/[−–—]/g, '-').replace(/…/g, '...').replace(/·/g, '-')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ').replace(/ ([;,)])/g, '$1').trim();
}
