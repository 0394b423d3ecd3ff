import * as vscode from 'vscode';
import type { Finding, Severity } from '../../core';
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
  const d = new vscode.Diagnostic(toRange(finding.range), finding.message, toDiagnosticSeverity(finding.severity));
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: finding.code, target: ruleLink(rulesDoc, finding.code) };
  return d;
}

/** One link per rule, made once: a reopened workspace turns tens of thousands of findings into diagnostics at once. */
const links = new WeakMap<vscode.Uri, Map<string, vscode.Uri>>();
function ruleLink(rulesDoc: vscode.Uri, code: string): vscode.Uri {
  let byCode = links.get(rulesDoc);
  if (!byCode) links.set(rulesDoc, (byCode = new Map()));
  let link = byCode.get(code);
  if (!link) byCode.set(code, (link = rulesDoc.with({ fragment: code.toLowerCase() })));
  return link;
}
