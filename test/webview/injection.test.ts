/**
 * Nothing injected anywhere a plan's text is shown: every payload of the corpus, in every text
 * field of a plan, on every surface (SURFACES), with the tripwire armed. Per payload and view: no
 * code ran and nothing was fetched or refused by a policy, the DOM holds nothing that plain words
 * in the same fields do not give, and the payload can be read as text.
 */
import * as assert from 'assert';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../chromium';
import { asGitHubShows, asId, BIDI_CONTROLS, PAYLOADS, shownAs, type Payload, type PayloadCategory } from '../security/payloads';
import { GITHUB_AUTOLINKS, OUR_TAGS } from '../unit/inert-markdown';
import MarkdownIt from 'markdown-it';
import { census, compare, hits, recordRequests, TRIPWIRE, type DomCensus } from './injection-tripwire';
import { SURFACES, type Sighting, type SurfaceSession } from './injection-surfaces';

const PLAIN: Payload = { name: 'plain', category: 'template', text: 'Plain words' };

/** What Markdown in a plan's body may become: Markdown's own elements, links and images to web addresses only. */
const MARKDOWN_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'img', 'strong', 'em', 'code', 'pre', 's',
  'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br']);
const WEB_URL = /^(https?:\/\/|mailto:)/i;

/** The rules for the plan's own Markdown body: nothing runs or loads, only Markdown's elements, no script or data URL. */
function bodyProblems(s: Sighting): string[] {
  const out = s.caught.filter((c) => !/^csp img-src https?:\/\//.test(c)).map((c) => `caught: ${c}`);
  for (const tag of Object.keys(s.census.tags)) if (!MARKDOWN_TAGS.has(tag)) out.push(`element <${tag}> in the body`);
  for (const a of s.census.attrs) if (a !== 'a@href' && a !== 'img@src') out.push(`attribute ${a} in the body`);
  for (const p of s.census.problems) {
    const url = /^<(a|img) (href|src)="([^"]*)">$/.exec(p);
    if (!url || !WEB_URL.test(url[3])) out.push(p);
  }
  return out;
}

/** The tags our Markdown writes (test/unit/inert-markdown.ts), the page's own, and the commit id's code span. */
const GITHUB_TAGS = new Set([...OUR_TAGS, 'body', 'code']);

/** The rules for Markdown the CLI writes: no element but ours, no link or image, nothing GitHub would link by itself. */
function githubProblems(s: Sighting): string[] {
  const out = [...s.caught.map((c) => `caught: ${c}`), ...s.census.problems];
  for (const tag of Object.keys(s.census.tags)) if (!GITHUB_TAGS.has(tag)) out.push(`element <${tag}>`);
  // markdown-it aligns table columns with style="text-align:…"; a payload URL or style in one is a census problem already.
  for (const a of s.census.attrs) if (a !== 'td@style' && a !== 'th@style') out.push(`attribute ${a}`);
  for (const [name, pattern] of GITHUB_AUTOLINKS) if (pattern.test(s.census.outsideCode)) out.push(`GitHub would autolink: ${name} (${pattern.exec(s.census.outsideCode)![0]})`);
  return out;
}

/**
 * The pieces of plan text a hostile plan holds (test/security/payloads.ts): the payload, and the
 * ids made of it. A bidi control may reorder text within its own piece, never beyond it.
 */
function planPieces(text: string): string[] {
  const id = asId(text);
  return [text, ...['', '-boss', '-gone', '-deal', '-won', '-ghost'].map((suffix) => id + suffix)].map(bare);
}
const bare = (s: string): string => shownAs(s.replace(BIDI_CONTROLS, ''));

/** A bidi control whose reach goes beyond its own piece of plan text: it would reorder our words or another piece. */
function bidiLeaks(s: Sighting, payload: Payload): string[] {
  const pieces = planPieces(payload.text);
  return s.census.bidiReach.filter((r) => !pieces.some((p) => p.includes(bare(r))))
    .map((r) => `a bidi control reorders text beyond its own: ${JSON.stringify(r)}`);
}

function problems(s: Sighting, baseline: DomCensus | undefined, payload: Payload): string[] {
  if (s.kind === 'body') return [...bodyProblems(s), ...bidiLeaks(s, payload)];
  const out = s.kind === 'github' ? githubProblems(s) : [...s.caught.map((c) => `caught: ${c}`), ...compare(s.census, baseline!)];
  out.push(...bidiLeaks(s, payload));
  const expected = s.kind === 'github' ? asGitHubShows(payload.text) : payload.text;
  if (!s.mayOmit && !shownAs(s.census.text).includes(shownAs(expected))) out.push('the payload is not shown as text');
  return out;
}

const CATEGORIES = [...new Set(PAYLOADS.map((p) => p.category))] as PayloadCategory[];

describe('nothing injected: the payload corpus in every text field, on every surface (headless Chromium)', function () {
  this.timeout(180_000);
  let browser: Browser;
  before(async () => { browser = await launchChromium(); });
  after(async () => { await browser?.close(); });

  it(`has at least 40 payloads, each named once (${PAYLOADS.length} in ${CATEGORIES.length} categories)`, () => {
    assert.ok(PAYLOADS.length >= 40);
    assert.strictEqual(new Set(PAYLOADS.map((p) => p.name)).size, PAYLOADS.length);
  });

  it('the tripwire is armed: each markup payload let through as HTML, or as Markdown, is caught', async () => {
    const page = await browser.newPage();
    await page.addInitScript(TRIPWIRE);
    const requests = recordRequests(page);
    let html = '';
    await page.route('https://armed.test/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    let n = 0;
    const look = async (body: string) => {
      html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body><div id="app">${body}</div></body></html>`;
      await page.goto(`https://armed.test/${++n}`);
      await page.waitForTimeout(50);
      return { seen: await census(page, '#app'), caught: [...(await hits(page)), ...requests.splice(0)] };
    };
    const plain = (await look('Plain words')).seen;
    const markup = PAYLOADS.filter((p) => /<[a-z]/i.test(p.text));
    const markdown = PAYLOADS.filter((p) => ['md-link-http', 'md-image', 'md-autolink', 'md-bare-url', 'md-email'].includes(p.name));
    const missed: string[] = [];
    for (const p of markup) {
      const { seen, caught } = await look(p.text);
      if (caught.length === 0 && compare(seen, plain).length === 0) missed.push(p.name);
    }
    for (const p of markdown) {
      const { seen, caught } = await look(new MarkdownIt({ linkify: true }).render(p.text));
      if (caught.length === 0 && compare(seen, plain).length === 0) missed.push(p.name);
    }
    await page.close();
    assert.deepStrictEqual(missed, []);
    assert.strictEqual(markup.length + markdown.length, 42, 'payloads the tripwire is proven on');
  });

  for (const surface of SURFACES) {
    describe(surface.name, () => {
      let session: SurfaceSession;
      const baseline = new Map<string, DomCensus>();
      before(async () => {
        session = await surface.open(browser);
        for (const s of await session.show(PLAIN)) {
          assert.deepStrictEqual(s.caught, [], `${s.view}: plain words trip nothing`);
          baseline.set(s.view, s.census);
        }
      });
      after(async () => { await session?.close(); });

      for (const category of CATEGORIES) {
        const payloads = PAYLOADS.filter((p) => p.category === category);
        it(`${category}: ${payloads.length} payloads run nothing, add nothing and show as text`, async () => {
          const found: string[] = [];
          for (const payload of payloads) {
            for (const s of await session.show(payload)) {
              for (const p of problems(s, baseline.get(s.view), payload)) found.push(`${payload.name} · ${s.view}: ${p}`);
            }
          }
          assert.deepStrictEqual(found, []);
        });
      }
    });
  }
});
