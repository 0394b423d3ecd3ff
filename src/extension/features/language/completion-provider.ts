import * as vscode from 'vscode';
import { language, todayLocal } from '../../../core';
import type { PlanDocument } from './plan-document';
import { displayLocale } from '../../words';

const KIND: Record<language.CompletionEntry['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  reference: vscode.CompletionItemKind.Reference,
  snippet: vscode.CompletionItemKind.Snippet,
  date: vscode.CompletionItemKind.Value,
};

/** Keys valid at the cursor, enum values with their meaning, ids of this plan, today's date, item snippets. */
export function provideCompletions(plan: PlanDocument, position: vscode.Position): vscode.CompletionItem[] {
  const entries = language.complete({ text: plan.text, offset: plan.offset(position), analysis: plan.analysis, today: todayLocal(), locale: displayLocale() });
  const word = plan.doc.getWordRangeAtPosition(position, /[^\s[\]{},:]+/);
  return entries.map((e) => {
    const item = new vscode.CompletionItem(e.label, KIND[e.kind]);
    item.detail = e.detail;
    if (e.documentation) item.documentation = new vscode.MarkdownString(language.escapeMarkdown(e.documentation));
    if (e.insertText) item.insertText = e.kind === 'snippet' ? new vscode.SnippetString(e.insertText) : e.insertText;
    item.sortText = e.sortText;
    if (word && e.kind !== 'snippet') item.range = word;
    return item;
  });
}
