import type { Attitude, Purpose, Stage, Tier } from '../model/selling-method';
import { renderYaml } from './yaml-edits';

export interface NewPlan {
  readonly account: string;
  readonly id?: string;
  readonly tier?: Tier;
  readonly owner?: string;
}

/** A new plan: valid frontmatter and the method's pre-visit analysis sections in the body. */
export function newPlanText(p: NewPlan, eol = '\n'): string {
  const front: Record<string, unknown> = { account: p.account };
  if (p.id) front.id = p.id;
  if (p.owner) front.owner = p.owner;
  if (p.tier) front.tier = p.tier;
  front.relationship = 'incubation';
  front.stakeholders = [];
  front.opportunities = [];
  front.visits = [];
  const body = [
    `# ${p.account}`,
    '',
    '## Customer (客户情况)',
    '',
    '- Business, organisation, ownership and who signs:',
    '- Buying process and where it stands (8 steps):',
    '- Budget and timing:',
    '',
    '## Competitors (竞争对手)',
    '',
    '- Who is in, their position and relationships:',
    '- Our strengths and weaknesses against them:',
    '',
    '## Project (项目情况)',
    '',
    '- Need, pain and its cost (SPIN: situation, problem, implication, need-payoff):',
    '- Decision criteria and the solution we propose:',
    '',
    '## Personal notes (个人信息)',
    '',
    '- What each key person wants for themselves:',
    '',
  ];
  return ['---', renderYaml(front).trimEnd(), '---', '', ...body].join('\n').replace(/\n/g, eol);
}

/** A slug for a file name and id: lower-case letters, digits and dashes; other scripts kept as they are. */
export function slugify(name: string): string {
  const slug = name.trim().toLowerCase().replace(/[\s_/\\:*?"<>|.]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'account';
}

export interface VisitInput {
  readonly date: string;
  readonly purpose?: Purpose;
  readonly with?: readonly string[];
  readonly opportunity?: string;
  readonly attitudes?: Readonly<Record<string, Attitude>>;
  readonly summary?: string;
  readonly next?: string;
}

/** A visit entry with only the keys that have a value, in the key order of docs/format.md (Visit). */
export function visitEntry(v: VisitInput): Record<string, unknown> {
  const out: Record<string, unknown> = { date: v.date };
  if (v.purpose) out.purpose = v.purpose;
  if (v.with?.length) out.with = [...v.with];
  if (v.opportunity) out.opportunity = v.opportunity;
  if (v.attitudes && Object.keys(v.attitudes).length) out.attitudes = { ...v.attitudes };
  if (v.summary) out.summary = v.summary;
  if (v.next) out.next = v.next;
  return out;
}

export interface StakeholderInput {
  readonly id: string;
  readonly name: string;
  readonly title?: string;
  readonly roles?: readonly string[];
  readonly layer?: string;
  readonly attitude?: Attitude;
}

export function stakeholderEntry(s: StakeholderInput): Record<string, unknown> {
  const out: Record<string, unknown> = { id: s.id, name: s.name };
  if (s.title) out.title = s.title;
  if (s.roles?.length) out.roles = [...s.roles];
  if (s.layer) out.layer = s.layer;
  if (s.attitude) out.attitude = s.attitude;
  return out;
}

export type { Stage };
