import * as vscode from 'vscode';
import type { TextEdit } from '../../../core';
import { t } from '../../words';

/** What a command's answers were based on: the document's version when the plan was read. */
export interface EditBasis {
  readonly version: number;
  /**
   * When the document changed since (typed in, or reloaded from disk while the prompts were
   * open): whether the answers still hold for its text now. Then the edit is rebuilt from that
   * text; otherwise nothing is written and the user is told.
   */
  readonly stillFits: (text: string) => boolean;
  /** Why the builder gave no edit for this text (default: the frontmatter cannot be read). */
  readonly declined?: (text: string) => string | undefined;
}

/**
 * Applies an engine edit to a plan as one WorkspaceEdit: it lands in the open buffer (unsaved
 * changes respected), is undone in one step, and leaves every other byte alone. The edit is built
 * from the buffer's text at this moment, never from an older copy.
 */
export async function applyPlanEdit(doc: vscode.TextDocument, build: (text: string) => TextEdit | undefined, basis: EditBasis): Promise<boolean> {
  const file = vscode.workspace.asRelativePath(doc.uri);
  const text = doc.getText();
  if (doc.version !== basis.version && !basis.stillFits(text)) {
    void vscode.window.showWarningMessage(t('ext.planChanged', { file }));
    return false;
  }
  const edit = build(text);
  if (!edit) {
    void vscode.window.showErrorMessage(basis.declined?.(text) ?? t('ext.noFrontmatter', { file }));
    return false;
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const we = new vscode.WorkspaceEdit();
  we.replace(doc.uri, new vscode.Range(doc.positionAt(edit.start + bom), doc.positionAt(edit.end + bom)), edit.newText);
  // Built and sent in one go: VS Code refuses the edit if the buffer moved on before it landed.
  const applied = await vscode.workspace.applyEdit(we);
  if (!applied) void vscode.window.showWarningMessage(t('ext.planChanged', { file }));
  return applied;
}
