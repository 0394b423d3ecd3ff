/** The browser build (see extension-host.ts): no Node, no child processes, files only through vscode.workspace.fs. */
export const EXTENSION_HOST: 'node' | 'web' = 'web';
