import type { PlanAnalysis, StakeholderFacts } from './model/plan-analysis';
import { computeFacts } from './model/derive-facts';
import { translator, type Translate } from './i18n/catalogue';
import { wordParam } from './i18n/message-params';
import { YamlLocator, parsePlan, type Draft, type ParsedPlan } from './parse/parse-plan';
import { RULE_INFO } from './rules/rule-catalog';
import { RULES, type RuleContext } from './rules';
import { DEFAULT_SETTINGS, severityFor, type Settings } from './model/settings';
import type { Plan } from './model/plan';
import type { Finding, Locale } from './model/finding';
import { validate } from './parse/validate';

export interface CheckOptions {
  /** The file's name or path: gives the default plan id (file name without `.account.md`). */
  readonly fileName: string;
  /** `YYYY-MM-DD`; the day the time rules are judged at. */
  readonly today: string;
  readonly settings?: Settings;
  readonly locale?: Locale;
  /** Parse with `yaml` only (the reference), skipping the fast parser; for the equivalence tests. */
  readonly reference?: boolean;
  /**
   * The result will be kept (the editor's index of every plan): build the plan as compact objects
   * of its own, sharing nothing with the parse. About 40 % less heap per plan, for ~0.05 ms.
   */
  readonly compact?: boolean;
  /**
   * Keep the parse for the next check of the same text (default true: the editor checks the same
   * text again on a settings change, and completion and hover look it up). A batch that sees each
   * text once (the CLI) turns it off: parses held in the cache outlive the young generation, and
   * the garbage collector's work for them made a 10,000-plan check a third slower.
   */
  readonly cacheParse?: boolean;
}

/**
 * Parses a plan and runs every rule. Pure: the same text and options give the same result.
 * Never throws: should the engine itself fail on some text, that is one AP001 finding on the plan
 * (`data.internal`), so one plan cannot stop a batch and the editor still shows the file.
 */
export function checkPlan(text: string, options: CheckOptions): PlanAnalysis {
  try {
    const maxPlanMB = (options.settings ?? DEFAULT_SETTINGS).maxPlanSizeMB;
    if (options.reference) return analyze(parsePlan(text, { reference: true, maxPlanMB }), options);
    return analyze(options.cacheParse === false ? cached(text, maxPlanMB, false) ?? parsePlan(text, { maxPlanMB }) : cached(text, maxPlanMB, true)!, options);
  } catch (e) {
    return internalErrorAnalysis(options.fileName, e, options.locale);
  }
}

/** The analysis of a plan the engine failed on: one AP001 at the file's start, saying what failed. */
export function internalErrorAnalysis(fileName: string, error: unknown, locale?: Locale): PlanAnalysis {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const message = translator(locale)('internalError', { detail: detail.split('\n')[0].slice(0, 200) });
  const zero = { line: 0, character: 0 };
  return { fileName, findings: [{ code: 'AP001', severity: 'error', message, range: { start: zero, end: zero }, offset: { start: 0, end: 0 }, data: { internal: true } }] };
}

const cache = new Map<string, { parsed: ParsedPlan; maxPlanMB: number }>();
const CACHE_SIZE = 64;
/**
 * The last few parses by content, so a settings change or a re-check of the same text skips YAML.
 * With `keep` false only looks (a hit or undefined); with `keep` true parses and keeps on a miss.
 */
function cached(text: string, maxPlanMB: number, keep: boolean): ParsedPlan | undefined {
  // Looking a text up hashes all of it: a batch that keeps nothing (the CLI) does not look.
  if (!keep && cache.size === 0) return undefined;
  const hit = cache.get(text);
  if (hit && hit.maxPlanMB === maxPlanMB) {
    if (keep) {
      cache.delete(text);
      cache.set(text, hit);
    }
    return hit.parsed;
  }
  if (!keep) return undefined;
  const parsed = parsePlan(text, { maxPlanMB });
  cache.delete(text);
  cache.set(text, { parsed, maxPlanMB });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return parsed;
}

function analyze(parsed: ParsedPlan, options: CheckOptions): PlanAnalysis {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const t = translator(options.locale);
  const toFindings = (drafts: readonly Draft[]) => finalize(drafts, parsed, settings, t);
  if (parsed.fatal.length || parsed.data === undefined) return { fileName: options.fileName, findings: toFindings(parsed.fatal) };

  const loc = parsed.locator!;
  const validated = validate(parsed.data as Record<string, unknown>, loc, options.fileName);
  const { drafts } = validated;
  // The parser's objects are built key by key and its strings are slices of the whole file: a JSON
  // round trip (the plan is plain JSON data) gives fast-mode objects and flat strings.
  const plan: Plan = options.compact ? JSON.parse(JSON.stringify(validated.plan)) : validated.plan;
  const facts = computeFacts(plan, options.today, settings.currency);
  const active: StakeholderFacts[] = facts.stakeholders.filter((s) => !s.gone);
  const ctx: RuleContext = {
    plan, facts, settings, loc, active,
    activeIds: new Set(active.flatMap((s) => s.stakeholder.id ?? [])),
    report: (code, key, at, params, extra) => drafts.push({ code, key, start: at[0], end: at[1], params, data: extra }),
  };
  for (const rule of RULES) rule(ctx);
  return { fileName: options.fileName, findings: toFindings(drafts), plan, facts };
}

function finalize(drafts: readonly Draft[], parsed: ParsedPlan, settings: Settings, t: Translate): Finding[] {
  const findings: Finding[] = [];
  for (const d of drafts) {
    const severity = severityFor(settings, d.code, RULE_INFO[d.code].severity);
    if (severity === 'off') continue;
    findings.push({
      code: d.code,
      severity,
      message: t(d.key, translateParams(d.params, t)),
      range: parsed.lines.range(d.start, d.end),
      offset: { start: d.start, end: d.end },
      ...(d.data ? { data: d.data } : {}),
    });
  }
  return findings.sort((a, b) => a.offset.start - b.offset.start || a.offset.end - b.offset.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function translateParams(params: Draft['params'], t: Translate): Record<string, string | number> {
  if (!params) return {};
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = wordParam(t, v);
  return out;
}

/**
 * Offsets of the YAML node at `path` (e.g. `['opportunities', 2]`) in a plan's BOM-free text,
 * for revealing an item in the editor. Uses the same cached parse as `checkPlan`.
 */
export function locate(text: string, path: readonly (string | number)[], part: 'value' | 'key' = 'value'): { start: number; end: number } | undefined {
  const parsed = parsePlan(text, { reference: true });
  if (!parsed.doc) return undefined;
  const loc = new YamlLocator(parsed);
  const at = part === 'key' ? loc.key(path) : loc.value(path);
  return at ? { start: at[0], end: at[1] } : undefined;
}
