/** The three-way merge of plans, by meaning (git's merge driver). */
export { mergePlans, type PlanMerge, type MergeConflict, type MergeOptions } from './merge-plans';
export { mergeLines, type LineMerge } from './line-merge';
export type { MarkerOptions } from './conflict-markers';
