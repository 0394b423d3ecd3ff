/** The engine's public surface: editor, command line and tests import from here only. */
export * from './types';
export * from './method';
export * from './model';
export * from './analysis';
export * from './settings';
export { checkPlan, locate, type CheckOptions } from './check';
export { forecast, type ForecastReport, type Money } from './forecast';
export { todayLocal, isPlanFile, isIsoDate } from './dates';
export { planJsonSchema, PlanSchema, StakeholderSchema, OpportunitySchema, VisitSchema, FIXED_KEYS, type PlanDocument } from './schema';
export { RULE_INFO } from './rule-info';
export { splitFrontmatter, stripBom, type FrontmatterSplit } from './frontmatter';
export { suggest } from './validate';
export { appendListItem, setScalar, applyEdits, renderYaml, type TextEdit, type ListKey } from './edits';
export * from './views';
export { newPlanText, slugify, visitEntry, stakeholderEntry, type NewPlan, type VisitInput, type StakeholderInput } from './templates';
