/**
 * The injection corpus: text an attacker or a careless paste could put into a plan. Every payload
 * that would run calls `__pwned('<name>')` (the tripwire the Chromium tests install), and every
 * one that would fetch something names the host `pwn.example`, so a leak is caught by what it does,
 * not by guessing what it looks like.
 */
export type PayloadCategory =
  | 'script' | 'handler' | 'url' | 'svg' | 'mathml' | 'css' | 'breakout' | 'markdown' | 'mention' | 'bidi' | 'template' | 'formula';

export interface Payload {
  readonly name: string;
  readonly category: PayloadCategory;
  readonly text: string;
}

const p = (category: PayloadCategory, name: string, text: string): Payload => ({ name, category, text });

/** `<script>__pwned('data-b64')</script>`, base64. */
const B64_SCRIPT = 'PHNjcmlwdD5fX3B3bmVkKCdkYXRhLWI2NCcpPC9zY3JpcHQ+';

export const PAYLOADS: readonly Payload[] = [
  p('script', 'script-tag', `<script>__pwned('script-tag')</script>`),
  p('script', 'script-src-data', `<script src="data:text/javascript,__pwned('script-src-data')"></script>`),
  p('script', 'script-upper', `<SCRIPT>__pwned('script-upper')</SCRIPT>`),
  p('script', 'script-split', `<scr<script>ipt>__pwned('script-split')</scr</script>ipt>`),
  p('script', 'iframe-srcdoc', `<iframe srcdoc="<script>parent.__pwned('iframe-srcdoc')</script>"></iframe>`),
  p('script', 'noscript-mxss', `<noscript><p title="</noscript><img src=x onerror=__pwned('noscript-mxss')>">`),
  p('handler', 'img-onerror', `<img src=x onerror="__pwned('img-onerror')">`),
  p('handler', 'body-onload', `<body onload=__pwned('body-onload')>`),
  p('handler', 'details-ontoggle', `<details open ontoggle=__pwned('details-ontoggle')><summary>x</summary></details>`),
  p('handler', 'input-onfocus', `<input autofocus onfocus=__pwned('input-onfocus')>`),
  p('handler', 'video-onerror', `<video><source onerror="__pwned('video-onerror')"></video>`),
  p('handler', 'div-onmouseover', `<div onmouseover="__pwned('div-onmouseover')" style="position:fixed;inset:0">hover</div>`),
  p('url', 'js-url', `javascript:__pwned('js-url')`),
  p('url', 'js-url-obfuscated', `jav&#x09;ascript:__pwned('js-url-obfuscated')`),
  p('url', 'a-href-js', `<a href="javascript:__pwned('a-href-js')">click</a>`),
  p('url', 'data-url', `data:text/html,<script>__pwned('data-url')</script>`),
  p('url', 'a-href-data-b64', `<a href="data:text/html;base64,${B64_SCRIPT}">open</a>`),
  p('url', 'vbscript-url', `vbscript:msgbox("__pwned vbscript-url")`),
  p('url', 'form-action', `<form action="javascript:__pwned('form-action')"><button>go</button></form>`),
  p('url', 'meta-refresh', `<meta http-equiv="refresh" content="0;url=javascript:__pwned('meta-refresh')">`),
  p('url', 'base-href', `<base href="https://pwn.example/base/">`),
  p('svg', 'svg-onload', `<svg onload="__pwned('svg-onload')">`),
  p('svg', 'svg-script', `<svg><script>__pwned('svg-script')</script></svg>`),
  p('svg', 'svg-animate-href', `<svg><a><animate attributeName=href values=javascript:__pwned('svg-animate-href') /><text y=20>tap</text></a></svg>`),
  p('svg', 'svg-foreign-object', `<svg><foreignObject><iframe src="javascript:__pwned('svg-foreign-object')"></iframe></foreignObject></svg>`),
  p('svg', 'svg-text-breakout', `</text><script>__pwned('svg-text-breakout')</script><text>`),
  p('mathml', 'math-href', `<math><mtext><a href="javascript:__pwned('math-href')">x</a></mtext></math>`),
  p('mathml', 'math-mglyph-mxss', `<math><mtext><table><mglyph><style><img src=x onerror=__pwned('math-mglyph-mxss')>`),
  p('css', 'style-tag', `<style>*{background:url("https://pwn.example/style-tag")}</style>`),
  p('css', 'style-attr', `<p style="background:url(https://pwn.example/style-attr);position:fixed;inset:0">x</p>`),
  p('css', 'css-rule', `x{}body{background-image:url('https://pwn.example/css-rule')}`),
  p('css', 'link-stylesheet', `<link rel=stylesheet href="https://pwn.example/link.css">`),
  p('css', 'css-import', `@import url(https://pwn.example/import.css);`),
  p('breakout', 'attr-double-quote', `" onmouseover="__pwned('attr-double-quote')" x="`),
  p('breakout', 'attr-single-quote', `' onfocus='__pwned("attr-single-quote")' autofocus x='`),
  p('breakout', 'attr-unquoted', `x onmouseover=__pwned('attr-unquoted')`),
  p('breakout', 'textarea-breakout', `</textarea><img src=x onerror=__pwned('textarea-breakout')>`),
  p('breakout', 'style-breakout', `</style><img src=x onerror=__pwned('style-breakout')>`),
  p('breakout', 'title-breakout', `</title><script>__pwned('title-breakout')</script>`),
  p('breakout', 'comment-breakout', `--><img src=x onerror=__pwned('comment-breakout')><!--`),
  p('breakout', 'cdata-breakout', `]]><script>__pwned('cdata-breakout')</script>`),
  p('breakout', 'script-breakout', `</script><script>__pwned('script-breakout')</script>`),
  p('breakout', 'details-breakout', `</summary></details><img src=x onerror=__pwned('details-breakout')>`),
  p('markdown', 'md-link-js', `[click me](javascript:__pwned('md-link-js'))`),
  p('markdown', 'md-link-http', `[docs](https://pwn.example/md-link-http)`),
  p('markdown', 'md-image', `![pixel](https://pwn.example/md-image.png)`),
  p('markdown', 'md-image-attr', `![x](x" onerror="__pwned('md-image-attr'))`),
  p('markdown', 'md-autolink', `<https://pwn.example/md-autolink>`),
  p('markdown', 'md-bare-url', `see https://pwn.example/bare and www.pwn.example`),
  p('markdown', 'md-reference', `[ref][r]\n\n[r]: javascript:__pwned('md-reference')`),
  p('markdown', 'md-html-block', `\n<div>\n<img src=x onerror=__pwned('md-html-block')>\n</div>`),
  p('markdown', 'md-block-structure', `x\n# Heading\n| a | b |\n| - | - |\n- [ ] task\n> quote`),
  p('markdown', 'md-inline-marks', '**bold** _em_ `code` ~~strike~~ | pipe | $x^2$'),
  p('markdown', 'md-email', `mail pwn@pwn.example`),
  p('mention', 'mention-user', `@octocat please look`),
  p('mention', 'mention-team', `@pwn-org/security-team`),
  p('mention', 'issue-ref', `fixes #123 and GH-45`),
  p('mention', 'cross-repo-ref', `pwn/repo#7 and deadbeefcafe1234`),
  p('bidi', 'bidi-rlo', `Invoice \u202Egpj.exe`),
  p('bidi', 'bidi-isolates', `\u2067admin\u2069 \u2066user`),
  p('bidi', 'bidi-rle', `abc\u202Bdef`),
  p('template', 'template-literal', `\${__pwned('template-literal')}`),
  p('template', 'angular-expression', `{{constructor.constructor("__pwned('angular-expression')")()}}`),
  p('template', 'html-entities', `&lt;script&gt;__pwned('html-entities')&lt;/script&gt; &amp;`),
  p('formula', 'formula-hyperlink', `=HYPERLINK("https://pwn.example/csv","open")`),
  p('formula', 'formula-dde-plus', `+cmd|' /C calc'!A0`),
  p('formula', 'formula-minus', `-2+3+cmd|' /C calc'!A0`),
  p('formula', 'formula-at', `@SUM(1+1)*cmd|' /C calc'!A0`),
  p('formula', 'formula-tab', `\t=1+1`),
  p('formula', 'formula-cr', `\r=1+1`),
];

/** The payload as an id (`^\S+$`): its whitespace replaced by `_`. */
export const asId = (text: string): string => text.replace(/\s/g, '_') || '_';

/** Where a payload goes in a plan: the path of the field, for messages. */
export const PLAN_TEXT_FIELDS = [
  'account', 'id', 'owner', 'industry', 'competitors[]',
  'stakeholders[].id', 'stakeholders[].name', 'stakeholders[].title', 'stakeholders[].department', 'stakeholders[].reports_to',
  'stakeholders[].needs.company[]', 'stakeholders[].needs.personal[]', 'stakeholders[].personal{key}', 'stakeholders[].personal{value}',
  'stakeholders[].contact{value}', 'stakeholders[].notes',
  'opportunities[].id', 'opportunities[].name', 'opportunities[].competitors[]', 'opportunities[].next', 'opportunities[].next[]',
  'visits[].with[]', 'visits[].by[]', 'visits[].opportunity', 'visits[].attitudes{key}', 'visits[].gift', 'visits[].summary', 'visits[].next',
  'body',
] as const;

const q = (s: string): string => JSON.stringify(s);

/**
 * A valid plan with `text` in every text field of the format (PLAN_TEXT_FIELDS), ids made of it
 * where an id is allowed, and the same text in the Markdown body. Two people (one left), two
 * deals (one open, one won), a past and a planned visit, so every part of every view is drawn.
 */
export function hostilePlan(text: string, variant: 'full' | 'before' = 'full'): string {
  const id = asId(text);
  const boss = q(`${id}-boss`);
  const deal = q(`${id}-deal`);
  const lines = ['---', `account: ${q(text)}`, `id: ${q(id)}`, `owner: ${q(text)}`, 'tier: A', `industry: ${q(text)}`, `competitors: [${q(text)}]`,
    'stakeholders:',
    `  - id: ${boss}`, `    name: ${q(text)}`, `    title: ${q(text)}`, `    department: ${q(text)}`,
    '    roles: [economic, coach]', '    layer: decision', `    attitude: ${variant === 'before' ? 'D' : 'B'}`, '    influence: high',
    '    grid: { personal: 2, company: C }', '    target: { attitude: A, grid: { personal: 4, company: B } }',
    `    needs: { company: [${q(text)}], personal: [${q(text)}] }`,
    `    personal: { ${q(text)}: ${q(text)} }`, `    contact: { email: ${q(text)} }`, `    notes: ${q(text)}`];
  if (variant === 'full') {
    lines.push(`  - id: ${q(`${id}-gone`)}`, `    name: ${q(text)}`, `    title: ${q(text)}`, `    reports_to: ${boss}`, '    roles: [technical]',
      '    layer: usage', '    attitude: C', '    left: 2026-06-01');
  }
  lines.push('opportunities:',
    `  - id: ${deal}`, `    name: ${q(text)}`, `    stage: ${variant === 'before' ? 'C' : 'B'}`, '    amount: 120000', '    close: 2026-12-15',
    `    competitors: [${q(text)}]`, `    next: [${q(text)}, ${q(text)}]`);
  if (variant === 'full') {
    lines.push(`  - id: ${q(`${id}-won`)}`, `    name: ${q(text)}`, '    stage: S', '    amount: 50000', '    close: 2026-09-30', `    next: ${q(text)}`);
  }
  lines.push('visits:',
    '  - date: 2026-11-01', '    purpose: solution', `    with: [${boss}, ${q(`${id}-ghost`)}]`, `    by: [${q(text)}]`, `    opportunity: ${deal}`,
    `    attitudes: { ${boss}: B }`, `    gift: ${q(text)}`, `    summary: ${q(text)}`, `    next: ${q(text)}`);
  if (variant === 'full') lines.push('  - date: 2027-01-10', `    with: [${boss}]`, `    summary: ${q(text)}`);
  lines.push('---', '', '# Notes', '', text, '', `- ${text}`, '');
  return lines.join('\n');
}

/** How many text fields one hostile plan fills (the README's figure). */
export const FIELD_COUNT = PLAN_TEXT_FIELDS.length;

/** Text as a page shows it: line breaks and runs of spaces as one space, GitHub's invisible joiners gone. */
export const shownAs = (s: string): string => s.replace(/\u200d/g, '').replace(/\s+/g, ' ').trim();

/** Every payload whose visible text a view should show, once per payload name (for messages). */
export const byName = new Map(PAYLOADS.map((x) => [x.name, x]));

/** Bidirectional embeddings, overrides and isolates: they reorder the text after them (Trojan Source). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** How Markdown the CLI writes shows a plan's text: each bidi control as its code point (‹U+202E›), see escapePlanText. */
export const asGitHubShows = (s: string): string =>
  s.replace(BIDI_CONTROLS, (c) => `‹U+${c.codePointAt(0)!.toString(16).toUpperCase()}›`);
