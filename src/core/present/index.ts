/** Presenting a change set: in words, as Markdown, with plan text escaped; as the Compare panel's model; in one line. */
export { describeChanges, describeItemChanges, type ItemChangeLine, type DescribedChanges, type AccountLines, type ChangeLine, type FindingLine, type Tone, type WaterfallTable } from './describe-changes';
export { renderChangeMarkdown, utf8Length, type MarkdownOptions } from './render-markdown';
export { escapePlanText, ZWJ } from './markdown-escape';
export { isolateBidi, showBidiControls, hasBidiControls } from '../i18n/bidi';
export { summariseChanges, SUMMARY_PARTS } from './change-summary';
export {
  comparePanelModel, type ComparePanelModel, type AccountPanel, type DealChangeRow, type PersonChangeRow, type PanelLine, type Move, type Tile,
  type WaterfallBar, type WaterfallChart,
} from './compare-model';
export { TreePages, TREE_PAGE_SIZE, type TreePage } from './tree-pages';
