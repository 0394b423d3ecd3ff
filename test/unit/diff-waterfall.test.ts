import * as assert from 'assert';
import * as path from 'path';
import { checkPlan, WATERFALL_SIGN, WATERFALL_STEPS, type ChangeSet, type WaterfallStep } from '../../src/core';
import { BASE, TODAY, edit, run, wrap } from './diff-fixtures';

const micro = (x: number): bigint => BigInt(Math.round(x * 1e6));

/** before + Σ sign × step = after in every bucket, exactly, and the moves add up to the steps. */
function assertAddsUp(set: ChangeSet): void {
  for (const b of set.waterfall.buckets) {
    const total = WATERFALL_STEPS.reduce((sum, s) => sum + BigInt(WATERFALL_SIGN[s]) * micro(b.steps[s]), micro(b.before));
    assert.strictEqual(total, micro(b.after), `${b.currency}/${b.category}`);
    for (const s of WATERFALL_STEPS) {
      const moved = set.waterfall.moves.filter((m) => m.currency === b.currency && m.category === b.category && m.step === s).reduce((sum, m) => sum + micro(m.amount), 0n);
      assert.strictEqual(moved, micro(b.steps[s]), `${b.currency}/${b.category}/${s}`);
    }
  }
}

/** The non-zero steps, as [currency, category, step, amount]; with before and after of each bucket. */
function flow(before: string, after: string): { buckets: [string, string, number, number][]; steps: [string, string, WaterfallStep, number][] } {
  const set = run({ 'acme.account.md': wrap(before) }, { 'acme.account.md': wrap(after) });
  assertAddsUp(set);
  return {
    buckets: set.waterfall.buckets.map((b) => [b.currency, b.category, b.before, b.after]),
    steps: set.waterfall.buckets.flatMap((b) => WATERFALL_STEPS.filter((s) => b.steps[s] !== 0).map((s): [string, string, WaterfallStep, number] => [b.currency, b.category, s, b.steps[s]])),
  };
}
const stepsOf = (before: string, after: string) => flow(before, after).steps;

describe('diff: pipeline waterfall', () => {
  it('counts open deals with an amount closing in the quarter of today, per currency and category', () => {
    // d1 (C, 1000 CNY, December) and d2 (D, 2000 USD, November) are in 2026-Q4; d3 closes in February.
    assert.deepStrictEqual(flow(BASE, BASE), { buckets: [['CNY', 'best-case', 500, 500], ['USD', 'pipeline', 600, 600]], steps: [] });
  });

  it('new and removed deals', () => {
    const more = BASE.replace('visits:\n', '  - { id: d4, name: Four, stage: G, amount: 10, close: 2026-12-01 }\n  - { id: d5, name: Five, stage: G, amount: 10, close: 2027-06-01 }\nvisits:\n');
    assert.deepStrictEqual(stepsOf(BASE, more), [['CNY', 'pipeline', 'new', 1]]);
    assert.deepStrictEqual(stepsOf(more, BASE), [['CNY', 'pipeline', 'removed', 1]]);
  });

  it('increased and decreased: amount, stage within a category, probability', () => {
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'amount: 1000', 'amount: 1500')), [['CNY', 'best-case', 'increased', 250]]);
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'stage: C', 'stage: B')), [['CNY', 'best-case', 'increased', 250]]);
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'amount: 2000', 'amount: 1000')), [['USD', 'pipeline', 'decreased', 300]]);
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'close: 2026-12-15', 'close: 2026-12-15\n    probability: 33.3')), [['CNY', 'best-case', 'decreased', 167]]);
  });

  it('an amount removed counts whole as decreased; one added, as increased', () => {
    const none = edit(BASE, '    amount: 1000\n', '');
    assert.deepStrictEqual(stepsOf(BASE, none), [['CNY', 'best-case', 'decreased', 500]]);
    assert.deepStrictEqual(stepsOf(none, BASE), [['CNY', 'best-case', 'increased', 500]]);
  });

  it('won and lost take the weighted amount the deal had; reopened adds what it has now', () => {
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'stage: C', 'stage: S')), [['CNY', 'best-case', 'won', 500]]);
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'stage: D', 'stage: lost')), [['USD', 'pipeline', 'lost', 600]]);
    assert.deepStrictEqual(stepsOf(edit(BASE, 'stage: C', 'stage: lost'), edit(BASE, 'stage: C', 'stage: A')), [['CNY', 'commit', 'reopened', 900]]);
  });

  it('pushed out of the quarter and pulled into it; a move inside the quarter is no step', () => {
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'close: 2026-12-15', 'close: 2027-01-05')), [['CNY', 'best-case', 'pushedOut', 500]]);
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'close: 2027-02-10', 'close: 2026-12-20')), [['CNY', 'best-case', 'pulledIn', 3000]]);
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'close: 2026-12-15', '')), [['CNY', 'best-case', 'pushedOut', 500]], 'a close date cleared leaves the quarter');
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'close: 2026-12-15', 'close: 2026-10-02')), []);
  });

  it('a deal that changes category or currency moves out of one bucket and into the other', () => {
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'stage: C', 'stage: A')), [['CNY', 'best-case', 'movedOut', 500], ['CNY', 'commit', 'movedIn', 900]]);
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'close: 2026-12-15', 'close: 2026-12-15\n    forecast: omitted')), [['CNY', 'best-case', 'movedOut', 500], ['CNY', 'omitted', 'movedIn', 500]]);
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, 'currency: USD', 'currency: EUR')), [['EUR', 'pipeline', 'movedIn', 600], ['USD', 'pipeline', 'movedOut', 600]]);
  });

  it('a deal that changes several things takes the first step of the attribution order', () => {
    const d1 = '    stage: C\n    amount: 1000\n    close: 2026-12-15\n';
    // Stage, amount and close date pushed out: pushed out, with the amount it had.
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, d1, '    stage: A\n    amount: 3000\n    close: 2027-01-20\n')), [['CNY', 'best-case', 'pushedOut', 500]]);
    // Stage and amount, same quarter: moved from best-case (old amount) to commit (new amount).
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, d1, '    stage: A\n    amount: 3000\n    close: 2026-12-01\n')), [['CNY', 'best-case', 'movedOut', 500], ['CNY', 'commit', 'movedIn', 2700]]);
    // Pulled in and increased at once: pulled in whole.
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, '    amount: 4000\n    close: 2027-02-10', '    amount: 5000\n    close: 2026-12-10')), [['CNY', 'best-case', 'pulledIn', 3750]]);
    // Won with another amount: won with the amount it had in the pipeline.
    assert.deepStrictEqual(stepsOf(BASE, edit(BASE, d1, '    stage: S\n    amount: 1200\n    close: 2026-11-20\n')), [['CNY', 'best-case', 'won', 500]]);
  });

  it('a plan that stops parsing takes its deals out as removed; a removed account too', () => {
    const broken = run({ 'acme.account.md': wrap(BASE) }, { 'acme.account.md': '---\naccount: [\n---\n' });
    assertAddsUp(broken);
    assert.deepStrictEqual(broken.waterfall.moves.map((m) => [m.account, m.opportunity, m.step, m.amount]), [['acme', 'd1', 'removed', 500], ['acme', 'd2', 'removed', 600]]);
    const gone = run({ 'acme.account.md': wrap(BASE) }, {});
    assert.deepStrictEqual(gone.waterfall.buckets.map((b) => [b.currency, b.before, b.steps.removed, b.after]), [['CNY', 500, 500, 0], ['USD', 600, 600, 0]]);
  });

  it('keeps decimals exactly (to the millionth), with no float noise', () => {
    const odd = edit(BASE, 'amount: 1000', 'amount: 1234.57\n    probability: 33.3');
    const { buckets, steps } = flow(BASE, odd);
    assert.deepStrictEqual(buckets, [['CNY', 'best-case', 500, 411.11181], ['USD', 'pipeline', 600, 600]]);
    assert.deepStrictEqual(steps, [['CNY', 'best-case', 'decreased', 88.88819]]);
  });

  it('adds up exactly for every currency and category on ~100 generated plans with random changes', async function () {
    this.timeout(60_000); // ~0.5 s alone; room for a machine shared with other builds
    const gen = (await import(path.join(__dirname, '..', '..', '..', 'bench', 'generate.mjs'))) as {
      planText: (i: number, shape?: object) => string; rng: (seed: number) => () => number;
    };
    const r = gen.rng(11);
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (let i = 0; i < 110; i++) {
      const name = `region-${i % 5}/acct-${i}.account.md`;
      const text = closeInQuarter(gen.planText(i, { stakeholders: 3, opportunities: 4, visits: 3 }), r);
      if (i < 100) before[name] = text;
      if (i >= 5) after[r() < 0.05 ? `moved/acct-${i}.account.md` : name] = i < 100 ? mutate(text, r) : text;
    }
    const set = run(before, after);
    assertAddsUp(set);
    // The totals are the pipeline each side really has.
    const total = (plans: Record<string, string>) => {
      const sums = new Map<string, number>();
      for (const [file, text] of Object.entries(plans)) {
        for (const o of checkPlan(text, { fileName: file, today: TODAY }).facts?.opportunities ?? []) {
          if (!o.open || o.weighted === undefined || !o.opportunity.close?.startsWith('2026-1')) continue;
          const key = `${o.currency}/${o.category}`;
          sums.set(key, (sums.get(key) ?? 0) + Number(micro(o.weighted)));
        }
      }
      return sums;
    };
    const [was, now] = [total(before), total(after)];
    for (const b of set.waterfall.buckets) {
      assert.strictEqual(Number(micro(b.before)), was.get(`${b.currency}/${b.category}`) ?? 0, `before ${b.currency}/${b.category}`);
      assert.strictEqual(Number(micro(b.after)), now.get(`${b.currency}/${b.category}`) ?? 0, `after ${b.currency}/${b.category}`);
    }
    assert.ok(set.waterfall.buckets.length >= 6, `${set.waterfall.buckets.length} buckets`);
    const fired = WATERFALL_STEPS.filter((s) => set.waterfall.buckets.some((b) => b.steps[s] > 0));
    assert.deepStrictEqual(fired, [...WATERFALL_STEPS], 'every kind of step happens in the random set');
  });
});

/** Brings most close dates into 2026-Q4 (October–December) so the quarter has a pipeline to change. */
function closeInQuarter(text: string, r: () => number): string {
  return text.replace(/close: \d{4}-\d\d-(\d\d)/g, (m, day: string) => (r() < 0.6 ? `close: 2026-1${Math.floor(r() * 3)}-${day}` : m));
}

const STAGES = ['G', 'F', 'E', 'D', 'C', 'B', 'A', 'S', 'lost', 'Q'];
/** Random edits to a generated plan's deals: stage, amount, close date, currency, overrides, removal, addition, a broken file. */
function mutate(text: string, r: () => number): string {
  if (r() < 0.03) return '---\naccount: [\n---\n';
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const lines = text.split('\n');
  const out: string[] = [];
  let inDeals = false;
  let skip = false;
  for (const line of lines) {
    if (line === 'opportunities:') inDeals = true;
    else if (line === 'visits:') {
      inDeals = false;
      skip = false;
      if (r() < 0.2) out.push(`  - { id: new${Math.floor(r() * 1e6)}, name: New, stage: ${pick(STAGES)}, amount: ${Math.floor(r() * 900) * 10}, close: 2026-12-0${1 + Math.floor(r() * 9)} }`);
    } else if (inDeals && line.startsWith('  - id: ')) skip = r() < 0.08;
    if (skip) continue;
    if (!inDeals) {
      out.push(line);
      continue;
    }
    if (line.startsWith('    stage: ') && r() < 0.35) out.push(`    stage: ${pick(STAGES)}`);
    else if (line.startsWith('    amount: ') && r() < 0.3) {
      if (r() < 0.15) continue;
      out.push(`    amount: ${(Math.floor(r() * 5e8) / 100).toFixed(2)}`);
    } else if (line.startsWith('    close: ') && r() < 0.3) {
      if (r() < 0.1) continue;
      out.push(`    close: ${pick(['2026-09-30', '2026-10-01', '2026-11-15', '2026-12-31', '2027-01-01', '2027-03-15'])}`);
    } else out.push(line);
    if (line.startsWith('    stage: ')) {
      if (r() < 0.12) out.push(`    currency: ${pick(['USD', 'EUR'])}`);
      if (r() < 0.12) out.push(`    forecast: ${pick(['pipeline', 'best-case', 'commit', 'omitted'])}`);
      if (r() < 0.12) out.push(`    probability: ${(r() * 100).toFixed(1)}`);
    }
  }
  return out.join('\n');
}
