/** Calls `redraw` whenever VS Code swaps the body's theme class or the CSS variables (a colour theme change). */
export function onThemeChange(redraw: () => void): void {
  const observer = new MutationObserver(redraw);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
}
