import fc from 'fast-check';
import { renderScalar } from '../../src/core';

/**
 * Valid account plans written every way YAML allows a person to write them: comments everywhere
 * (tabs and lone CRs inside them), plain, single- and double-quoted scalars, block scalars, block
 * and flow lists, a `{…}` frontmatter on one line or many, empty lists written five ways, LF / CRLF
 * and one stray line end, a BOM before or after the opening `---`, trailing spaces, a `...` end
 * marker. The edit property test and the fuzzing (`npm run fuzz`) draw plans from here.
 */

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly layer?: string;
  readonly attitude?: string;
  /** Writes `titel:` instead of `title:` (an AP003 finding with a quick fix). */
  readonly typo?: string;
}
export interface Deal { readonly id: string; readonly name: string; readonly stage: string; readonly amount?: number; readonly close?: string }
export interface Visit { readonly date: string; readonly purpose?: string; readonly with: readonly string[]; readonly attitudes?: Readonly<Record<string, string>>; readonly summary?: string }

/** How an empty list is written: left out, `key:`, `key:   # none yet`, `key: ~`, `key: []`, `key: [ # none\n]`. */
export type EmptyForm = 'missing' | 'null' | 'null-comment' | 'tilde' | 'brackets' | 'brackets-comment';
export type ListForm = 'block' | 'block-flat' | 'flow' | 'flow-lines';

export interface PlanSpec {
  readonly account: string;
  readonly tier?: string;
  readonly stakeholders: readonly Person[];
  readonly opportunities: readonly Deal[];
  readonly visits: readonly Visit[];
  readonly eol: '\n' | '\r\n';
  /** One line (by index, modulo the line count) ends with the other line end. */
  readonly strayEol?: number;
  readonly bom: 'none' | 'file' | 'yaml';
  readonly root: 'block' | 'flow' | 'flow-lines';
  readonly endMarker: boolean;
  /** Formatting decisions, read in turn as the plan is written (so shrinking simplifies them). */
  readonly tape: readonly number[];
}

export interface GeneratedPlan {
  readonly spec: PlanSpec;
  readonly text: string;
}

const IDS = ['ann', 'bo', 'cy', 'dee', 'eve-2', 'li_3'];
const NAMES = ['Ann', '陈主任', 'Zoë', 'مرحبا بك', 'A # B', 'a: b', "O'Neil", 'say "hi"', '😀 Emoji', 'x, y', '[draft]', 'true', '0123', '-lead'];
const ROLES = ['economic', 'technical', 'user', 'financial', 'coach', 'influencer'];
const ATTITUDES = ['A+', 'A', 'B', 'B-', 'C', 'D', 'E-'];
const STAGES = ['G', 'E', 'D', 'C', 'B', 'A', 'S', 'lost'];
const DATES = ['2020-01-05', '2025-06-30', '2026-11-10', '2026-11-23', '2027-03-31'];

const person = fc.record({
  id: fc.constantFrom(...IDS),
  name: fc.constantFrom(...NAMES),
  roles: fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1, maxLength: 2 }),
  layer: fc.option(fc.constantFrom('decision', 'procurement', 'usage'), { nil: undefined }),
  attitude: fc.option(fc.constantFrom(...ATTITUDES), { nil: undefined }),
  typo: fc.option(fc.constantFrom('CFO', '总监'), { nil: undefined, freq: 3 }),
}, { requiredKeys: ['id', 'name', 'roles'] });

const deal = fc.record({
  id: fc.constantFrom('o1', 'o2', 'deal-x'),
  name: fc.constantFrom(...NAMES),
  stage: fc.constantFrom(...STAGES),
  amount: fc.option(fc.integer({ min: 0, max: 9_000_000 }), { nil: undefined }),
  close: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
}, { requiredKeys: ['id', 'name', 'stage'] });

const visit = fc.record({
  date: fc.constantFrom(...DATES),
  purpose: fc.option(fc.constantFrom('sign', 'progress', 'relationship'), { nil: undefined }),
  with: fc.uniqueArray(fc.constantFrom(...IDS, 'bob'), { maxLength: 3 }),
  attitudes: fc.option(fc.dictionary(fc.constantFrom(...IDS), fc.constantFrom(...ATTITUDES), { maxKeys: 2 }), { nil: undefined }),
  summary: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
}, { requiredKeys: ['date', 'with'] });

const uniqueBy = <T extends { id: string }>(a: fc.Arbitrary<T>, max: number) => fc.uniqueArray(a, { maxLength: max, selector: (x) => x.id });

/** Valid plans in every formatting this module knows. */
export function planArbitrary(): fc.Arbitrary<GeneratedPlan> {
  return fc.record({
    account: fc.constantFrom(...NAMES),
    tier: fc.option(fc.constantFrom('VIP', 'A', 'C'), { nil: undefined }),
    stakeholders: uniqueBy(person, 3),
    opportunities: uniqueBy(deal, 2),
    visits: fc.array(visit, { maxLength: 2 }),
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    strayEol: fc.option(fc.nat(40), { nil: undefined, freq: 3 }),
    bom: fc.constantFrom('none' as const, 'file' as const, 'yaml' as const),
    root: fc.constantFrom('block' as const, 'block' as const, 'flow' as const, 'flow-lines' as const),
    endMarker: fc.boolean(),
    tape: fc.array(fc.nat(99), { minLength: 64, maxLength: 64 }),
  }, { requiredKeys: ['account', 'stakeholders', 'opportunities', 'visits', 'eol', 'bom', 'root', 'endMarker', 'tape'] })
    .map((spec) => ({ spec, text: writePlan(spec) }));
}

/** A line of the frontmatter; `bare` lines take no trailing spaces (block scalar content). */
interface Line { readonly text: string; readonly bare?: boolean }

/** Reads formatting decisions off the tape, in turn. */
class Tape {
  private i = 0;
  constructor(private readonly values: readonly number[]) {}
  /** A number below `n`. */
  next(n: number): number {
    const v = this.values.length ? this.values[this.i++ % this.values.length] : 0;
    return v % n;
  }
  chance(percent: number): boolean {
    return this.next(100) < percent;
  }
}

const COMMENTS = ['# note', '#\ttabbed\tnote', '# 注释 😀', '# a\r# lone CR inside', '#', '# key: not a value'];

class Writer {
  readonly tape: Tape;
  constructor(spec: PlanSpec) {
    this.tape = new Tape(spec.tape);
  }

  comment(percent = 30): string {
    return this.tape.chance(percent) ? ` ${COMMENTS[this.tape.next(COMMENTS.length)]}` : '';
  }

  ownLineComment(pad: string): Line[] {
    return this.tape.chance(15) ? [{ text: `${pad}${COMMENTS[this.tape.next(COMMENTS.length)]}` }] : [];
  }

  /** A scalar, plain (quoted only where YAML needs it), single- or double-quoted. */
  scalar(v: string | number): string {
    if (typeof v === 'number') return String(v);
    switch (this.tape.next(4)) {
      case 1: return `'${v.replace(/'/g, "''")}'`;
      case 2: return JSON.stringify(v);
      default: return renderScalar(v);
    }
  }

  key(k: string): string {
    return this.tape.chance(8) ? JSON.stringify(k) : k;
  }

  flowMap(entries: readonly [string, unknown][]): string {
    const gap = this.tape.chance(30) ? ' ' : '';
    return `{${gap}${entries.map(([k, v]) => `${this.key(k)}: ${this.flowValue(v)}`).join(', ')}${gap}}`;
  }

  flowValue(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map((x) => this.flowValue(x)).join(', ')}]`;
    if (v && typeof v === 'object') return this.flowMap(Object.entries(v));
    return this.scalar(v as string | number);
  }

  /** `key: value` lines of a block mapping at `pad`; `first` replaces the pad of the first line (`- `). */
  blockMap(entries: readonly [string, unknown][], pad: string, first: string): Line[] {
    const out: Line[] = [];
    entries.forEach(([k, v], i) => {
      const lead = i === 0 ? first : pad;
      out.push(...this.ownLineComment(pad));
      if (Array.isArray(v) && v.length && this.tape.chance(25)) {
        out.push({ text: `${lead}${this.key(k)}:${this.comment()}` });
        for (const x of v) out.push({ text: `${pad}  - ${this.scalar(x as string)}${this.comment(15)}` });
      } else if (k === 'stage' && this.tape.chance(25)) {
        out.push({ text: `${lead}${this.key(k)}: >-${this.comment(20)}` }, { text: `${pad}  ${v as string}`, bare: true });
      } else {
        out.push({ text: `${lead}${this.key(k)}: ${this.flowValue(v)}${this.comment()}` });
      }
    });
    return out;
  }

  /** A list under a key of a block root. */
  blockList(key: string, items: readonly [string, unknown][][]): Line[] {
    if (!items.length) return this.emptyList(key);
    const form: ListForm = (['block', 'block', 'block-flat', 'flow', 'flow-lines'] as const)[this.tape.next(5)];
    const head = `${this.key(key)}:`;
    if (form === 'flow') return [{ text: `${head} [${items.map((e) => this.flowMap(e)).join(', ')}]${this.comment()}` }];
    if (form === 'flow-lines') {
      const lines: Line[] = [{ text: `${head} [${this.comment()}` }];
      items.forEach((e, i) => {
        lines.push(...this.ownLineComment('  '));
        lines.push({ text: `  ${this.flowMap(e)}${i < items.length - 1 || this.tape.chance(30) ? ',' : ''}${this.comment()}` });
      });
      return [...lines, { text: `]${this.comment(20)}` }];
    }
    const pad = form === 'block' ? '  ' : '';
    const lines: Line[] = [{ text: `${head}${this.comment()}` }];
    for (const e of items) {
      lines.push(...this.ownLineComment(pad));
      if (this.tape.chance(20)) lines.push({ text: `${pad}- ${this.flowMap(e)}${this.comment()}` });
      else lines.push(...this.blockMap(e, `${pad}  `, `${pad}- `));
    }
    return lines;
  }

  emptyList(key: string): Line[] {
    const forms: EmptyForm[] = ['missing', 'null', 'null-comment', 'tilde', 'brackets', 'brackets-comment'];
    switch (forms[this.tape.next(forms.length)]) {
      case 'missing': return [];
      case 'null': return [{ text: `${key}:` }];
      case 'null-comment': return [{ text: `${key}:   # none yet` }];
      case 'tilde': return [{ text: `${key}: ~${this.comment()}` }];
      case 'brackets': return [{ text: `${key}: []${this.comment()}` }];
      default: return [{ text: `${key}: [ # none yet` }, { text: ']' }];
    }
  }
}

function personEntries(p: Person): [string, unknown][] {
  const out: [string, unknown][] = [['id', p.id], ['name', p.name], ['roles', [...p.roles]]];
  if (p.typo) out.push(['titel', p.typo]);
  if (p.layer) out.push(['layer', p.layer]);
  if (p.attitude) out.push(['attitude', p.attitude]);
  return out;
}

function dealEntries(d: Deal): [string, unknown][] {
  const out: [string, unknown][] = [['id', d.id], ['name', d.name], ['stage', d.stage]];
  if (d.amount !== undefined) out.push(['amount', d.amount]);
  if (d.close) out.push(['close', d.close]);
  return out;
}

function visitEntries(v: Visit): [string, unknown][] {
  const out: [string, unknown][] = [['date', v.date]];
  if (v.purpose) out.push(['purpose', v.purpose]);
  if (v.with.length) out.push(['with', [...v.with]]);
  if (v.attitudes && Object.keys(v.attitudes).length) out.push(['attitudes', { ...v.attitudes }]);
  if (v.summary) out.push(['summary', v.summary]);
  return out;
}

const lists = (spec: PlanSpec): [string, [string, unknown][][]][] => [
  ['stakeholders', spec.stakeholders.map(personEntries)],
  ['opportunities', spec.opportunities.map(dealEntries)],
  ['visits', spec.visits.map(visitEntries)],
];

function blockRoot(spec: PlanSpec, w: Writer): Line[] {
  const lines: Line[] = [...w.ownLineComment(''), { text: `${w.key('account')}: ${w.scalar(spec.account)}${w.comment()}` }];
  if (spec.tier) lines.push({ text: `tier: ${w.scalar(spec.tier)}${w.comment()}` });
  for (const [key, items] of lists(spec)) lines.push(...w.ownLineComment(''), ...w.blockList(key, items));
  return lines;
}

function flowRoot(spec: PlanSpec, w: Writer, multiline: boolean): Line[] {
  const entries: string[] = [`account: ${w.scalar(spec.account)}`];
  if (spec.tier) entries.push(`tier: ${w.scalar(spec.tier)}`);
  for (const [key, items] of lists(spec)) {
    if (items.length) entries.push(`${key}: [${items.map((e) => w.flowMap(e)).join(', ')}]`);
    else {
      const empty = w.tape.next(3);
      if (empty === 1) entries.push(`${key}: []`);
      if (empty === 2) entries.push(`${key}: ~`);
    }
  }
  if (!multiline) return [{ text: `{${entries.join(', ')}}${w.comment()}` }];
  const lines: Line[] = entries.map((e, i) => ({ text: `${i === 0 ? '{' : '  '}${e}${i < entries.length - 1 ? ',' : ''}${w.comment()}` }));
  return [...lines, { text: `}${w.comment(20)}` }];
}

/** Writes the plan's text from its spec. */
export function writePlan(spec: PlanSpec): string {
  const w = new Writer(spec);
  const yaml = spec.root === 'block' ? blockRoot(spec, w) : flowRoot(spec, w, spec.root === 'flow-lines');
  if (spec.endMarker) yaml.push({ text: '...' });
  const lines: Line[] = [{ text: '---' }, ...yaml, { text: '---' }, { text: '' }, { text: '# Notes' }, { text: 'Met the team.' }];
  const other = spec.eol === '\n' ? '\r\n' : '\n';
  const stray = spec.strayEol === undefined ? -1 : 1 + (spec.strayEol % (lines.length - 2));
  let text = '';
  lines.forEach((line, i) => {
    const trailing = !line.bare && line.text !== '---' && line.text !== '...' && w.tape.chance(10) ? '  ' : '';
    text += line.text + trailing + (i === stray ? other : spec.eol);
    if (i === 0 && spec.bom === 'yaml') text += '\uFEFF';
  });
  return spec.bom === 'file' ? `\uFEFF${text}` : text;
}

/** How many cases a property runs: `FUZZ_RUNS` when set, else the given default. */
export function runsFromEnv(fallback: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The seed of a run: `FUZZ_SEED` when set (to replay a failure), else the given fixed one. */
export function seedFromEnv(fallback: number): number {
  const n = Number(process.env.FUZZ_SEED);
  return Number.isInteger(n) ? n : fallback;
}
