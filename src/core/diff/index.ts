/** The change model: what changed between two sets of plans, as data for every output to render. */
export { diffPlans, diffPath, assembleChanges, type ChangeSet, type AccountDiff, type UnparsablePlan, type PathDiff, type FindingCounts } from './diff-plans';
export { packPath, assemblePacked, packedChangeSetJson, type PackedAccount } from './packed-json';
export type { PlanSet, DiffOptions, PlanSide, AccountChange } from './accounts';
export type { OpportunityDiff, OpportunityEvent, OpportunitySnapshot, DealStatus, Direction } from './opportunities';
export { WATERFALL_STEPS, WATERFALL_SIGN, type Waterfall, type WaterfallBucket, type WaterfallMove, type WaterfallStep } from './waterfall';
export type { StakeholderDiff, StakeholderEvent, PersonSnapshot, CoverageChange, CoverageLoss, VisitRef } from './stakeholders';
export type { VisitChange, VisitSummary, NextStepChange } from './visits';
export { findingKey, type FindingChange, type FindingsDiff } from './findings';
export { planHistory, changesBetween, type PlanHistory, type HistoryEntry, type HistoryInput, type HistoryChange, type HistoryOpportunity, type HistoryPerson, type HistoryOptions } from './plan-history';
