import * as vscode from 'vscode';
import type { TextEdit } from '../../../core';
import { t } from '../../words';

/**
 * Applies an engine edit to a plan as one WorkspaceEdit: it lands in the open buffer (unsaved
 * changes respected), is undone in one step, and leaves every other byte alone.
 */
export async function applyPlanEdit(doc: vscode.TextDocument, edit: TextEdit | undefined): Promise<boolean> {
  if (!edit) {
    void vscode.window.showErrorMessage(t('ext.noFrontmatter', { file: vscode.workspace.asRelativePath(doc.uri) }));
    return false;
  }
  const bom = doc.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
  const we = new vscode.WorkspaceEdit();
  we.replace(doc.uri, new vscode.Range(doc.positionAt(edit.start + bom), doc.positionAt(edit.end + bom)), edit.newText);
  return vscode.workspace.applyEdit(we);
}
