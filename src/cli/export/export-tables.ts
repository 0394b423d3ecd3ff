import type { Finding, OpportunityFacts, Plan, PlanAnalysis, StakeholderFacts, Visit } from '../../core/index';
import { toCliFinding } from '../format/findings';

/** One value of a flat table: CSV writes a list joined by `; `, JSON Lines keeps it a list. */
export type Cell = string | number | boolean | readonly string[] | undefined;

export const TABLES = ['opportunities', 'stakeholders', 'visits', 'findings'] as const;
export type TableName = (typeof TABLES)[number];

/** Every table starts with where the row comes from. */
const SOURCE = ['account_id', 'account', 'file'] as const;

/** The columns of each table, in order: the contract BI tools read (append, never reorder). */
export const COLUMNS = {
  opportunities: [...SOURCE, 'opportunity_id', 'opportunity', 'stage', 'status', 'probability', 'category', 'forecast_override',
    'currency', 'amount', 'weighted', 'close', 'customer_step', 'next', 'owner', 'tier'],
  stakeholders: [...SOURCE, 'stakeholder_id', 'name', 'title', 'department', 'reports_to', 'roles', 'layer', 'influence',
    'attitude', 'attitude_source', 'target_attitude', 'grid_personal', 'grid_company', 'left', 'gone', 'last_contact'],
  visits: [...SOURCE, 'date', 'purpose', 'with', 'with_names', 'by', 'executive', 'opportunity', 'attitudes', 'gift', 'summary', 'next', 'past'],
  findings: [...SOURCE, 'code', 'severity', 'message', 'line', 'column', 'end_line', 'end_column'],
} as const satisfies Record<TableName, readonly string[]>;

export type Row<T extends TableName> = Record<(typeof COLUMNS)[T][number], Cell>;

/** One analysed plan file, as the command line found it. */
export interface ExportSource {
  readonly file: string;
  readonly analysis: PlanAnalysis;
}

/** The rows of `table` for one plan; a plan whose frontmatter did not parse has findings only. */
export function tableRows<T extends TableName>(table: T, source: ExportSource, today: string): Row<T>[] {
  const { plan, facts } = source.analysis;
  if (table === 'findings') return source.analysis.findings.map((f) => findingRow(source, f)) as Row<T>[];
  if (!plan || !facts) return [];
  const from = { account_id: plan.id, account: plan.account, file: source.file };
  switch (table) {
    case 'opportunities': return facts.opportunities.map((o) => opportunityRow(from, plan, o)) as Row<T>[];
    case 'stakeholders': return facts.stakeholders.map((s) => stakeholderRow(from, plan, s)) as Row<T>[];
    default: return plan.visits.map((v) => visitRow(from, plan, v, today)) as Row<T>[];
  }
}

type From = Pick<Row<'opportunities'>, (typeof SOURCE)[number]>;

function opportunityRow(from: From, plan: Plan, f: OpportunityFacts): Row<'opportunities'> {
  const o = f.opportunity;
  return {
    ...from,
    opportunity_id: o.id,
    opportunity: o.name,
    stage: f.stage,
    status: f.open ? 'open' : f.won ? 'won' : f.stage === 'lost' ? 'lost' : undefined,
    probability: f.probability,
    category: f.category,
    forecast_override: o.forecast,
    currency: f.currency,
    amount: o.amount,
    weighted: f.weighted,
    close: o.close,
    customer_step: f.customerStep,
    next: typeof o.next === 'string' ? [o.next] : o.next,
    owner: plan.owner,
    tier: plan.tier,
  };
}

function stakeholderRow(from: From, plan: Plan, f: StakeholderFacts): Row<'stakeholders'> {
  const s = f.stakeholder;
  const source = f.attitudeFrom === undefined ? undefined
    : f.attitudeFrom === 'field' ? 'field'
      : `visit ${plan.visits.find((v) => v.index === (f.attitudeFrom as { visitIndex: number }).visitIndex)?.date ?? ''}`.trim();
  return {
    ...from,
    stakeholder_id: s.id,
    name: s.name,
    title: s.title,
    department: s.department,
    reports_to: s.reports_to,
    roles: s.roles,
    layer: s.layer,
    influence: s.influence,
    attitude: f.attitude,
    attitude_source: source,
    target_attitude: s.target?.attitude,
    grid_personal: s.grid?.personal,
    grid_company: s.grid?.company,
    left: s.left,
    gone: f.gone,
    last_contact: f.lastContact,
  };
}

function visitRow(from: From, plan: Plan, v: Visit, today: string): Row<'visits'> {
  const nameOf = (id: string) => plan.stakeholders.find((s) => s.id === id)?.name ?? id;
  return {
    ...from,
    date: v.date,
    purpose: v.purpose,
    with: v.with,
    with_names: v.with?.map(nameOf),
    by: v.by,
    executive: v.executive,
    opportunity: v.opportunity,
    attitudes: v.attitudes ? Object.entries(v.attitudes).map(([id, a]) => `${id}: ${a}`) : undefined,
    gift: v.gift,
    summary: v.summary,
    next: v.next,
    past: v.date !== undefined ? v.date <= today : undefined,
  };
}

function findingRow(source: ExportSource, f: Finding): Row<'findings'> {
  const c = toCliFinding(source.file, f);
  const plan = source.analysis.plan;
  return {
    account_id: plan?.id, account: plan?.account, file: source.file,
    code: c.code, severity: c.severity, message: c.message, line: c.line, column: c.column, end_line: c.endLine, end_column: c.endColumn,
  };
}
