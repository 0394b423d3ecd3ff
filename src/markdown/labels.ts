import {
  ATTITUDE_INFO, LAYER_INFO, ROLE_INFO,
  type AttitudeLetter, type BuyingRole, type Layer, type Locale, type Purpose, type Severity,
} from '../core/index';

/** The words of the plan card, in English and Simplified Chinese (the engine's two languages). */
export interface CardLabels {
  readonly card: string;
  readonly owner: string;
  readonly industry: string;
  readonly relationship: string;
  readonly ownership: string;
  readonly competitors: string;
  readonly openPipeline: string;
  readonly weighted: string;
  readonly lastVisit: string;
  readonly nextVisit: string;
  readonly findings: string;
  readonly stakeholders: string;
  readonly name: string;
  readonly title: string;
  readonly roles: string;
  readonly layer: string;
  readonly attitude: string;
  readonly lastContact: string;
  readonly pipeline: string;
  readonly opportunity: string;
  readonly stage: string;
  readonly amount: string;
  readonly close: string;
  readonly forecast: string;
  readonly openTotal: string;
  readonly visits: string;
  readonly planned: string;
  readonly with: string;
  readonly by: string;
  readonly next: string;
  readonly executive: string;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly line: string;
  readonly noFindings: string;
  readonly noStakeholders: string;
  readonly noOpportunities: string;
  readonly noVisits: string;
  readonly unreadable: string;
  readonly unknown: string;
  readonly none: string;
  left(date: string): string;
  days(n: number): string;
  count(n: number, what: 'opportunity' | 'error' | 'warning' | 'information' | 'hint'): string;
  role(r: BuyingRole): string;
  layerName(l: Layer): string;
  attitudeName(l: AttitudeLetter): string;
  purpose(p: Purpose): string;
  relationshipName(r: string): string;
  ownershipName(o: string): string;
  category(c: string): string;
  severityName(s: Severity): string;
}

const RELATIONSHIP_ZH: Record<string, string> = {
  incubation: '孕育期', initial: '初期', middle: '中期', high: '高期', strategic: '战略期', interrupted: '间断期',
};
const OWNERSHIP_ZH: Record<string, string> = {
  'state-owned': '国有企业', private: '民营企业', individual: '个体', collective: '集体企业',
  'joint-venture': '合资企业', foreign: '外资企业', government: '政府、事业单位',
};
const PURPOSE_ZH: Record<Purpose, string> = {
  sign: '签单', relationship: '维系关系', progress: '检查进度', solution: '沟通方案', research: '市场调研',
};
const CATEGORY_EN: Record<string, string> = {
  pipeline: 'pipeline', 'best-case': 'best case', commit: 'commit', omitted: 'omitted', won: 'won', lost: 'lost',
};
const CATEGORY_ZH: Record<string, string> = {
  pipeline: '管道', 'best-case': '最佳情况', commit: '承诺', omitted: '不计入', won: '赢单', lost: '丢单',
};
const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', information: '提示', hint: '建议' };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const en: CardLabels = {
  card: 'Account plan',
  owner: 'Owner',
  industry: 'Industry',
  relationship: 'Relationship',
  ownership: 'Ownership',
  competitors: 'Competitors',
  openPipeline: 'Open pipeline',
  weighted: 'Weighted',
  lastVisit: 'Last visit',
  nextVisit: 'Next visit',
  findings: 'Findings',
  stakeholders: 'Stakeholders',
  name: 'Name',
  title: 'Title',
  roles: 'Roles',
  layer: 'Layer',
  attitude: 'Attitude',
  lastContact: 'Last contact',
  pipeline: 'Pipeline',
  opportunity: 'Opportunity',
  stage: 'Stage',
  amount: 'Amount',
  close: 'Close',
  forecast: 'Forecast',
  openTotal: 'Open total',
  visits: 'Visits',
  planned: 'planned',
  with: 'With',
  by: 'By',
  next: 'Next',
  executive: 'with our executive',
  code: 'Code',
  severity: 'Severity',
  message: 'Message',
  line: 'Line',
  noFindings: 'No findings: the plan passes every rule.',
  noStakeholders: 'No stakeholders yet.',
  noOpportunities: 'No opportunities yet.',
  noVisits: 'No visits logged yet.',
  unreadable: 'The frontmatter could not be read; see the findings.',
  unknown: 'unknown',
  none: 'none',
  left: (date) => `left ${date}`,
  days: (n) => (n === 0 ? 'today' : n === 1 ? 'yesterday' : n === -1 ? 'tomorrow' : n > 0 ? `${n} days ago` : `in ${-n} days`),
  count: (n, what) => (what === 'opportunity' ? plural(n, 'opportunity', 'opportunities') : what === 'information' ? `${n} information` : plural(n, what)),
  role: (r) => r,
  layerName: (l) => l,
  attitudeName: (l) => ATTITUDE_INFO[l].en,
  purpose: (p) => p,
  relationshipName: (r) => r,
  ownershipName: (o) => o,
  category: (c) => CATEGORY_EN[c] ?? c,
  severityName: (s) => s,
};

const zh: CardLabels = {
  card: '客户计划',
  owner: '客户经理',
  industry: '行业',
  relationship: '关系阶段',
  ownership: '企业体制',
  competitors: '竞争对手',
  openPipeline: '在途商机',
  weighted: '加权金额',
  lastVisit: '最近拜访',
  nextVisit: '下次拜访',
  findings: '检查结果',
  stakeholders: '关键人',
  name: '姓名',
  title: '职务',
  roles: '角色',
  layer: '层级',
  attitude: '态度',
  lastContact: '最近接触',
  pipeline: '商机',
  opportunity: '商机',
  stage: '阶段',
  amount: '金额',
  close: '预计成交',
  forecast: '预测类别',
  openTotal: '在途合计',
  visits: '拜访记录',
  planned: '计划',
  with: '拜访对象',
  by: '我方',
  next: '下一步',
  executive: '高层陪同',
  code: '代码',
  severity: '级别',
  message: '说明',
  line: '行',
  noFindings: '没有问题:计划通过全部规则。',
  noStakeholders: '还没有关键人。',
  noOpportunities: '还没有商机。',
  noVisits: '还没有拜访记录。',
  unreadable: '无法读取 frontmatter,见检查结果。',
  unknown: '未知',
  none: '无',
  left: (date) => `${date} 离任`,
  days: (n) => (n === 0 ? '今天' : n === 1 ? '昨天' : n === -1 ? '明天' : n > 0 ? `${n} 天前` : `${-n} 天后`),
  count: (n, what) => `${n} ${{ opportunity: '个商机', error: '个错误', warning: '个警告', information: '条提示', hint: '条建议' }[what]}`,
  role: (r) => ROLE_INFO[r].zh,
  layerName: (l) => LAYER_INFO[l].zh,
  attitudeName: (l) => ATTITUDE_INFO[l].zh,
  purpose: (p) => PURPOSE_ZH[p],
  relationshipName: (r) => RELATIONSHIP_ZH[r] ?? r,
  ownershipName: (o) => OWNERSHIP_ZH[o] ?? o,
  category: (c) => CATEGORY_ZH[c] ?? c,
  severityName: (s) => SEVERITY_ZH[s],
};

export const cardLabels = (locale: Locale = 'en'): CardLabels => (locale === 'zh-cn' ? zh : en);
