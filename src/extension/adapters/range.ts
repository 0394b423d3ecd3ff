import * as vscode from 'vscode';
import type { Range } from '../../core';

/** The engine's ranges are 0-based lines and UTF-16 characters, like VS Code's. */
export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
