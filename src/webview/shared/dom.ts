/**
 * DOM helpers for webviews. Every string from a plan goes in through `textContent` or an
 * attribute set with `setAttribute`, never as HTML, so a name like `<img onerror=…>` is text.
 */
type Attrs = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const c of children) if (c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | undefined)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  for (const c of children) if (c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

function setAttrs(node: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (/^on/i.test(k)) throw new Error(`event handler attributes are not allowed: ${k}`);
    node.setAttribute(k, v === true ? '' : String(v));
  }
}

/** The VS Code webview API (typed loosely; each panel has its own message protocol). */
export interface WebviewApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}
declare function acquireVsCodeApi<State>(): WebviewApi<State>;

/** The real API inside VS Code; a stand-in that records messages when the bundle runs in a plain page (tests). */
export function vscodeApi<State>(): WebviewApi<State> & { sent?: unknown[] } {
  if (typeof acquireVsCodeApi === 'function') return acquireVsCodeApi<State>();
  const sent: unknown[] = [];
  let state: State | undefined;
  const api = { sent, postMessage: (m: unknown) => { sent.push(m); }, getState: () => state, setState: (s: State) => { state = s; } };
  (window as unknown as { __sent: unknown[] }).__sent = sent;
  return api;
}
