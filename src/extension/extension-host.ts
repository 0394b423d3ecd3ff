/**
 * Which build this is. The Node build runs in VS Code's Node extension host (the desktop, a remote
 * window, code-server); esbuild.js puts extension-host.web.ts in this module's place in the browser
 * build, which runs in the web worker extension host (github.dev, vscode.dev).
 */
export const EXTENSION_HOST: 'node' | 'web' = 'node';
