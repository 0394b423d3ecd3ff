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
  /**
   * Each bidi control in what a reader sees, with the text it can reorder (from it up to where its
   * effect ends): all of it must be the plan's own text, one piece, not our words or another piece.
   */
  readonly bidiReach: readonly string[];
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
      }
    }
    // Where each bidi control's reach ends, as a reader's browser lays the text out: the text of
    // each paragraph (a block, a table cell, an SVG <text>, an isolating inline such as <bdi>,
    // a title or label), an isolating child standing in it as one character (U+FFFC).
    const paragraphs: string[] = [];
    const isParagraph = (e: PageEl): boolean => {
      if (e.localName === 'text') return true;
      const style = view.getComputedStyle(e);
      return !style.display.startsWith('inline') || /isolate|plaintext/.test(style.unicodeBidi);
    };
    const flatten = (e: PageEl): string => {
      let out = '';
      for (const n of [...e.childNodes]) {
        if (n.nodeType === 3) out += n.textContent ?? '';
        else if (n.nodeType === 1) {
          const child = n as unknown as PageEl;
          if (isParagraph(child)) {
            paragraphs.push(flatten(child));
            out += view.getComputedStyle(child).display.startsWith('inline') ? '\ufffc' : '\n';
          } else out += flatten(child);
        }
      }
      return out;
    };
    for (const root of roots) {
      paragraphs.push(flatten(root));
      for (const e of [root, ...root.querySelectorAll('*')]) for (const name of ['title', 'aria-label']) paragraphs.push(e.getAttribute(name) ?? '');
    }
    const bidiReach = paragraphs.flatMap((p) => p.split('\n')).flatMap(reaches);
    return { tags, attrs: [...attrs].sort(), problems, text: texts.join('\n'), outsideCode: outside.join('\n'), bidiReach };

    /**
     * For each control that reorders text (an embedding, override or isolate initiator), the text
     * from it to where its effect ends (Unicode's bidi algorithm, X1–X10): a matching PDF for an
     * embedding or override, a matching PDI for an isolate, the PDI of an isolate around it, or
     * the end of the paragraph. FSI (U+2068) is left out: FSI … PDI is how the pages isolate a
     * piece of plan text (core/i18n/bidi.ts), and what it holds is that piece; the corpus's isolate
     * payloads use LRI and RLI.
     */
    function reaches(p: string): string[] {
      const out: string[] = [];
      for (let i = 0; i < p.length; i++) {
        const c = p[i];
        const isolate = /[\u2066\u2067]/.test(c);
        if (!isolate && !/[\u202A\u202B\u202D\u202E]/.test(c)) continue;
        let embeds = 0;
        let isolates = 0;
        let end = p.length;
        for (let j = i + 1; j < p.length; j++) {
          const d = p[j];
          if (/[\u2066-\u2068]/.test(d)) isolates++;
          else if (d === '\u2069') {
            if (isolates === 0) { end = isolate ? j + 1 : j; break; }
            isolates--;
          } else if (isolates === 0 && /[\u202A\u202B\u202D\u202E]/.test(d)) embeds++;
          else if (isolates === 0 && d === '\u202C' && !isolate) {
            if (embeds === 0) { end = j + 1; break; }
            embeds--;
          }
        }
        out.push(p.slice(i, end));
      }
      return out;
    }

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
