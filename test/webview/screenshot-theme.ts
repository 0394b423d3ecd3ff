/** VS Code's Dark Modern and Light Modern colours, as the README's panel screenshots set them on <html>. */
const FONT = 'system-ui, "Segoe UI", "Noto Sans CJK SC", sans-serif';
export const DARK = {
  '--vscode-font-family': FONT, '--vscode-font-size': '13px',
  '--vscode-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-editor-background': '#1f1f1f',
  '--vscode-sideBar-background': '#181818', '--vscode-panel-border': '#2b2b2b', '--vscode-editorWidget-border': '#313131',
  '--vscode-charts-green': '#89d185', '--vscode-charts-blue': '#3794ff', '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-purple': '#b180d7', '--vscode-charts-red': '#f14c4c', '--vscode-charts-foreground': '#cccccc',
  '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-dropdown-background': '#313131',
  '--vscode-dropdown-border': '#3c3c3c', '--vscode-dropdown-foreground': '#cccccc', '--vscode-textLink-foreground': '#4daafc',
  '--vscode-editorWarning-foreground': '#cca700',
};
export const LIGHT = {
  '--vscode-font-family': FONT, '--vscode-font-size': '13px',
  '--vscode-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171', '--vscode-editor-background': '#ffffff',
  '--vscode-sideBar-background': '#f8f8f8', '--vscode-panel-border': '#e5e5e5', '--vscode-editorWidget-border': '#e5e5e5',
  '--vscode-charts-green': '#388a34', '--vscode-charts-blue': '#1a85ff', '--vscode-charts-yellow': '#bf8803',
  '--vscode-charts-purple': '#652d90', '--vscode-charts-red': '#e51400', '--vscode-charts-foreground': '#616161',
  '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-dropdown-background': '#ffffff',
  '--vscode-dropdown-border': '#cecece', '--vscode-dropdown-foreground': '#3b3b3b', '--vscode-textLink-foreground': '#005fb8',
  '--vscode-editorWarning-foreground': '#bf8803',
};

