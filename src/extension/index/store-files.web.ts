import * as vscode from 'vscode';

/** The browser build's shard reads (esbuild.js puts this module in store-files.ts's place): no Node fs there. */
export const readStoreFile = (uri: vscode.Uri): Thenable<Uint8Array> => vscode.workspace.fs.readFile(uri);
