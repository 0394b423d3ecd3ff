import * as z from 'zod';
import { DEFAULT_FUNNEL_BENCHMARK } from '../rollups/funnel';
import { BUYING_ROLES } from './selling-method';
import { RULE_CODES, type RuleCode, type Severity } from './finding';

/**
 * The thresholds the rules are checked against. The editor fills it from `accountPlans.*`,
 * the command line from `--config FILE`; both use the same names (without the prefix).
 */
const staleDays = z.strictObject({
  VIP: z.int().min(0), A: z.int().min(0), B: z.int().min(0), C: z.int().min(0), D: z.int().min(0),
  none: z.int().min(0),
});
const severityOrOff = z.enum(['error', 'warning', 'information', 'hint', 'off']);
const ratio = z.number().min(0).max(1);
const funnelBenchmark = z.strictObject({ G: ratio, F: ratio, E: ratio, D: ratio, C: ratio, B: ratio, A: ratio });

const SettingsSchema = z.strictObject({
  /** Roles AP010 asks for when the account has an open opportunity. */
  requiredRoles: z.array(z.enum(BUYING_ROLES)),
  /** AP020: days without a past visit before an account with an open opportunity is stale. */
  staleDays,
  /** AP021: days within which every economic buyer should have been visited. */
  economicBuyerDays: z.int().min(0),
  /** AP022: decision-layer visits allowed in the last 365 days. */
  decisionVisitsPerYear: z.int().min(0),
  /** AP032: distinct people to meet in the window, and the window in days. */
  singleThreadMinStakeholders: z.int().min(1),
  singleThreadDays: z.int().min(0),
  /** Currency of an opportunity without `currency`. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Per-rule severity overrides; "off" silences a rule. */
  rules: z.partialRecord(z.enum(RULE_CODES), severityOrOff),
  /** Forecast funnel: the conversion expected from each open stage to the next; below it, deals get stuck. */
  funnelBenchmark,
  /** AP001: plans larger than this (megabytes of UTF-8) are not parsed. */
  maxPlanSizeMB: z.number().min(0.01).max(100),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  requiredRoles: ['economic', 'technical', 'user', 'coach'],
  staleDays: { VIP: 30, A: 45, B: 60, C: 90, D: 180, none: 60 },
  economicBuyerDays: 90,
  decisionVisitsPerYear: 3,
  singleThreadMinStakeholders: 3,
  singleThreadDays: 180,
  currency: 'CNY',
  rules: {},
  funnelBenchmark: DEFAULT_FUNNEL_BENCHMARK,
  maxPlanSizeMB: 5,
}) as Settings;

export const SETTING_KEYS = Object.keys(SettingsSchema.shape) as (keyof Settings)[];

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/**
 * Merges partial settings over the defaults. Keys may carry the editor's `accountPlans.` prefix
 * (so a copy of settings.json works as a CLI config); `staleDays` and `funnelBenchmark` may be partial.
 */
export function resolveSettings(input: unknown): SettingsResult {
  if (input === undefined || input === null) return { ok: true, settings: DEFAULT_SETTINGS };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, errors: ['settings must be a JSON object'] };
  const bare: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (k.startsWith('$')) continue; // "$schema" and the like
    if (k.includes('.') && !k.startsWith('accountPlans.')) continue; // other extensions' settings in a settings.json copy
    bare[k.startsWith('accountPlans.') ? k.slice('accountPlans.'.length) : k] = v;
  }
  const staleIn = bare.staleDays;
  const benchmarkIn = bare.funnelBenchmark;
  const merged = {
    ...DEFAULT_SETTINGS,
    ...bare,
    staleDays: staleIn && typeof staleIn === 'object' ? { ...DEFAULT_SETTINGS.staleDays, ...staleIn } : staleIn ?? DEFAULT_SETTINGS.staleDays,
    funnelBenchmark: benchmarkIn && typeof benchmarkIn === 'object'
      ? { ...DEFAULT_SETTINGS.funnelBenchmark, ...benchmarkIn } : benchmarkIn ?? DEFAULT_SETTINGS.funnelBenchmark,
  };
  const parsed = SettingsSchema.safeParse(merged);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'settings'}: ${i.message}`),
  };
}

export function severityFor(settings: Settings, code: RuleCode, fallback: Severity): Severity | 'off' {
  return settings.rules[code] ?? fallback;
}
