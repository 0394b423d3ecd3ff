import * as vscode from 'vscode';
import { splitShard, type ShardFile } from '../../core';

/** The browser build's shard reads (esbuild.js puts this module in store-files.ts's place): no Node fs there, a whole file at a time. */
export const readShardFile = async (uri: vscode.Uri): Promise<ShardFile> => splitShard(await vscode.workspace.fs.readFile(uri));

/** A file's stamp, through vscode.workspace.fs. */
export const fileStamp = (uri: vscode.Uri): Thenable<{ mtime: number; size: number }> => vscode.workspace.fs.stat(uri);
