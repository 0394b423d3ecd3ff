import * as path from 'path';
import { parseYaml } from '../../src/core/parse/yaml-document';
import { splitFrontmatter, stripBom } from '../../src/core/parse/frontmatter';
import { appendListItem, applyEdits, setScalar, type TextEdit } from '../../src/core/edits/yaml-edits';

const ROOT = path.resolve(__dirname, '../../..');

/** The benchmark's generator of plans (same arguments, same bytes). */
export async function generatedPlans(count: number): Promise<string[]> {
  const gen = (await import(path.join(ROOT, 'bench', 'generate.mjs'))) as { planText: (i: number, shape?: object) => string };
  return Array.from({ length: count }, (_, i) => gen.planText(i, { stakeholders: 3 + (i % 6), opportunities: 2 + (i % 3), visits: 1 + (i % 9) }));
}

/** An edit a seller makes in the editor, as a function of the plan's text. */
export type PlanEdit = (text: string) => string;

const must = (text: string, edit: TextEdit | undefined): string => {
  if (!edit) throw new Error('edit declined');
  return applyEdits(text, [edit]);
};

export const logVisit = (date: string, who: string, purpose = 'progress'): PlanEdit =>
  (text) => must(text, appendListItem(text, 'visits', { date, purpose, with: [who], summary: `Visit of ${date}` }));
export const addStakeholder = (id: string): PlanEdit =>
  (text) => must(text, appendListItem(text, 'stakeholders', { id, name: `New ${id}`, roles: ['user'], layer: 'usage', attitude: 'B' }));
export const setField = (list: string, index: number, key: string, value: string | number): PlanEdit =>
  (text) => must(text, setScalar(text, [list, index, key], value));

/** The plan as data: frontmatter (visits in date order, as the tools read them) and body. */
export function planData(text: string): { front: unknown; body: string } {
  const t = stripBom(text);
  const split = splitFrontmatter(t);
  if (split.kind !== 'ok') throw new Error('no frontmatter');
  const doc = parseYaml(t.slice(split.yamlStart, split.yamlEnd), 'reject');
  if (doc.errors.length) throw new Error(`does not parse: ${doc.errors[0].message}`);
  const front = doc.toJSON() as Record<string, unknown>;
  if (Array.isArray(front.visits)) {
    front.visits = [...(front.visits as Record<string, unknown>[])]
      .sort((a, b) => String(a.date).localeCompare(String(b.date)) || JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return { front, body: t.slice(split.bodyStart) };
}
