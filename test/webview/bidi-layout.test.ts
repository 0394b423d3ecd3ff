/**
 * Bidi isolation as Chromium lays it out: where each letter of the words after a piece of plan
 * text lands. A right-to-left override (U+202E) in the piece would put our words (or the next
 * piece) back to front; isolated (core/i18n/bidi.ts) they read left to right.
 */
import * as assert from 'assert';
import type { Browser, Page } from 'playwright-core';
import { isolateBidi } from '../../src/core';
import { launchChromium } from '../chromium';
import { ComparePage, compareModel, hengtong } from './compare-page';
import { modelOf, openMap, serve, showModel } from './stakeholder-map-page';

const RLO = '\u202E';
const PDI = '\u2069';

/** Whether the last `word` under `selector` is laid out left to right (each letter right of the one before). */
async function readsLeftToRight(page: Page, selector: string, word: string): Promise<boolean> {
  const xs = await page.evaluate(`(() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    const w = ${JSON.stringify(word)};
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let found;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.lastIndexOf(w);
      if (at >= 0) found = { node: n, at };
    }
    if (!found) return null;
    return [...w].map((_, k) => {
      const r = document.createRange();
      r.setStart(found.node, found.at + k);
      r.setEnd(found.node, found.at + k + 1);
      return r.getBoundingClientRect().left;
    });
  })()`) as number[] | null;
  assert.ok(xs, `${word} under ${selector}`);
  return xs.every((x, i) => i === 0 || x > xs[i - 1]);
}

describe('bidi isolation in the pages (headless Chromium layout)', function () {
  this.timeout(120_000);
  let browser: Browser;
  before(async () => { browser = await launchChromium(); });
  after(async () => { await browser?.close(); });

  it('the measure is armed: an override reverses the words after it; isolated, they read left to right', async () => {
    const page = await browser.newPage();
    const line = (piece: string) => `<p>${piece} · Sales</p>`;
    const pieces = [`Invoice ${RLO}gpj.exe`, `${PDI}${RLO}evil`];
    await page.setContent(`<!DOCTYPE html><meta charset="utf-8"><body>
      <div id="raw">${pieces.map(line).join('')}</div>
      <div id="naive">${pieces.map((p) => line(`\u2068${p}${PDI}`)).join('')}</div>
      <div id="isolated">${pieces.map((p) => line(isolateBidi(p))).join('')}</div></body>`);
    for (const n of [1, 2]) {
      assert.strictEqual(await readsLeftToRight(page, `#raw p:nth-child(${n})`, 'Sales'), false, `raw ${n}: reversed`);
      assert.strictEqual(await readsLeftToRight(page, `#isolated p:nth-child(${n})`, 'Sales'), true, `isolated ${n}: in order`);
    }
    // A plain FSI … PDI is not enough: the stray PDI in the piece closes it, and the override gets out.
    assert.strictEqual(await readsLeftToRight(page, '#naive p:nth-child(2)', 'Sales'), false);
    await page.close();
  });

  it('stakeholder map tooltip: the department after a title with an override reads left to right; plain text is unchanged', async () => {
    const server = await serve();
    const mp = await openMap(browser, server.url);
    try {
      const plan = (title: string) => `---\naccount: X\nstakeholders:\n  - { id: p, name: Chen, title: ${JSON.stringify(title)}, department: Sales, roles: [economic] }\n---\n`;
      await showModel(mp, modelOf(plan(`Invoice ${RLO}gpj.exe`)));
      await mp.page.hover('g.card[data-key="p"]');
      await mp.page.locator('.tooltip .tip-sub').waitFor({ state: 'visible' });
      assert.strictEqual(await readsLeftToRight(mp.page, '.tooltip .tip-sub', 'Sales'), true);
      await mp.page.mouse.move(2, 2);
      await showModel(mp, modelOf(plan('CTO')));
      await mp.page.hover('g.card[data-key="p"]');
      await mp.page.locator('.tooltip .tip-sub', { hasText: 'CTO' }).waitFor({ state: 'visible' });
      assert.strictEqual(await mp.page.textContent('.tooltip .tip-sub'), 'CTO · Sales');
    } finally {
      await mp.page.close();
      await server.close();
    }
  });

  it('Compare panel: "→ working copy" after a commit subject with an override reads left to right (catalogue placeholders are isolated)', async () => {
    const { before, after } = hengtong();
    const cp = await ComparePage.open(browser, compareModel(before, after), { header: { plan: 'X', before: `1a2b3c4 Invoice ${RLO}gpj.exe`, after: 'working copy' } });
    try {
      assert.strictEqual(await readsLeftToRight(cp.page, '.revisions', 'working'), true);
    } finally {
      await cp.close();
    }
  });
});
