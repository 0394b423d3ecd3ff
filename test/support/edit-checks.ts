import * as assert from 'assert';
import { Lexer } from 'yaml';
import { applyEdits, checkPlan, dominantEol, parseYaml, splitFrontmatter, stripBom, type TextEdit } from '../../src/core';

/** The frontmatter of a plan: where it is, its data and its comments in order. */
export interface Front {
  readonly bom: boolean;
  readonly yamlStart: number;
  readonly yamlEnd: number;
  readonly body: string;
  readonly data: Record<string, unknown>;
  readonly comments: readonly string[];
}

export function readFront(raw: string): Front {
  const text = stripBom(raw);
  const split = splitFrontmatter(text);
  assert.strictEqual(split.kind, 'ok', `a frontmatter: ${JSON.stringify(raw)}`);
  if (split.kind !== 'ok') throw new Error('unreachable');
  const source = text.slice(split.yamlStart, split.yamlEnd);
  const doc = parseYaml(source, 'reject');
  assert.deepStrictEqual(doc.errors.map((e) => e.message), [], `the YAML parses: ${JSON.stringify(raw)}`);
  const comments = [...new Lexer().lex(source)].filter((t) => t.startsWith('#'));
  return { bom: raw !== text, yamlStart: split.yamlStart, yamlEnd: split.yamlEnd, body: text.slice(split.yamlEnd), data: doc.toJS() as Record<string, unknown>, comments };
}

/** The edits that undo `edits` once applied to `text` (non-overlapping, any order). */
export function reverseAll(text: string, edits: readonly TextEdit[]): TextEdit[] {
  let shift = 0;
  return [...edits].sort((a, b) => a.start - b.start).map((e) => {
    const start = e.start + shift;
    shift += e.newText.length - (e.end - e.start);
    return { start, end: start + e.newText.length, newText: text.slice(e.start, e.end) };
  });
}

/** Comments and white space taken out, to compare what an edit removed with what it targeted. */
export const essence = (s: string): string => s.replace(/(^|[ \t\r\n])#[^\n]*/g, '$1').replace(/[ \t\r\n]+/g, '');

export interface EditCase {
  readonly name: string;
  readonly edits: readonly TextEdit[];
  /** The data the plan should hold afterwards, given the data before (or `judge` instead). */
  readonly expect?: (before: Record<string, unknown>) => unknown;
  /** Asserts on the data before and after, where one expected value is awkward to write. */
  readonly judge?: (before: Record<string, unknown>, after: Record<string, unknown>) => void;
  /** What each edit may remove (compared without comments and white space), e.g. the old value. */
  readonly removable: (edit: TextEdit, text: string) => readonly string[];
}

/**
 * The properties every edit to a plan keeps: it stays inside the frontmatter; it removes only its
 * target; new lines take the file's dominant line end; the result parses (in both parsers), holds
 * the data expected, and keeps every comment, the BOM and the body; the reverse edit restores the
 * original byte for byte (what one undo does in the editor).
 */
export function checkEdit(raw: string, c: EditCase): string {
  const before = readFront(raw);
  const text = stripBom(raw);
  const eol = dominantEol(text);
  for (const e of c.edits) {
    assert.ok(e.start >= before.yamlStart && e.end <= before.yamlEnd && e.start <= e.end, `${c.name}: the edit stays in the frontmatter`);
    const removed = essence(text.slice(e.start, e.end));
    assert.ok(c.removable(e, text).map(essence).includes(removed), `${c.name}: removes only its target, not ${JSON.stringify(text.slice(e.start, e.end))}`);
    for (const m of e.newText.matchAll(/\r?\n/g)) assert.strictEqual(m[0], eol, `${c.name}: a new line ends with the file's ${JSON.stringify(eol)}`);
  }
  const out = applyEdits(text, c.edits);
  const after = readFront(out);
  if (c.expect) assert.deepStrictEqual(after.data, c.expect(structuredClone(before.data)), `${c.name}: the data after the edit`);
  c.judge?.(before.data, after.data);
  const kept = Object.keys(after.data).filter((k) => k in before.data);
  assert.deepStrictEqual(kept, Object.keys(before.data).filter((k) => k in after.data), `${c.name}: the keys keep their order`);
  assert.deepStrictEqual(after.comments, before.comments, `${c.name}: every comment kept, in order`);
  assert.strictEqual(after.body, before.body, `${c.name}: the closing line and body unchanged`);
  assert.strictEqual(applyEdits(out, reverseAll(text, c.edits)), text, `${c.name}: the reverse edit restores the original`);
  for (const reference of [false, true]) {
    const shape = (t: string) => checkPlan(t, { fileName: 'p.account.md', today: '2026-11-24', reference }).findings
      .filter((f) => f.code === 'AP001' || f.code === 'AP002').map((f) => f.message);
    const was = new Set(shapeBefore(text, reference, shape));
    assert.deepStrictEqual(shape(out).filter((m) => !was.has(m)), [], `${c.name}: the plan still reads (${reference ? 'reference' : 'fast'} parser)`);
  }
  return (before.bom ? '\uFEFF' : '') + out;
}

const shapes = new Map<string, string[]>();
/** The original's fatal findings, computed once per text and parser (every edit of a plan needs them). */
function shapeBefore(text: string, reference: boolean, shape: (t: string) => string[]): string[] {
  const key = `${reference}\0${text}`;
  let hit = shapes.get(key);
  if (!hit) {
    if (shapes.size > 16) shapes.clear();
    shapes.set(key, (hit = shape(text)));
  }
  return hit;
}

/** Replaces every string value and mapping key equal to `from` by `to`, everywhere in `data`. */
export function replaceDeep(data: unknown, from: string, to: string): unknown {
  if (data === from) return to;
  if (Array.isArray(data)) return data.map((x) => replaceDeep(x, from, to));
  if (data && typeof data === 'object') {
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k === from ? to : k, replaceDeep(v, from, to)]));
  }
  return data;
}
