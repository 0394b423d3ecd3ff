import { OPEN_STAGES, type OpenStage, type Stage } from '../model/selling-method';

/** The funnel's rows: the seven open stages, then won (S). Lost deals are not in the funnel. */
export const FUNNEL_STAGES = [...OPEN_STAGES, 'S'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** For each open stage, the share of deals that reached it expected to reach the next one. */
export type FunnelBenchmark = Record<OpenStage, number>;

/**
 * The default benchmark. Chained from A upwards it gives back the stage table's probabilities
 * (A 0.9 → 90 %; B 0.8 × 0.9 = 72 % ≈ 75 %; C 47 % ≈ 50 %; D 33 % ≈ 30 %; E 25 %; F 20 %), so a
 * funnel that meets it converts as the stage probabilities promise. G is asked for 0.8, not the
 * table's 0.5: turning a first call into a visit is the one step the seller controls alone, and a
 * long list of accounts nobody visits is the first thing a manager should see.
 */
export const DEFAULT_FUNNEL_BENCHMARK: FunnelBenchmark = Object.freeze({
  G: 0.8, F: 0.8, E: 0.75, D: 0.7, C: 0.65, B: 0.8, A: 0.9,
}) as FunnelBenchmark;

export interface FunnelStep {
  readonly stage: FunnelStage;
  /** Opportunities at this stage now: open ones, or for S the won ones. */
  readonly count: number;
  /** Opportunities at this stage or a later one, won (S) included: the deals that got this far. */
  readonly reached: number;
  /** reached(next stage) / reached(this stage); absent for S, and when nothing reached this stage. */
  readonly conversion?: number;
  /** The benchmark ratio for this stage (open stages only). */
  readonly benchmark?: number;
  /** The conversion is below the benchmark: deals get stuck here. */
  readonly stuck: boolean;
}

export interface Funnel {
  readonly steps: readonly FunnelStep[];
  /** The stuck stage furthest below its benchmark (the first of equals); absent when none is stuck. */
  readonly bottleneck?: OpenStage;
}

/** Counts per funnel stage from a list of stages; `lost`, invalid and missing stages are ignored. */
export function stageCounts(stages: Iterable<Stage | undefined>): Record<FunnelStage, number> {
  const counts = Object.fromEntries(FUNNEL_STAGES.map((s) => [s, 0])) as Record<FunnelStage, number>;
  for (const s of stages) if (s !== undefined && s in counts) counts[s as FunnelStage]++;
  return counts;
}

/**
 * A cumulative funnel over a snapshot of the pipeline: a deal now at C has passed G, F, E and D,
 * so it counts as having reached each of them. The conversion from a stage to the next is the
 * share of the deals that reached it which also reached the next one.
 */
export function funnel(counts: Readonly<Record<FunnelStage, number>>, benchmark: FunnelBenchmark): Funnel {
  const reached: number[] = [];
  let running = 0;
  for (let i = FUNNEL_STAGES.length - 1; i >= 0; i--) reached[i] = running += counts[FUNNEL_STAGES[i]];
  let bottleneck: OpenStage | undefined;
  let worst = 0;
  const steps = FUNNEL_STAGES.map((stage, i): FunnelStep => {
    if (stage === 'S') return { stage, count: counts.S, reached: reached[i], stuck: false };
    const conversion = reached[i] > 0 ? reached[i + 1] / reached[i] : undefined;
    const target = benchmark[stage];
    const stuck = conversion !== undefined && conversion < target;
    if (stuck && target - conversion > worst) {
      worst = target - conversion;
      bottleneck = stage;
    }
    return { stage, count: counts[stage], reached: reached[i], conversion, benchmark: target, stuck };
  });
  return { steps, bottleneck };
}

/** The figures behind "13 deals parked at E: 28 % convert to D, against 75 % expected". */
export interface BottleneckFigures {
  readonly stage: OpenStage;
  /** The stage after it (S after A). */
  readonly next: FunnelStage;
  /** Open deals at the stage now: `count` of its step. */
  readonly parked: number;
  /** Deals that reached the stage, and those of them that reached the next one. */
  readonly reached: number;
  readonly passed: number;
  /** passed ÷ reached, and the benchmark it falls short of. */
  readonly conversion: number;
  readonly benchmark: number;
}

/** The bottleneck of a funnel in numbers; undefined when no stage is below its benchmark. */
export function bottleneckFigures(f: Pick<Funnel, 'steps' | 'bottleneck'>): BottleneckFigures | undefined {
  const i = f.steps.findIndex((s) => s.stage === f.bottleneck);
  const step = f.steps[i];
  const after = f.steps[i + 1];
  if (i < 0 || !after || step.conversion === undefined || step.benchmark === undefined) return undefined;
  return {
    stage: step.stage as OpenStage, next: after.stage, parked: step.count, reached: step.reached, passed: after.reached,
    conversion: step.conversion, benchmark: step.benchmark,
  };
}
