/**
 * Every place a plan's text is shown, as the injection tests drive it: one entry per surface. A
 * surface opens once, then shows the hostile plan of one payload at a time and reports what each
 * of its views holds (the DOM census) and what the tripwire caught. Adding a view of plan text is
 * adding one entry to SURFACES.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import MarkdownIt from 'markdown-it';
import type { Browser, Page } from 'playwright-core';
import { checkPlan, comparePanelModel, diffPlans, splitFrontmatter } from '../../src/core';
import { planCardPlugin } from '../../src/markdown/plan-card';
import { hostilePlan, PAYLOADS, type Payload } from '../security/payloads';
import { TestRepo } from '../cli/git-repo';
import { ComparePage } from './compare-page';
import { ForecastPage } from './forecast-page';
import { census, hits, recordRequests, TRIPWIRE, type DomCensus } from './injection-tripwire';
import { modelOf, openMap, serve, showModel, waitForSent, sent, type MapPage } from './stakeholder-map-page';
import type { WebviewMessage } from '../../src/webview/stakeholder-map/protocol';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const TODAY = '2026-11-24';
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** One view of a surface after it showed a plan. */
export interface Sighting {
  readonly view: string;
  readonly census: DomCensus;
  /** What the tripwire caught: code that ran, CSP violations, requests for payload URLs, dialogs. */
  readonly caught: readonly string[];
  /**
   * Which rules judge the view: `app` (ours: nothing beyond what plain words give, the payload shown),
   * `body` (the plan's own Markdown: Markdown's elements, web links only), `github` (Markdown the CLI
   * writes, rendered as GitHub would: no element but ours, no link, no autolink, the payload shown).
   */
  readonly kind?: 'app' | 'body' | 'github';
  /** The payload may be absent (a report trimmed to fit, a table with no plan text). */
  readonly mayOmit?: boolean;
}

export interface SurfaceSession {
  show(payload: Payload): Promise<Sighting[]>;
  close(): Promise<void>;
}

export interface Surface {
  readonly name: string;
  open(browser: Browser): Promise<SurfaceSession>;
}

async function caughtOn(page: Page, requests: string[]): Promise<string[]> {
  const out = [...(await hits(page)), ...requests];
  requests.length = 0;
  return out;
}

/** The stakeholder map webview (with its CSP): the org chart with every card hovered, the layers and the grid, and the SVG it exports, opened as a file. */
const stakeholderMap: Surface = {
  name: 'stakeholder map',
  async open(browser) {
    const server = await serve();
    const mp: MapPage = await openMap(browser, server.url, undefined, TRIPWIRE);
    const requests = recordRequests(mp.page);
    const svgPage = await browser.newPage();
    await svgPage.addInitScript(TRIPWIRE);
    const svgRequests = recordRequests(svgPage);
    let svgText = '';
    await svgPage.route('https://svg.test/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: svgText }));
    let exports = 0;
    return {
      async show(payload) {
        await showModel(mp, modelOf(hostilePlan(payload.text), 'hostile.account.md'));
        const tips: string[] = [];
        for (const card of await mp.page.locator('g.card').all()) {
          await card.hover();
          tips.push((await mp.page.locator('.tooltip').textContent()) ?? '');
        }
        const seen = await census(mp.page, '#app');
        const modes: Sighting[] = [];
        for (const mode of ['layers', 'grid', 'org']) {
          const drawn = (await sent(mp.page)).filter((m) => m.type === 'rendered').length;
          await mp.page.click(`button[data-mode="${mode}"]`);
          await mp.page.waitForFunction((n) => (globalThis as unknown as { __sent: WebviewMessage[] }).__sent.filter((m) => m.type === 'rendered').length > n, drawn);
          if (mode !== 'org') modes.push({ view: `webview, ${mode}`, census: await census(mp.page, '#app'), caught: await caughtOn(mp.page, requests) });
        }
        await mp.page.click('button[data-action="export-svg"]');
        await waitForSent(mp.page, 'export', ++exports);
        svgText = (await sent(mp.page)).filter((m): m is Extract<WebviewMessage, { type: 'export' }> => m.type === 'export').at(-1)!.data;
        await svgPage.goto(`https://svg.test/map-${exports}.svg`);
        return [
          { view: 'webview', census: { ...seen, text: `${seen.text}\n${tips.join('\n')}` }, caught: await caughtOn(mp.page, requests) },
          ...modes,
          { view: 'exported SVG', census: await census(svgPage), caught: await caughtOn(svgPage, svgRequests) },
        ];
      },
      async close() {
        await svgPage.close();
        await mp.page.close();
        await server.close();
      },
    };
  },
};

/** The Forecast webview (with its CSP), showing the hostile plan's deals, with the folder label from the payload too. */
const forecastPanel: Surface = {
  name: 'forecast',
  async open(browser) {
    const entry = (text: string) => ({ uri: 'file:///repo/plans/hostile.account.md', analysis: checkPlan(hostilePlan(text), { fileName: 'hostile.account.md', today: TODAY }) });
    const fp = await ForecastPage.open(browser, [entry('plain')], { init: TRIPWIRE, folderLabel: 'plans' });
    const requests = recordRequests(fp.page);
    return {
      async show(payload) {
        fp.entries.splice(0, fp.entries.length, entry(payload.text));
        await fp.sendModel();
        return [{ view: 'webview', census: await census(fp.page, '#app'), caught: await caughtOn(fp.page, requests) }];
      },
      close: () => fp.close(),
    };
  },
};

/**
 * The Compare with Revision webview (with its CSP): the hostile plan's 'before' variant against the
 * full one, so every part has rows (deals, people, coverage, visits, next steps, findings), and a
 * header whose plan name and commit subject are the payload too.
 */
const comparePanel: Surface = {
  name: 'Compare with Revision',
  async open(browser) {
    const file = 'plans/hostile.account.md';
    const model = (text: string) => comparePanelModel(diffPlans({ [file]: hostilePlan(text, 'before') }, { [file]: hostilePlan(text) }, { today: TODAY }), 'en');
    const header = (text: string) => ({ plan: text, before: `1a2b3c4 ${text}`, after: 'working copy' });
    const cp = await ComparePage.open(browser, model('plain'), { init: TRIPWIRE, header: header('plain') });
    const requests = recordRequests(cp.page);
    return {
      async show(payload) {
        cp.header = header(payload.text);
        await cp.send(model(payload.text));
        return [{ view: 'webview', census: await census(cp.page, '#app'), caught: await caughtOn(cp.page, requests) }];
      },
      close: () => cp.close(),
    };
  },
};

/** A page that shows whatever HTML `body` holds, styled with the plan card's stylesheet: the Markdown preview's stand-in. */
async function htmlPage(browser: Browser, origin: string): Promise<{ page: Page; requests: string[]; load(html: string): Promise<void> }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.addInitScript(TRIPWIRE);
  const requests = recordRequests(page);
  let html = '';
  let n = 0;
  await page.route(`${origin}/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  return { page, requests, async load(h) { html = h; await page.goto(`${origin}/${++n}`); } };
}

/**
 * The Markdown preview card: the frontmatter rendered by markdown-it with raw HTML on (as VS Code's
 * preview has it) and our plugin, in a page with no CSP at all, so only the escaping stands guard.
 */
const previewCard: Surface = {
  name: 'Markdown preview card',
  async open(browser) {
    const md = new MarkdownIt({ html: true, linkify: true }).use(planCardPlugin, { today: () => TODAY });
    const css = fs.readFileSync(path.join(ROOT, 'media', 'plan-card.css'), 'utf8');
    const p = await htmlPage(browser, 'https://preview.test');
    return {
      async show(payload) {
        const text = hostilePlan(payload.text);
        const split = splitFrontmatter(text);
        if (split.kind !== 'ok') throw new Error('the hostile plan has frontmatter');
        const card = md.render(text.slice(0, split.bodyStart), { fileName: 'hostile.account.md' });
        await p.load(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>preview</title><style>${css}</style></head><body>${card}</body></html>`);
        return [{ view: 'card', census: await census(p.page, '.ap-card'), caught: await caughtOn(p.page, p.requests) }];
      },
      close: () => p.page.close(),
    };
  },
};

/** `account-plans render`: the page it writes, opened as a file; the card, the title, and the plan's own Markdown body. */
const renderPage: Surface = {
  name: 'CLI render page',
  async open(browser) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-injection-render-'));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.addInitScript(TRIPWIRE);
    const requests = recordRequests(page);
    let n = 0;
    return {
      async show(payload) {
        const plan = path.join(tmp, `p${++n}.account.md`);
        const out = path.join(tmp, `p${n}.html`);
        fs.writeFileSync(plan, hostilePlan(payload.text));
        const r = spawnSync(process.execPath, [CLI, 'render', plan, '--today', TODAY, '-o', out], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`render failed: ${r.stderr}`);
        await page.goto(pathToFileURL(out).href);
        // An image in the body (the plan's own Markdown) is refused by the page's policy: that
        // refusal is the body's, and the body's rules judge it; everything else is the card's.
        const caught = await caughtOn(page, requests);
        const byBody = (c: string) => /^csp img-src https:\/\//.test(c);
        return [
          { view: 'card and title', census: await census(page, '.ap-card'), caught: caught.filter((c) => !byBody(c)) },
          { view: 'body', census: await census(page, 'main > :not(.ap-card):not(footer)'), caught: caught.filter(byBody), kind: 'body' },
        ];
      },
      async close() {
        await page.close();
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  },
};

/** The CLI's Markdown for one repository of hostile plans: each payload's plan committed on its own, by an author and with a subject made of it. */
function cliMarkdown(): { documents: Map<string, string>; history: Map<string, string>; dispose(): void } {
  const repo = new TestRepo();
  const file = (p: Payload) => `plans/${p.name}.account.md`;
  for (const p of PAYLOADS) repo.write(file(p), hostilePlan(p.text, 'before'));
  repo.commit('before');
  for (const p of PAYLOADS) {
    repo.write(file(p), hostilePlan(p.text));
    repo.git('add', '-A');
    const author = p.text.replace(/[<>\n\r]/g, ' ').trim() || 'x';
    execFileSync('git', ['commit', '-q', '-m', p.text || 'x'], {
      cwd: repo.dir, env: { ...repo.env, GIT_AUTHOR_NAME: author, GIT_AUTHOR_DATE: '2026-02-01T10:00:00+08:00', GIT_COMMITTER_DATE: '2026-02-01T10:00:00+08:00' },
    });
  }
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args, '--today', TODAY], { cwd: repo.dir, env: repo.env, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const base = `HEAD~${PAYLOADS.length}`;
  const documents = new Map([
    ['forecast --format markdown', run('forecast', 'plans', '--format', 'markdown')],
    ['diff --format markdown', run('diff', base, 'HEAD', '--format', 'markdown')],
    ['report --for summary', run('report', '--base', base, '--head', 'HEAD', '--for', 'summary')],
    ['report --for comment', run('report', '--base', base, '--head', 'HEAD', '--for', 'comment')],
  ]);
  const history = new Map(PAYLOADS.map((p) => [p.name, run('history', file(p), '--format', 'markdown')]));
  return { documents, history, dispose: () => repo.dispose() };
}

/** GitHub renders raw HTML and links bare URLs; then sanitises, which these pages leave out, so only our escaping stands guard. */
const githubMarkdown = new MarkdownIt({ html: true, linkify: true });

/** Every Markdown the CLI writes (forecast, diff, report for a comment and a summary, history), rendered as GitHub would. */
const cliMarkdownPages: Surface = {
  name: 'CLI Markdown (forecast, diff, report, history) rendered as GitHub does',
  async open(browser) {
    const out = cliMarkdown();
    const p = await htmlPage(browser, 'https://github.test');
    const seen = new Map<string, Sighting>();
    const look = async (view: string, markdown: string, mayOmit: boolean): Promise<Sighting> => {
      await p.load(`<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body>${githubMarkdown.render(markdown)}</body></html>`);
      return { view, census: await census(p.page, 'body'), caught: await caughtOn(p.page, p.requests), kind: 'github', mayOmit };
    };
    return {
      async show(payload) {
        if (payload.name === 'plain') return [];
        const all: Sighting[] = [];
        for (const [view, markdown] of out.documents) {
          if (!seen.has(view)) seen.set(view, await look(view, markdown, view.startsWith('forecast') || view.endsWith('comment')));
          all.push(seen.get(view)!);
        }
        all.push(await look('history --format markdown', out.history.get(payload.name)!, false));
        return all;
      },
      async close() {
        await p.page.close();
        out.dispose();
      },
    };
  },
};

export const SURFACES: readonly Surface[] = [stakeholderMap, forecastPanel, comparePanel, previewCard, renderPage, cliMarkdownPages];
