import { checkPlan, DEFAULT_SETTINGS, resolveSettings, type Finding, type PlanAnalysis, type Settings } from '../../src/core';

export const TODAY = '2026-11-24';

/** A plan that trips no rule on TODAY: every required role, a decision maker, a recent executive visit. */
export const CLEAN = `account: Acme
tier: A
stakeholders:
  - id: ceo
    name: Chen
    roles: [economic]
    layer: decision
    attitude: B
  - id: cto
    name: Tao
    roles: [technical]
    layer: procurement
    attitude: B
  - id: ops
    name: Ou
    roles: [user, coach]
    layer: usage
    attitude: A
opportunities:
  - id: deal
    name: Big deal
    stage: C
    amount: 1000
    close: 2027-03-31
visits:
  - date: 2026-11-10
    purpose: progress
    with: [ceo, cto, ops]
    executive: true
    attitudes: { ceo: B, cto: B, ops: A }
`;

export const wrap = (yaml: string, body = '\n# Notes\n'): string => `---\n${yaml}---\n${body}`;

export function check(yaml: string, opts: { today?: string; settings?: Partial<Settings>; raw?: boolean } = {}): PlanAnalysis {
  const resolved = resolveSettings(opts.settings ?? {});
  if (!resolved.ok) throw new Error(resolved.errors.join('; '));
  return checkPlan(opts.raw ? yaml : wrap(yaml), { fileName: 'acme.account.md', today: opts.today ?? TODAY, settings: resolved.ok ? resolved.settings : DEFAULT_SETTINGS });
}

export const codes = (a: PlanAnalysis): string[] => a.findings.map((f) => f.code);
export const only = (a: PlanAnalysis, code: string): Finding[] => a.findings.filter((f) => f.code === code);

/** `[line, character, endLine, endCharacter]`, 1-based as the CLI prints them. */
export const where = (f: Finding): [number, number, number, number] =>
  [f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1];

/** Replaces one exact snippet of CLEAN (fails loudly when it is not there). */
export function edit(base: string, from: string, to: string): string {
  if (!base.includes(from)) throw new Error(`snippet not found: ${from}`);
  return base.replace(from, to);
}
