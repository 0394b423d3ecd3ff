import * as vscode from 'vscode';
import { language, todayLocal, type Settings } from '../../../core';
import { DIAGNOSTIC_SOURCE } from '../../constants';
import { money, type PlanDocument } from './plan-document';
import { displayLocale, t } from '../../words';

/** The finding a quick fix was offered for, as it was in the version of the document it was offered on. */
interface FixBasis {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly code: string;
  readonly start: number;
  readonly end: number;
  /** The text the finding points at, and its data: to find the same finding in a changed document. */
  readonly target: string;
  readonly data: string;
}

/**
 * A quick fix whose edit is built when it is chosen (resolveCodeAction), from the document as it
 * is then: a fix offered before the buffer changed (typing, a reload from disk) is not applied
 * blindly at offsets that no longer hold its target.
 */
export class PlanFixAction extends vscode.CodeAction {
  constructor(title: string, readonly basis: FixBasis) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

/** Quick fixes for the engine's findings behind the diagnostics in the request. */
export function provideCodeActions(plan: PlanDocument, context: Pick<vscode.CodeActionContext, 'diagnostics'>): vscode.CodeAction[] {
  const out: vscode.CodeAction[] = [];
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
    const finding = plan.analysis?.findings.find((f) => f.code === code && plan.range(f.offset.start, f.offset.end).isEqual(diagnostic.range));
    if (!finding) continue;
    for (const fix of language.fixesFor(plan.text, finding, plan.analysis, todayLocal(), displayLocale())) {
      const basis = {
        uri: plan.doc.uri, version: plan.doc.version, code, start: finding.offset.start, end: finding.offset.end,
        target: plan.text.slice(finding.offset.start, finding.offset.end), data: JSON.stringify(finding.data ?? {}),
      };
      const action = fix.edits ? new PlanFixAction(fix.title, basis) : new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.preferred;
      if (fix.command) action.command = { command: fix.command, title: fix.title, arguments: [plan.doc.uri] };
      out.push(action);
    }
  }
  return out;
}

/**
 * Fills in a quick fix's edit for the document as it is now. When it changed since the fix was
 * offered, the same finding (same rule, same text, same data) is looked up again; if it is gone or
 * no longer unique, or no longer offers this fix, nothing is changed and the user is told.
 */
export function resolveFix(action: vscode.CodeAction, planOf: (doc: vscode.TextDocument) => PlanDocument | undefined): vscode.CodeAction {
  if (!(action instanceof PlanFixAction)) return action;
  const b = action.basis;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === b.uri.toString());
  const plan = doc && planOf(doc);
  const same = plan?.analysis?.findings.filter((f) => f.code === b.code && (doc?.version === b.version
    ? f.offset.start === b.start && f.offset.end === b.end
    : plan.text.slice(f.offset.start, f.offset.end) === b.target && JSON.stringify(f.data ?? {}) === b.data)) ?? [];
  const fix = plan && same.length === 1
    ? language.fixesFor(plan.text, same[0], plan.analysis, todayLocal(), displayLocale()).find((f) => f.title === action.title)
    : undefined;
  if (plan && fix?.edits) action.edit = plan.edit(fix.edits);
  else void vscode.window.showWarningMessage(t('ext.planChanged', { file: vscode.workspace.asRelativePath(b.uri) }));
  return action;
}

export function provideCodeLenses(plan: PlanDocument, settings: Settings): vscode.CodeLens[] {
  return language.lenses(plan.tree, plan.analysis, settings, money, displayLocale()).map((l) => {
    const range = plan.range(l.offset, l.offset);
    return new vscode.CodeLens(range, l.command
      ? { title: l.title, command: l.command.id, arguments: [plan.doc.uri, ...l.command.args] }
      : { title: l.title, command: '' });
  });
}
