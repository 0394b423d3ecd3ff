import * as vscode from 'vscode';
import { language, todayLocal, type Settings } from '../../../core';
import { DIAGNOSTIC_SOURCE } from '../../constants';
import { money, type PlanDocument } from './plan-document';
import { displayLocale } from '../../words';

/** Quick fixes for the engine's findings behind the diagnostics in the request. */
export function provideCodeActions(plan: PlanDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const out: vscode.CodeAction[] = [];
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
    const finding = plan.analysis?.findings.find((f) => f.code === code && plan.range(f.offset.start, f.offset.end).isEqual(diagnostic.range));
    if (!finding) continue;
    for (const fix of language.fixesFor(plan.text, finding, plan.analysis, todayLocal(), displayLocale())) {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.preferred;
      if (fix.edits) action.edit = plan.edit(fix.edits);
      if (fix.command) action.command = { command: fix.command, title: fix.title, arguments: [plan.doc.uri] };
      out.push(action);
    }
  }
  return out;
}

export function provideCodeLenses(plan: PlanDocument, settings: Settings): vscode.CodeLens[] {
  return language.lenses(plan.tree, plan.analysis, settings, money, displayLocale()).map((l) => {
    const range = plan.range(l.offset, l.offset);
    return new vscode.CodeLens(range, l.command
      ? { title: l.title, command: l.command.id, arguments: [plan.doc.uri, ...l.command.args] }
      : { title: l.title, command: '' });
  });
}
