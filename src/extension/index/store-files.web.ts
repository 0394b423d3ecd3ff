import * as vscode from 'vscode';

/** The browser build's shard reads (esbuild.js puts this module in store-files.ts's place): no Node fs there. */
export const readStoreFile = (uri: vscode.Uri): Thenable<Uint8Array> => vscode.workspace.fs.readFile(uri);

/** A file's stamp, through vscode.workspace.fs. */
export const fileStamp = (uri: vscode.Uri): Thenable<{ mtime: number; size: number }> => vscode.workspace.fs.stat(uri);
