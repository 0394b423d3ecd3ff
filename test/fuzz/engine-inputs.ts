import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Hostile plans for the engine's fuzz tests: arbitrary text, and valid plans mutated the way
 * careless editors, pasted documents and bad merges mutate them. Shared by the quick run in
 * `npm test` (test/unit/engine-fuzz.test.ts) and the long one (`npm run fuzz`).
 */

const ROOT = path.join(__dirname, '..', '..', '..');

/** A small plan that uses every part of the format, so each mutation lands somewhere meaningful. */
const SMALL_PLAN = `---
account: Acme
tier: A
owner: me
stakeholders:
  - id: ceo
    name: Chen
    roles: [economic]
    layer: decision
    attitude: B
    target: { attitude: A, grid: { personal: 3, company: B } }
  - id: cto
    name: Tao # CTO
    reports_to: ceo
    roles:
      - technical
    needs:
      company: [uptime]
    notes: |
      line one
      line two
opportunities:
  - id: deal
    name: Big deal
    stage: C
    amount: 1000
    close: 2027-03-31
    next: "call back"
visits:
  - date: 2026-11-10
    purpose: progress
    with: [ceo, cto]
    executive: true
    attitudes: { ceo: B, cto: B }
---
# Notes
`;

/** The plans mutations start from: the small one and every example plan in the repository. */
export function basePlans(): string[] {
  const dir = path.join(ROOT, 'examples');
  const examples = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => f.endsWith('.account.md')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    : [];
  return [SMALL_PLAN, ...examples];
}

/** Characters that mean something to YAML, the frontmatter split or the line index. */
const SYNTAX = [...'-:[]{},#&*!|>\'"?%@`~. \t\n\r', '---', '\r\n', '...', '- ', ': ', '? '];
/** Unicode that has broken text tools: RTL text and overrides, emoji, lone surrogates, NUL, BOM, odd line breaks. */
const ODD = [
  'שלום', 'مرحبا', '\u202e', '\u202d', '\u2066', '浦发银行', '😀', '👩‍👩‍👧', '\ud83d', '\ude00', '\0', '\ufeff',
  '\u0085', '\u2028', '\u2029', '\u00a0', '\u200b', '\x7f', '\x1b[31m',
];

const char: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);

/** Text made of YAML syntax, ASCII and odd Unicode. */
export const noise = (maxLength = 40): fc.Arbitrary<string> => fc.array(char, { maxLength }).map((a) => a.join(''));

/** Values to put where a plan has one: wrong types, mappings with `toString`, aliases, deep nesting. */
const VALUES = [
  '{toString: 1}', '{valueOf: 1}', '{__proto__: {x: 1}}', '{constructor: 1}', '[a, b]', '[]', '{}', '~', 'null', '""',
  '*a', '&a x', '&s [*s]', '&m {k: *m}', '!!str 1', '!!binary aGk=', '.inf', '.nan', '0x1F', '0b11', '1e400', '-0',
  '"\\ud800"', "'it''s'", '>-\n  folded', '|\n  literal', 'true', 'yes', '2026-02-30', '[' .repeat(120), '{'.repeat(60),
  '[[[[[[[[[[]]]]]]]]]]', '- - - - - x', 'a: b: c', '@x', '`x`', '%x', '[a, {b: c}, [d]]',
];

const value: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...VALUES), noise(12));

type Mutation = (lines: string[]) => string[];

/** One change to the lines of a plan, at a place chosen by fast-check. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (ls) => ls.filter((_, k) => k !== i % ls.length)),
  fc.nat().map((i): Mutation => (ls) => ls.flatMap((l, k) => (k === i % ls.length ? [l, l] : [l]))),
  fc.tuple(fc.nat(), fc.constantFrom('', ' ', '  ', '    ', '\t', '-8')).map(([i, pad]): Mutation => (ls) =>
    ls.map((l, k) => (k !== i % ls.length ? l : pad === '-8' ? l.replace(/^ {1,8}/, '') : pad + l))),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Mutation => (ls) => {
    const out = [...ls];
    const a = i % ls.length, b = j % ls.length;
    [out[a], out[b]] = [out[b], out[a]];
    return out;
  }),
  fc.tuple(fc.nat(), value).map(([i, v]): Mutation => (ls) =>
    ls.map((l, k) => (k === i % ls.length ? l.replace(/^(\s*(?:- )?[^:#]+:)(.*)$/, (_, key) => `${key} ${v}`) : l))),
  fc.tuple(fc.nat(), fc.nat(), noise(8)).map(([i, at, s]): Mutation => (ls) =>
    ls.map((l, k) => (k === i % ls.length ? l.slice(0, at % (l.length + 1)) + s + l.slice(at % (l.length + 1)) : l))),
  fc.tuple(fc.nat(), fc.constantFrom('# comment', '', '? ', '?', 'k'.repeat(1100) + ': 1', '...', '---', '- ', '  # deep comment', 'x: &a [1]', 'y: *a'))
    .map(([i, line]): Mutation => (ls) => { const out = [...ls]; out.splice(i % (ls.length + 1), 0, line); return out; }),
);

const LINE_ENDS = ['\n', '\r\n', '\r'];

/** How the lines are joined again: one line-end style, or a mix of all three. */
const joining: fc.Arbitrary<(lines: string[]) => string> = fc.oneof(
  fc.constantFrom(...LINE_ENDS).map((eol) => (ls: string[]) => ls.join(eol)),
  fc.array(fc.constantFrom(...LINE_ENDS), { minLength: 1, maxLength: 8 })
    .map((eols) => (ls: string[]) => ls.map((l, i) => (i < ls.length - 1 ? l + eols[i % eols.length] : l)).join('')),
);

/** A valid plan with one to five mutations, joined with some line-end style, maybe with a BOM. */
export function mutatedPlan(bases: readonly string[]): fc.Arbitrary<string> {
  return fc.record({
    base: fc.constantFrom(...bases),
    changes: fc.array(mutation, { minLength: 1, maxLength: 5 }),
    join: joining,
    bom: fc.constantFrom('', '', '', '\ufeff', 'after---'),
  }).map(({ base, changes, join, bom }) => {
    let lines = base.split(/\r\n|\r|\n/);
    for (const change of changes) lines = change(lines);
    const text = join(lines);
    return bom === 'after---' ? text.replace(/^---/, '---\ufeff') : bom + text;
  });
}

/** Arbitrary text, bare or between `---` lines (so the YAML parsers see it). */
export const arbitraryText: fc.Arbitrary<string> = fc.oneof(
  noise(200),
  noise(200).map((t) => `---\n${t}\n---\n`),
  fc.tuple(fc.constantFrom('account: X\n', 'account: X\nstakeholders:\n  - '), noise(120)).map(([head, t]) => `---\n${head}${t}\n---\n`),
);

/** Everything the fuzz tests feed the engine. */
export function hostilePlan(bases: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 1, arbitrary: arbitraryText }, { weight: 3, arbitrary: mutatedPlan(bases) });
}
