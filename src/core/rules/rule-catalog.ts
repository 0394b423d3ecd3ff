import type { RuleCode, Severity } from '../model/finding';

/** Each rule's default severity and one-line description (docs/rules.md). */
export const RULE_INFO: Record<RuleCode, { readonly severity: Severity; readonly title: string; readonly zh: string }> = {
  AP001: { severity: 'error', title: 'No frontmatter, or the YAML cannot be parsed', zh: '缺少 frontmatter 或 YAML 无法解析' },
  AP002: { severity: 'error', title: 'A value does not fit the schema', zh: '取值不符合格式' },
  AP003: { severity: 'warning', title: 'Unknown key', zh: '未知键' },
  AP004: { severity: 'error', title: 'Duplicate stakeholder or opportunity id', zh: '联系人或商机 id 重复' },
  AP005: { severity: 'error', title: 'A reference names no such stakeholder or opportunity', zh: '引用了不存在的联系人或商机' },
  AP006: { severity: 'error', title: 'reports_to forms a cycle', zh: 'reports_to 形成环' },
  AP010: { severity: 'warning', title: 'A required buying role is not covered', zh: '缺少必需的买家角色' },
  AP011: { severity: 'warning', title: 'Nobody in the decision layer', zh: '拍板层无人' },
  AP012: { severity: 'warning', title: 'An economic or technical buyer doubts or opposes', zh: '经济或技术买家怀疑或反对' },
  AP013: { severity: 'warning', title: 'A coach who does not support us', zh: '教练买家不支持我们' },
  AP020: { severity: 'warning', title: 'Stale account', zh: '客户久未拜访' },
  AP021: { severity: 'warning', title: 'Economic buyer not visited recently', zh: '经济买家近期未拜访' },
  AP022: { severity: 'information', title: 'The decision layer is visited too often', zh: '拍板层拜访过于频繁' },
  AP023: { severity: 'information', title: 'Decision layer visited without an executive', zh: '拜访拍板层无我方高层同行' },
  AP030: { severity: 'warning', title: 'Close date in the past', zh: '预计成交日期已过' },
  AP031: { severity: 'warning', title: 'Late stage without a supporting economic buyer', zh: '后期阶段缺少支持我们的经济买家' },
  AP032: { severity: 'warning', title: 'Single-threaded opportunity', zh: '单线联系' },
  AP040: { severity: 'information', title: 'Attitude differs from the last one seen', zh: '态度与最近记录不一致' },
  AP050: { severity: 'error', title: 'Gift recorded where gifts are forbidden', zh: '禁止送礼却记录了礼品' },
};
