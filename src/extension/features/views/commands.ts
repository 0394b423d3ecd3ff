import * as vscode from 'vscode';
import { locate } from '../../../core';

export const REVEAL_COMMAND = 'accountPlans.revealNode';

/** Opens a plan and selects the YAML node at `path` (an opportunity, a stakeholder). */
export async function revealNode(uri: vscode.Uri, path: (string | number)[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: true });
  const at = locate(doc.getText(), path) ?? locate(doc.getText(), path.slice(0, 1), 'key');
  if (at) {
    const range = new vscode.Range(doc.positionAt(at.start), doc.positionAt(at.start));
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}
