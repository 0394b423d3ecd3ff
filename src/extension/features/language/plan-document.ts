import * as vscode from 'vscode';
import { checkPlan, formatMoney, language, todayLocal, type PlanAnalysis, type TextEdit } from '../../../core';
import type { Config } from '../../config';
import type { PlanIndex } from '../../index/plan-index';

/** Plans keep the markdown language and are picked by name. */
export const PLAN_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown', pattern: '**/*.account.md' }];

/** A document as editor features see it: its text, the engine's analysis of this version, offset helpers. */
export interface PlanDocument {
  readonly doc: vscode.TextDocument;
  readonly text: string;
  readonly tree: language.YamlTree;
  readonly analysis: PlanAnalysis | undefined;
  /** Offset in the engine's BOM-free text. */
  offset(position: vscode.Position): number;
  range(start: number, end: number): vscode.Range;
  edit(edits: readonly TextEdit[]): vscode.WorkspaceEdit;
}

export function planDocument(doc: vscode.TextDocument, index: PlanIndex, config: () => Config): PlanDocument | undefined {
  const text = doc.getText();
  const tree = language.yamlTree(text);
  if (!tree) return undefined;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const entry = index.entry(doc.uri);
  const fresh = entry?.source.kind === 'buffer' && entry.source.version === doc.version;
  const analysis = fresh ? entry.analysis
    : checkPlan(text, { fileName: doc.uri.path, today: todayLocal(), settings: config().settings });
  const range = (start: number, end: number) => new vscode.Range(doc.positionAt(start + bom), doc.positionAt(end + bom));
  return {
    doc, text, tree, analysis, range,
    offset: (p) => doc.offsetAt(p) - bom,
    edit: (edits) => {
      const we = new vscode.WorkspaceEdit();
      for (const e of edits) we.replace(doc.uri, range(e.start, e.end), e.newText);
      return we;
    },
  };
}

/** An amount in the display language, for hovers and lenses. */
export const money = (amount: number, currency: string): string => formatMoney(amount, currency, vscode.env.language);
