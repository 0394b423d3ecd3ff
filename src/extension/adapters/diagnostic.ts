import * as vscode from 'vscode';
import { StoredFinding, type Finding, type Severity } from '../../core';
import { DIAGNOSTIC_SOURCE } from '../constants';
import { toRange } from './range';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const toDiagnosticSeverity = (s: Severity): vscode.DiagnosticSeverity => SEVERITY[s];

/** A finding as a diagnostic whose code links to the rule's section of the bundled reference. */
export function findingToDiagnostic(finding: Finding, rulesDoc: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(finding), finding.message, toDiagnosticSeverity(finding.severity));
  d.source = DIAGNOSTIC_SOURCE;
  d.code = ruleCode(rulesDoc, finding.code);
  return d;
}

/** A stored finding's range straight from its numbers (its `range` would be three objects made to be read once: 64,000 on a reopen). */
const rangeOf = (finding: Finding): vscode.Range => (finding instanceof StoredFinding ? finding.rangeAs(makeRange) : toRange(finding.range));
const makeRange = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): vscode.Range =>
  new vscode.Range(startLine, startCharacter, endLine, endCharacter);

type RuleCodeLink = { readonly value: string; readonly target: vscode.Uri };

/**
 * One code and link per rule, made once and shared (frozen) by its diagnostics: a
 * reopened workspace turns tens of thousands of findings into diagnostics at once.
 */
const codes = new WeakMap<vscode.Uri, Map<string, RuleCodeLink>>();
function ruleCode(rulesDoc: vscode.Uri, code: string): RuleCodeLink {
  let byCode = codes.get(rulesDoc);
  if (!byCode) codes.set(rulesDoc, (byCode = new Map()));
  let link = byCode.get(code);
  if (!link) byCode.set(code, (link = Object.freeze({ value: code, target: rulesDoc.with({ fragment: code.toLowerCase() }) })));
  return link;
}
