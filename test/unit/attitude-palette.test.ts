/**
 * One attitude palette (src/core/model/attitude-palette.ts) for the tree, the card and the map.
 * package.json and the two stylesheets cannot import it, so they hold copies: these tests fail when
 * a copy differs, and print the lines to paste. They also hold the palette to its promise: readable
 * letters, and every pair of colours apart for colour-blind readers.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  ATTITUDE_BADGES, ATTITUDE_KEYS, ATTITUDE_LETTERS, ATTITUDE_THEME_COLOURS, attitudeColourDefaults, attitudeColourId, type AttitudeKey,
} from '../../src/core';
import { contrast, deltaE, VISIONS } from '../colour-vision';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), 'utf8');

/** Every `--name: value;` declaration of a stylesheet block, lower-cased values. */
function cssVariables(css: string): Map<string, string> {
  return new Map([...css.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim().toLowerCase()]));
}

/** The CSS declarations `expected` holds that `css` lacks or spells differently, as lines to paste. */
function missing(css: string, expected: Record<string, string>): string[] {
  const have = cssVariables(css);
  return Object.entries(expected).filter(([name, value]) => have.get(name) !== value).map(([name, value]) => `${name}: ${value};`);
}

const lower = (l: AttitudeKey) => (l === 'unknown' ? 'none' : l.toLowerCase());

describe('the attitude palette', () => {
  it('is what package.json contributes for the tree (accountPlans.attitudeA…E)', () => {
    const colors = (JSON.parse(read('package.json')) as { contributes: { colors: { id: string; defaults: Record<string, string> }[] } }).contributes.colors;
    const expected = ATTITUDE_LETTERS.map((l) => ({ id: attitudeColourId(l), defaults: attitudeColourDefaults(l) }));
    const actual = colors.filter((c) => c.id.startsWith('accountPlans.attitude')).map((c) => ({ id: c.id, defaults: c.defaults }));
    assert.deepStrictEqual(actual, expected, `package.json contributes.colors should read:\n${JSON.stringify(expected, null, 2)}`);
  });

  it('is what the plan card\'s stylesheet uses (media/plan-card.css)', () => {
    const css = read('media', 'plan-card.css');
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
    const badges = Object.fromEntries(ATTITUDE_KEYS.flatMap((k) => [[`--ap-badge-${lower(k)}`, ATTITUDE_BADGES[k].fill], [`--ap-badge-${lower(k)}-ink`, ATTITUDE_BADGES[k].ink]]));
    const fallbacks = (variant: 'light' | 'dark') => Object.fromEntries(ATTITUDE_LETTERS.map((l) => [`--ap-fb-att-${lower(l)}`, ATTITUDE_THEME_COLOURS[l][variant]]));
    assert.deepStrictEqual(missing(light, { ...badges, ...fallbacks('light') }), [], 'in :root of media/plan-card.css');
    assert.deepStrictEqual(missing(dark, fallbacks('dark')), [], 'in the dark block of media/plan-card.css');
    for (const l of ATTITUDE_LETTERS) assert.match(css, new RegExp(`--ap-att-${lower(l)}: var\\(--vscode-${attitudeColourId(l).replace('.', '-')}, var\\(--ap-fb-att-${lower(l)}\\)\\)`));
  });

  it('is what the stakeholder map\'s stylesheet uses', () => {
    const css = read('src', 'webview', 'stakeholder-map', 'stakeholder-map.css');
    const name = (k: AttitudeKey) => `--att-${k === 'unknown' ? 'none' : k}`;
    const expected = Object.fromEntries(ATTITUDE_KEYS.flatMap((k) => [[name(k), ATTITUDE_BADGES[k].fill], [`${name(k)}-text`, ATTITUDE_BADGES[k].ink]]));
    assert.deepStrictEqual(missing(css, expected), [], 'in :root of src/webview/stakeholder-map/stakeholder-map.css');
  });

  it('keeps the letter on every badge readable (contrast at least 4.5 : 1)', () => {
    for (const k of ATTITUDE_KEYS) {
      const { fill, ink } = ATTITUDE_BADGES[k];
      assert.ok(contrast(fill, ink) >= 4.5, `${k}: ${ink} on ${fill} is ${contrast(fill, ink).toFixed(2)} : 1`);
    }
  });

  it('keeps the tree\'s and the card\'s colours readable on VS Code\'s default backgrounds (4.5 : 1)', () => {
    const backgrounds = { light: ['#ffffff', '#f3f3f3', '#f8f8f8'], dark: ['#1e1e1e', '#252526', '#1f1f1f', '#181818'] } as const;
    for (const l of ATTITUDE_LETTERS) {
      for (const variant of ['light', 'dark'] as const) {
        for (const bg of backgrounds[variant]) {
          const c = ATTITUDE_THEME_COLOURS[l][variant];
          assert.ok(contrast(c, bg) >= 4.5, `${l} ${variant} ${c} on ${bg}: ${contrast(c, bg).toFixed(2)} : 1`);
        }
      }
    }
  });

  /** The smallest CIE76 distance between two colours of a set, over every kind of vision. */
  function closest(colours: Record<string, string>): { d: number; pair: string } {
    let best = { d: Infinity, pair: '' };
    const keys = Object.keys(colours);
    for (const vision of Object.keys(VISIONS) as (keyof typeof VISIONS)[]) {
      for (let i = 0; i < keys.length; i++) {
        for (let j = i + 1; j < keys.length; j++) {
          const d = deltaE(colours[keys[i]], colours[keys[j]], vision);
          if (d < best.d) best = { d, pair: `${keys[i]}/${keys[j]} with ${vision}` };
        }
      }
    }
    return best;
  }

  it('keeps every pair of badges plainly apart for protanopes, deuteranopes and tritanopes (ΔE ≥ 25)', () => {
    const { d, pair } = closest(Object.fromEntries(ATTITUDE_KEYS.map((k) => [k, ATTITUDE_BADGES[k].fill])));
    assert.ok(d >= 25, `${pair}: ΔE ${d.toFixed(1)}`);
  });

  it('keeps every pair of the tree\'s colours apart too, on light and on dark themes (ΔE ≥ 15)', () => {
    for (const variant of ['light', 'dark'] as const) {
      const { d, pair } = closest(Object.fromEntries(ATTITUDE_LETTERS.map((l) => [l, ATTITUDE_THEME_COLOURS[l][variant]])));
      assert.ok(d >= 15, `${variant}: ${pair}: ΔE ${d.toFixed(1)}`);
    }
  });

  it('would have caught the old red-to-green tree colours (the check can fail)', () => {
    const old = { A: '#1b7a43', B: '#4f7f1f', C: '#8a6d00', D: '#b35300', E: '#c62828' };
    assert.ok(closest(old).d < 15, `ΔE ${closest(old).d.toFixed(1)}`);
  });
});
