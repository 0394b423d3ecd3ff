import { showBidiControls } from '../i18n/bidi';

/**
 * Text taken from a plan, made inert for a page that renders Markdown and HTML (a pull-request
 * comment, a job summary). One function for every place a plan's words go: inline Markdown, a
 * table cell, or inside an HTML element such as <summary>.
 *
 * - Markdown and HTML punctuation becomes a numeric character reference (`&#91;` for `[`): the
 *   page shows the character, and neither Markdown nor HTML reads it as markup, in both contexts.
 *   So no link, image, emphasis, code span, table cell break (`|`) or tag can be written.
 * - Line breaks become spaces, so a plan cannot start a heading, a list or a table row (nor can a
 *   leading `-`, `+`, `=` or `.`, also escaped).
 * - What GitHub turns into links by itself is broken with an invisible zero-width joiner (U+200D),
 *   which no autolink pattern accepts: `@name` and `a@b.c` (a joiner on each side of the @),
 *   `#123` (and so `user/repo#123`), `GH-123`, `www.`, `scheme://`, and runs of seven or more
 *   hexadecimal digits (commit ids) between any two characters that are not letters or digits
 *   (so `_deadbeef1` too, whatever GitHub makes of the `_`).
 * - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are shown as
 *   their code point, `‹U+202E›`: a Markdown page cannot isolate a plan's text, so a control
 *   that reverses what follows (Trojan Source) would reorder our own words after it.
 */
export function escapePlanText(text: string): string {
  return showBidiControls(breakAutolinks(String(text).replace(/\r\n?|\n|\u2028|\u2029/g, ' '))
    .replace(MARKUP, reference)
    .replace(/^[-+=.]/, reference));
}

/** A zero-width joiner: invisible, and it ends any run GitHub would link. */
export const ZWJ = '\u200d';

/** Characters Markdown (GFM, with GitHub's math) or HTML can read as markup anywhere in a line. */
const MARKUP = /[\\`*_[\]<>&|~#$]/g;
const reference = (c: string): string => `&#${c.codePointAt(0)};`;

function breakAutolinks(s: string): string {
  return s
    .replace(/@/g, `${ZWJ}@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${ZWJ}-`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/(?<![0-9a-z])[0-9a-f]{7,}(?![0-9a-z])/gi, (run) => run.replace(/(.{4})/g, `$1${ZWJ}`));
}
