import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';

/** A GitHub-like renderer: raw HTML allowed, bare URLs linked (as GitHub's autolinks are). */
const md = new MarkdownIt({ html: true, linkify: true });

/** The tags our own Markdown makes; anything else in the rendered page came from a plan. */
export const OUR_TAGS: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'li', 'strong', 'em', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary']);

/** What GitHub links by itself in text: URLs, www., @user, #123, GH-123, user/repo#123, e-mail, commit ids. */
export const GITHUB_AUTOLINKS: readonly (readonly [string, RegExp])[] = [
  ['URL', /\b[a-z][a-z0-9+.-]*:\/\//i],
  ['www.', /\bwww\./i],
  ['@mention or e-mail', /@[a-z0-9]/i],
  ['#123', /#\d/],
  ['GH-123', /\bGH-\d/i],
  ['user/repo#123', /[\w.-]+\/[\w.-]+#\d/],
  ['SHA-like hex', /(?:^|[^0-9a-z])[0-9a-f]{7,40}(?![0-9a-z])/i],
];

/** The rendered page's text: tags dropped, character references read. */
export function renderedText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/**
 * Renders `markdown` as GitHub would and asserts a plan added nothing live: no link, no image, no
 * tag but ours, no autolink pattern in the text. Returns the HTML for further checks.
 */
export function assertInert(markdown: string): string {
  const html = md.render(markdown);
  assert.doesNotMatch(html, /<a[\s>]/i, 'no link');
  assert.doesNotMatch(html, /<img[\s>]/i, 'no image');
  assert.doesNotMatch(html, /<code[\s>]/i, 'no code span from a plan');
  const tags = [...html.matchAll(/<\/?([a-z][a-z0-9-]*)/gi)].map((m) => m[1].toLowerCase()).filter((t) => !OUR_TAGS.has(t));
  assert.deepEqual([...new Set(tags)], [], 'no tag but ours');
  const text = renderedText(html);
  for (const [name, pattern] of GITHUB_AUTOLINKS) assert.doesNotMatch(text, pattern, `${name} neutralised`);
  return html;
}

/** Plan text that tries every trick. */
export const HOSTILE = [
  '[click](https://evil.example/x) ![img](https://evil.example/i.png)',
  '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="//evil">a</a>',
  'ping @octocat and @org/team, mail me@evil.example',
  'fixes #123, GH-45, octo/repo#7 and deadbeefcafe1234',
  'www.evil.example and http://evil.example and <https://evil.example>',
  'pipe | cell | break `code` **bold** _em_ ~~strike~~ $x$',
  'line one\n# heading\n- list\n| a | b |',
  '中文名称 @张三 #１２３ 恒通银行',
  '&lt;b&gt; &amp; &#60;script&#62;',
  '\\[escaped\\](https://evil.example)',
];
