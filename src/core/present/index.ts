/** Presenting a change set: in words, as Markdown, with plan text escaped. */
export { describeChanges, describeItemChanges, type ItemChangeLine, type DescribedChanges, type AccountLines, type ChangeLine, type FindingLine, type Tone, type WaterfallTable } from './describe-changes';
export { renderChangeMarkdown, utf8Length, type MarkdownOptions } from './render-markdown';
export { escapePlanText, ZWJ } from './markdown-escape';
