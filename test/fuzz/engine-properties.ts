import * as assert from 'assert';
import { checkPlan, type CheckOptions, type Finding, type PlanAnalysis } from '../../src/core';
import { WorkerPool } from '../../src/cli/worker';

/**
 * What must hold for any text (test/fuzz/engine-inputs.ts makes hostile ones): the engine does not
 * throw nor fail inside (no `internal` finding); the result is a function of the text and the
 * settings (twice, without the parse cache, on a worker thread, and on the reference parser);
 * every range lies inside the document by VS Code's line rules and matches its offsets.
 */
export const FUZZ_OPTIONS: Omit<CheckOptions, 'fileName'> = { today: '2026-11-24' };

export function assertEngineProperties(text: string, pool?: WorkerPool): void {
  const options = { ...FUZZ_OPTIONS, fileName: 'fuzz.account.md' };
  const first = checkPlan(text, options);
  const internal = first.findings.find((f) => f.data?.internal);
  assert.ok(!internal, `the engine failed inside: ${internal?.message}`);
  const again = checkPlan(text, options);
  assert.deepStrictEqual(again.findings, first.findings, 'the same text checked twice');
  const fresh = checkPlan(text, { ...options, cacheParse: false });
  assert.deepStrictEqual(fresh.findings, first.findings, 'without the parse cache');
  const reference = checkPlan(text, { ...options, reference: true });
  assert.deepStrictEqual(reference.findings, first.findings, 'fast path and reference parser');
  assert.deepStrictEqual(reference.plan, first.plan, 'fast path and reference parser: the plan');
  const compact = checkPlan(text, { ...options, compact: true });
  assert.deepStrictEqual(compact.findings, first.findings, 'compact mode');
  if (pool) {
    const [other] = pool.run('check', [{ name: options.fileName, text }], { ...FUZZ_OPTIONS, findingsOnly: true });
    assert.deepStrictEqual((other as PlanAnalysis).findings, first.findings, 'a worker thread');
  }
  assertRangesInside(text, first.findings);
}

/** VS Code's lines: split at CRLF, LF and a lone CR; the text without a BOM, as VS Code opens it. */
export function vscodeLines(raw: string): string[] {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.split(/\r\n|\r|\n/);
}

/** Where an offset is by VS Code's rules (an offset inside a CRLF is its line's end). */
function vscodePosition(lines: readonly string[], raw: string, offset: number): { line: number; character: number } {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let start = 0;
  for (let line = 0; line < lines.length; line++) {
    const end = start + lines[line].length;
    const eol = text.startsWith('\r\n', end) ? 2 : end < text.length ? 1 : 0;
    if (offset <= end || line === lines.length - 1) return { line, character: Math.min(offset, end) - start };
    if (offset < end + eol) return { line, character: end - start };
    start = end + eol;
  }
  return { line: 0, character: 0 };
}

export function assertRangesInside(raw: string, findings: readonly Finding[]): void {
  const lines = vscodeLines(raw);
  const length = raw.length - (raw.charCodeAt(0) === 0xfeff ? 1 : 0);
  for (const f of findings) {
    const where = `${f.code} ${JSON.stringify(f.range)} ${JSON.stringify(f.offset)}`;
    assert.ok(f.offset.start >= 0 && f.offset.start <= f.offset.end && f.offset.end <= length, `offsets inside the text: ${where}`);
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line inside the document: ${where}`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character inside its line: ${where}`);
    }
    assert.deepStrictEqual(f.range.start, vscodePosition(lines, raw, f.offset.start), `start matches the offset: ${where}`);
    assert.deepStrictEqual(f.range.end, vscodePosition(lines, raw, f.offset.end), `end matches the offset: ${where}`);
  }
}
