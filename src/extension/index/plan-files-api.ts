import type * as vscode from 'vscode';

/** A file's stamp: what tells the index whether its stored analysis is still of this file. */
export interface DiskStamp { readonly mtime: number; readonly size: number; readonly isFile: boolean }

/**
 * How the index reads plans that are not open in an editor. A missing file rejects with
 * FileSystemError.FileNotFound. One implementation per build: plan-files.ts (Node) and
 * plan-files.web.ts (the browser, web worker extension host).
 */
export interface PlanFiles {
  /** Whether `uri` lives on a file system that can be searched, watched and read. */
  hasFileSystem(uri: vscode.Uri): boolean;
  stat(uri: vscode.Uri): Promise<DiskStamp>;
  read(uri: vscode.Uri, decoder: { decode(bytes: Uint8Array): string }): Promise<string>;
}
