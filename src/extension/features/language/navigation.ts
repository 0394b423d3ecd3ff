import * as vscode from 'vscode';
import { language } from '../../../core';
import type { PlanDocument } from './plan-document';
import { displayLocale, t } from '../../words';

function symbolAt(plan: PlanDocument, position: vscode.Position) {
  const at = language.occurrenceAt(plan.tree, plan.offset(position));
  return at ? { at, all: language.occurrences(plan.tree).filter(language.sameSymbol(at)) } : undefined;
}

export function provideDefinition(plan: PlanDocument, position: vscode.Position): vscode.Location[] {
  const s = symbolAt(plan, position);
  return s ? s.all.filter((o) => o.role === 'definition').map((o) => new vscode.Location(plan.doc.uri, plan.range(o.start, o.end))) : [];
}

export function provideReferences(plan: PlanDocument, position: vscode.Position, includeDeclaration: boolean): vscode.Location[] {
  const s = symbolAt(plan, position);
  return s ? s.all.filter((o) => includeDeclaration || o.role === 'reference').map((o) => new vscode.Location(plan.doc.uri, plan.range(o.start, o.end))) : [];
}

export function provideHighlights(plan: PlanDocument, position: vscode.Position): vscode.DocumentHighlight[] {
  const s = symbolAt(plan, position);
  return s ? s.all.map((o) => new vscode.DocumentHighlight(plan.range(o.start, o.end),
    o.role === 'definition' ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read)) : [];
}

export function prepareRename(plan: PlanDocument, position: vscode.Position): vscode.Range {
  const at = language.occurrenceAt(plan.tree, plan.offset(position));
  if (!at) throw new Error(t('rename.notHere'));
  return plan.range(at.start, at.end);
}

export function provideRename(plan: PlanDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
  const r = language.renameEdits(plan.tree, plan.offset(position), newName, displayLocale());
  if ('error' in r) throw new Error(r.error);
  return plan.edit(r.edits);
}

const SYMBOL_KIND: Record<language.PlanSymbol['kind'], vscode.SymbolKind> = {
  account: vscode.SymbolKind.Module,
  group: vscode.SymbolKind.Namespace,
  person: vscode.SymbolKind.Constructor,
  deal: vscode.SymbolKind.Event,
  visit: vscode.SymbolKind.Key,
};

export function provideDocumentSymbols(plan: PlanDocument): vscode.DocumentSymbol[] {
  const convert = (s: language.PlanSymbol): vscode.DocumentSymbol => {
    const d = new vscode.DocumentSymbol(s.name || '?', s.detail, SYMBOL_KIND[s.kind], plan.range(s.start, s.end), plan.range(s.selectionStart, s.selectionEnd));
    d.children = s.children.map(convert);
    return d;
  };
  return language.documentSymbols(plan.tree, plan.analysis).map(convert);
}
