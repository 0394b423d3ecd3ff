import type { Locale } from '../core/index';
import { Html, htmlTag } from './html';

/** Nothing loads or runs: inline styles only, images only as data: URLs. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface PlanPage {
  readonly title: string;
  /** The rendered document (card and body), already HTML. */
  readonly body: string;
  /** The card's stylesheet, inlined. */
  readonly css: string;
  readonly locale: Locale;
  /** A line for the footer, e.g. "account-plans 0.1.0 · checked on 2026-11-24". */
  readonly footer: string;
}

/** A self-contained HTML page: no external resource, no script, a strict Content Security Policy. */
export function planPage(page: PlanPage, escape: (s: string) => string): string {
  const h = htmlTag(escape);
  return h`<!DOCTYPE html>
<html lang="${page.locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title}</title>
<style>
${cssText(page.css)}
</style>
</head>
<body class="ap-page">
<main class="ap-main">
${new Html(page.body)}
<footer class="ap-footer">${page.footer}</footer>
</main>
</body>
</html>
`.value;
}

// The stylesheet is ours, but `</style` in it would end the element early: never let it.
const cssText = (css: string) => new Html(css.replace(/<\/(style)/gi, '<\\/$1'));
