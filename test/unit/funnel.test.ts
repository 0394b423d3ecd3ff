import * as assert from 'assert';
import { DEFAULT_FUNNEL_BENCHMARK, DEFAULT_SETTINGS, FUNNEL_STAGES, funnel, resolveSettings, stageCounts, type FunnelStage } from '../../src/core';

const counts = (c: Partial<Record<FunnelStage, number>>): Record<FunnelStage, number> =>
  Object.fromEntries(FUNNEL_STAGES.map((s) => [s, c[s] ?? 0])) as Record<FunnelStage, number>;

describe('funnel', () => {
  it('counts stages G → A and S, ignoring lost and invalid ones', () => {
    assert.deepStrictEqual(stageCounts(['G', 'G', 'C', 'S', 'lost', undefined, 'A']),
      { G: 2, F: 0, E: 0, D: 0, C: 1, B: 0, A: 1, S: 1 });
  });

  it('is cumulative: a deal at C (or won) has reached every stage before it', () => {
    // G 2, F 1, E 1, D 0, C 3, B 1, A 1, S 2 → reached from S up: 2, 3, 4, 7, 7, 8, 9, 11
    const f = funnel(counts({ G: 2, F: 1, E: 1, C: 3, B: 1, A: 1, S: 2 }), DEFAULT_FUNNEL_BENCHMARK);
    assert.deepStrictEqual(f.steps.map((s) => [s.stage, s.count, s.reached]), [
      ['G', 2, 11], ['F', 1, 9], ['E', 1, 8], ['D', 0, 7], ['C', 3, 7], ['B', 1, 4], ['A', 1, 3], ['S', 2, 2]]);
    assert.deepStrictEqual(f.steps.map((s) => s.conversion), [9 / 11, 8 / 9, 7 / 8, 1, 4 / 7, 3 / 4, 2 / 3, undefined]);
    assert.deepStrictEqual(f.steps.map((s) => s.benchmark), [0.8, 0.8, 0.75, 0.7, 0.65, 0.8, 0.9, undefined]);
  });

  it('flags every stage below its benchmark, and the one furthest below as the bottleneck', () => {
    const f = funnel(counts({ G: 2, F: 1, E: 1, C: 3, B: 1, A: 1, S: 2 }), DEFAULT_FUNNEL_BENCHMARK);
    // C 4/7 = 0.571 < 0.65 (short by 0.079); B 0.75 < 0.8 (0.05); A 0.667 < 0.9 (0.233)
    assert.deepStrictEqual(f.steps.filter((s) => s.stuck).map((s) => s.stage), ['C', 'B', 'A']);
    assert.strictEqual(f.bottleneck, 'A');
  });

  it('a conversion equal to its benchmark is not stuck', () => {
    // E: reached 4, D and later 3 → 0.75, exactly E's benchmark
    const f = funnel(counts({ E: 1, S: 3 }), DEFAULT_FUNNEL_BENCHMARK);
    const e = f.steps.find((s) => s.stage === 'E')!;
    assert.strictEqual(e.conversion, 0.75);
    assert.strictEqual(e.stuck, false);
  });

  it('has no conversion where nothing reached the stage, and no bottleneck in an empty pipeline', () => {
    const empty = funnel(counts({}), DEFAULT_FUNNEL_BENCHMARK);
    assert.ok(empty.steps.every((s) => s.conversion === undefined && !s.stuck));
    assert.strictEqual(empty.bottleneck, undefined);
    const onlyG = funnel(counts({ G: 3 }), DEFAULT_FUNNEL_BENCHMARK);
    assert.deepStrictEqual(onlyG.steps.slice(0, 2).map((s) => [s.conversion, s.stuck]), [[0, true], [undefined, false]]);
    assert.strictEqual(onlyG.bottleneck, 'G');
  });

  it('follows a custom benchmark', () => {
    const f = funnel(counts({ B: 1, A: 1, S: 2 }), { ...DEFAULT_FUNNEL_BENCHMARK, B: 0.5, A: 0.6 });
    // B 3/4 = 0.75 ≥ 0.5; A 2/3 ≥ 0.6
    assert.strictEqual(f.bottleneck, undefined);
  });

  it('the setting defaults to the documented ratios and may be partial', () => {
    assert.deepStrictEqual(DEFAULT_SETTINGS.funnelBenchmark, { G: 0.8, F: 0.8, E: 0.75, D: 0.7, C: 0.65, B: 0.8, A: 0.9 });
    const r = resolveSettings({ 'accountPlans.funnelBenchmark': { C: 0.5 } });
    assert.ok(r.ok);
    if (r.ok) assert.deepStrictEqual(r.settings.funnelBenchmark, { G: 0.8, F: 0.8, E: 0.75, D: 0.7, C: 0.5, B: 0.8, A: 0.9 });
    const bad = resolveSettings({ funnelBenchmark: { C: 1.5, S: 1 } });
    assert.ok(!bad.ok);
    if (!bad.ok) {
      assert.match(bad.errors.join('\n'), /funnelBenchmark\.C/);
      assert.match(bad.errors.join('\n'), /"S"/);
    }
  });
});
