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
  d.code = { value: finding.code, target: rulesDoc.with({ fragment: finding.code.toLowerCase() }) };
  return d;
}
