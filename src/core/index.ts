/** The engine's public surface: editor, command line and tests import from here only. */
export * from './model/finding';
export {
  translator, plural, wordsOf, localeOf, daysAgo, counted, stageSteps, CATALOGUES,
  type Catalogue, type MessageKey, type Translate, type Words, type KeysOf, type Params, type PluralBase, type MessageParam,
} from './i18n/catalogue';
export { format } from './i18n/format';
export * from './model/selling-method';
export * from './model/attitude-palette';
export * from './model/plan';
export * from './model/plan-analysis';
export * from './model/settings';
export { checkPlan, internalErrorAnalysis, locate, type CheckOptions } from './check-plan';
export { forecast, type ForecastReport } from './rollups/forecast-report';
export { denoise, formatAmount, formatCompactMoney, formatMoney, formatMoneySum, MoneySum, Sum, addUp, type Money } from './model/money';
export { byCodePoint, byName } from './model/name-order';
export { LazilySorted, firstInOrder, type Sliceable } from './model/lazily-sorted';
export * from './rollups/pipeline-rollup';
export * from './rollups/funnel';
export * from './rollups/forecast-model';
export { ForecastBook } from './rollups/forecast-book';
export { csvCell, neutraliseFormula } from './rollups/csv-cell';
export { todayLocal, isPlanFile, isIsoDate } from './model/dates';
export { planJsonSchema, PlanSchema, StakeholderSchema, OpportunitySchema, VisitSchema, type PlanDocument } from './parse/plan-schema';
export { FIXED_KEYS, keyDescription, objectKindAt, type ObjectKind } from './parse/plan-keys';
export { RULE_INFO } from './rules/rule-catalog';
export { splitFrontmatter, stripBom, type FrontmatterSplit } from './parse/frontmatter';
export { parseYaml, newYamlDocument, type DuplicateKeys } from './parse/yaml-document';
export { suggest } from './parse/validate';
export { appendListItem, setScalar, applyEdits, reverseEdit, renderYaml, renderFlow, renderScalar, type TextEdit, type ListKey } from './edits/yaml-edits';
export { dominantEol } from './edits/text-lines';
export * from './rollups/pipeline-groups';
export * from './rollups/role-groups';
export * from './rollups/account-rows';
export { stakeholderMap, freshness, type MapModel, type MapPerson, type MapEdge, type Freshness } from './rollups/stakeholder-map-model';
export { newPlanText, slugify, visitEntry, stakeholderEntry, type NewPlan, type VisitInput, type StakeholderInput } from './edits/plan-template';
export * as language from './language';
export * from './diff';
export * from './merge';
export { factLines } from './textconv/fact-lines';
export * from './present';
export { contentHash, stableJson } from './model/content-hash';
export {
  STORE_FORMAT, STORE_SHARDS, storeKey, planHash, shardOf, toStoredRecord, restampRecord, restoreAnalysis, parseBody,
  StoredBody, type StoredRecord, type StoredPlan, type PlanHead, type PlanBody, type ShardBodies,
} from './model/stored-index';
export { StoredFinding, encodeShard, readShard, splitShard, type ShardFile, type ShardReading, type ShardRejection } from './model/stored-shard';
