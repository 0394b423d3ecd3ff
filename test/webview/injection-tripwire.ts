/**
 * The tripwire every surface is loaded with, and the audit that reads it. A payload that runs
 * calls `__pwned(name)` (or alert/confirm/prompt/print); a load or script a Content Security
 * Policy stops fires `securitypolicyviolation`; a request to the payloads' host is recorded. The
 * audit then walks the DOM: no element kind the surface does not draw for plain text, no more
 * elements of a dangerous kind than plain text gives, no `on…` attribute, no URL or style that
 * carries a payload; and every payload's text is somewhere in what the reader sees.
 */
import type { Page } from 'playwright-core';

/** Runs in the page before anything else. */
export const TRIPWIRE = `
window.__hits = [];
window.__pwned = (n) => window.__hits.push('ran ' + n);
for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = (m) => window.__hits.push(f + ' ' + m);
document.addEventListener('securitypolicyviolation', (e) => window.__hits.push('csp ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));`;

/** Element kinds that load, run, link or style something: their count must not grow with plan text. */
const DANGEROUS = ['script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'object', 'embed', 'img', 'image', 'picture', 'svg', 'math',
  'a', 'form', 'input', 'textarea', 'button', 'select', 'video', 'audio', 'source', 'track', 'foreignobject', 'animate', 'set', 'use',
  'details', 'noscript', 'template', 'marquee'];

export interface DomCensus {
  /** How many elements of each kind. */
  readonly tags: Record<string, number>;
  /** `tag@attribute` for URL- and behaviour-bearing attributes present. */
  readonly attrs: readonly string[];
  /** Problems found without a baseline: `on…` attributes, payload URLs or styles. */
  readonly problems: readonly string[];
  /** What a reader can read: the text, the titles and labels, the page title. */
  readonly text: string;
  /** The text outside code spans (what GitHub would autolink in). */
  readonly outsideCode: string;
}

/** Counts and reads the DOM under `scope` (every element matching it; the whole page when empty). */
export function census(page: Page, scope = ''): Promise<DomCensus> {
  return page.evaluate((sel) => {
    const view = globalThis as unknown as { document: PageDoc; getComputedStyle(e: PageEl): { display: string; unicodeBidi: string } };
    const doc = view.document;
    const roots = sel ? [...doc.querySelectorAll(sel)] : [doc.documentElement];
    const tags: Record<string, number> = {};
    const attrs = new Set<string>();
    const problems: string[] = [];
    const texts: string[] = [doc.title];
    const outside: string[] = [];
    for (const root of roots) {
      texts.push(root.textContent ?? '');
      const copy = root.cloneNode(true);
      for (const c of [...copy.querySelectorAll('code')]) c.remove();
      outside.push(copy.textContent ?? '');
      for (const e of [root, ...root.querySelectorAll('*')]) {
        const tag = e.localName.toLowerCase();
        tags[tag] = (tags[tag] ?? 0) + 1;
        for (const a of [...e.attributes]) {
          const name = a.name.toLowerCase();
          if (name.startsWith('on')) problems.push(`<${tag} ${a.name}="${a.value}">`);
          if (/^(href|xlink:href|src|srcset|srcdoc|action|formaction|poster|background|data|style|http-equiv|autofocus|values|attributename)$/.test(name)) {
            attrs.add(`${tag}@${name}`);
            if (/pwn|javascript:|vbscript:|data:text/i.test(a.value)) problems.push(`<${tag} ${a.name}="${a.value}">`);
          }
          if (name === 'title' || name === 'aria-label') texts.push(a.value);
        }
        // A bidi control reorders what follows it up to the end of its paragraph: its element must end it (a block) or isolate it.
        const own = [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('');
        if (/[\u202A-\u202E\u2066-\u2069]/.test(own) && tag !== 'text' && tag !== 'title' && tag !== 'tspan') {
          const style = view.getComputedStyle(e);
          if (style.display.startsWith('inline') && !/isolate|plaintext/.test(style.unicodeBidi)) {
            problems.push(`<${tag} class="${e.getAttribute('class') ?? ''}"> lets a bidi control in its text reorder what follows it`);
          }
        }
      }
    }
    return { tags, attrs: [...attrs].sort(), problems, text: texts.join('\n'), outsideCode: outside.join('\n') };

    interface PageEl {
      readonly localName: string;
      readonly textContent: string | null;
      readonly attributes: Iterable<{ readonly name: string; readonly value: string }>;
      querySelectorAll(s: string): Iterable<PageEl>;
      readonly childNodes: Iterable<{ readonly nodeType: number; readonly textContent: string | null }>;
      cloneNode(deep: boolean): PageEl;
      remove(): void;
      getAttribute(name: string): string | null;
    }
    interface PageDoc { readonly title: string; readonly documentElement: PageEl; querySelectorAll(s: string): Iterable<PageEl> }
  }, scope);
}

/** What the tripwire caught so far (and clears it). */
export async function hits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as { __hits?: string[] };
    const out = [...(w.__hits ?? [])];
    if (w.__hits) w.__hits.length = 0;
    return out;
  });
}

/**
 * Everything wrong with `seen` against `baseline` (the same surface showing a plan of plain words
 * in the same fields): new element kinds, more dangerous elements, new URL or behaviour attributes.
 */
export function compare(seen: DomCensus, baseline: DomCensus): string[] {
  const out = [...seen.problems];
  for (const [tag, n] of Object.entries(seen.tags)) {
    const base = baseline.tags[tag] ?? 0;
    if (base === 0) out.push(`new element <${tag}> ×${n}`);
    else if (DANGEROUS.includes(tag) && n > base) out.push(`${n - base} more <${tag}> than plain text gives`);
  }
  for (const a of seen.attrs) if (!baseline.attrs.includes(a)) out.push(`new attribute ${a}`);
  return out;
}

/**
 * Requests for a payload's URL (its host, a script or page URL) that went out, and dialogs. Call
 * once per page, before loading it.
 */
export function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  const planned = (url: string) => /pwn\.example|^javascript:|^vbscript:|^data:text/i.test(url);
  // A request the page's policy refused never left (the violation is caught on its own); any other went out.
  page.on('requestfinished', (r) => { if (planned(r.url())) seen.push(`fetched ${r.url()}`); });
  page.on('requestfailed', (r) => { if (planned(r.url()) && r.failure()?.errorText !== 'csp') seen.push(`requested ${r.url()} (${r.failure()?.errorText})`); });
  page.on('dialog', (d) => { seen.push(`dialog ${d.message()}`); void d.dismiss(); });
  return seen;
}
