/**
 * Text taken from a plan (or a commit), made safe to put inside Markdown that GitHub or GitLab
 * renders: it can never become a link, an image, an HTML tag, an `@mention`, a `#123` reference,
 * emphasis, a heading, a list or a table cell break. Line breaks become spaces (for inline use).
 *
 * - `&`, `<`, `>`, `"` become HTML entities: no tag, no entity of the plan's own;
 * - ASCII punctuation Markdown gives a meaning to is backslash-escaped (CommonMark allows it on any);
 * - `@` and `#` before a word character get a zero-width space after them: GitHub finds mentions and
 *   references in the rendered text, where a backslash escape has already gone;
 * - `://` and `www.` are broken the same way, so no bare address is autolinked.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[&<>"]/g, (c) => ENTITIES[c])
    .replace(/[\\`*_[\]()!|~{}#+\-.=:^$]/g, '\\$&')
    .replace(/([@#])(?=[\p{L}\p{N}_])/gu, '$1\u200B')
    .replace(/(\\:)\/\//g, '$1\u200B//')
    .replace(/\b(www)\\\./gi, '$1\u200B\\.');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
