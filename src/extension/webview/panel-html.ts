import * as vscode from 'vscode';

/** 32 random characters for a script nonce. */
export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

/** Only the built webview bundles and their CSS may load into a panel. */
const webviewRoots = (extensionUri: vscode.Uri): vscode.Uri[] => [vscode.Uri.joinPath(extensionUri, 'media', 'dist')];

export const webviewOptions = (extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions => ({
  enableScripts: true,
  retainContextWhenHidden: false,
  localResourceRoots: webviewRoots(extensionUri),
});

/**
 * The page of a panel: a strict CSP (`default-src 'none'`, scripts only with the nonce, styles and
 * images only from the extension), the bundle `media/dist/<name>.js` and `<name>.css`. No plan text
 * is put into the HTML: the data comes by `postMessage` and the webview writes it as text. `loading`
 * (from the catalogue) is what the page shows until the host's first message brings the rest of its words.
 */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, name: string, title: string, loading = ''): string {
  const n = nonce();
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dist', file));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data: blob:`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset(`${name}.css`)}">
<title>${escapeAttr(title)}</title>
</head>
<body>
<div id="app" data-loading="${escapeAttr(loading)}"></div>
<script nonce="${n}" src="${asset(`${name}.js`)}"></script>
</body>
</html>`;
}

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
