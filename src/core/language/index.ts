/** Editor intelligence over a plan's text: pure, so it is tested in Node and shared by every front end. */
export { yamlTree, nodeAt, type YamlTree, type Hit } from './yaml-tree';
export { occurrences, occurrenceAt, sameSymbol, renameEdits, type Occurrence, type IdKind } from './occurrences';
export { complete, type CompletionEntry, type CompletionContext } from './completion';
export { hoverAt, esc as escapeMarkdown, type HoverInfo } from './hover';
export { fixesFor, closeDates, type CodeFix } from './fixes';
export { lenses, type Lens } from './lenses';
export { documentSymbols, type PlanSymbol } from './symbols';
export { ITEM_SNIPPETS, snippetText, type ItemSnippet, type SnippetField } from './item-snippets';
