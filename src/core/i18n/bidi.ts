/**
 * Bidirectional controls in a plan's text (Trojan Source): an embedding or override (U+202A–U+202E)
 * or an isolate (U+2066–U+2069) reorders what follows it up to the end of its paragraph, so a name
 * like `Invoice \u202Egpj.exe` shown next to other words would turn those round too. Two remedies,
 * one per kind of output:
 *
 * - `isolateBidi` for a page (webview, SVG, HTML card): the text is wrapped in FIRST STRONG
 *   ISOLATE … POP DIRECTIONAL ISOLATE (U+2068 … U+2069), balanced so that nothing inside can
 *   reach out. Text without a control is returned as it is, so ordinary names are untouched.
 * - `showBidiControls` for a terminal or Markdown, which cannot be relied on to isolate: each
 *   control is shown as its code point, `‹U+202E›`.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const FSI = '\u2068';
const PDI = '\u2069';
const INITIATORS = /[\u2066-\u2068]/;

/** Whether the text holds a bidirectional embedding, override or isolate. */
export function hasBidiControls(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  const found = BIDI_CONTROLS.test(text);
  BIDI_CONTROLS.lastIndex = 0;
  return found;
}

/**
 * The text as one isolated run: `FSI text PDI`, with an extra FSI in front for every PDI of the
 * text that would otherwise close ours, and an extra PDI behind for every isolate the text leaves
 * open (a closing PDI also ends the embeddings and overrides opened inside). Every character of the
 * text is kept. Text without a control comes back unchanged.
 */
export function isolateBidi(text: string): string {
  if (!hasBidiControls(text)) return text;
  let open = 0;
  let stray = 0;
  /** Where the isolate the first character opens is closed (an isolated text: nothing to do). */
  let firstClosed = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (INITIATORS.test(c)) open++;
    else if (c === PDI) {
      if (open > 0) open--;
      else stray++;
      if (open === 0 && stray === 0 && firstClosed < 0 && text[0] === FSI) firstClosed = i;
    }
  }
  if (firstClosed === text.length - 1) return text;
  return FSI.repeat(stray + 1) + text + PDI.repeat(open + 1);
}

/** Each control as its code point (`‹U+202E›`): what a terminal or a Markdown page shows. */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `‹U+${c.codePointAt(0)!.toString(16).toUpperCase()}›`);
}

/**
 * A copy of a plain value (objects, arrays, strings: a change set) with every string and key that
 * holds a control isolated, so words built from it keep each piece of plan text to itself. Returns
 * the value itself when nothing in it holds a control.
 */
export function isolateDeep<T>(value: T): T {
  return (holdsControls(value) ? isolated(value) : value) as T;
}

function holdsControls(v: unknown): boolean {
  if (typeof v === 'string') return hasBidiControls(v);
  if (Array.isArray(v)) return v.some(holdsControls);
  if (isPlain(v)) return Object.entries(v).some(([k, x]) => hasBidiControls(k) || holdsControls(x));
  return false;
}

function isolated(v: unknown): unknown {
  if (typeof v === 'string') return isolateBidi(v);
  if (Array.isArray(v)) return v.map(isolated);
  if (isPlain(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [isolateBidi(k), isolated(x)]));
  return v;
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
