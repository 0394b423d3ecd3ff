import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { checkPlan, comparePanelModel, diffPlans, format, isolateBidi, showBidiControls } from '../../src/core';
import { isolateDeep } from '../../src/core/i18n/bidi';
import { planCardPlugin } from '../../src/markdown/plan-card';

const FSI = '\u2068';
const PDI = '\u2069';
const RLO = '\u202E';
const RLI = '\u2067';
const LRI = '\u2066';

/**
 * Whether the text's isolates are balanced and its embeddings closed inside them: after the last
 * character no isolate is open, and no PDI ever closes one opened outside the text. A text that
 * passes cannot reorder anything placed after it (Unicode's bidi algorithm, rules X6a and BD9).
 */
function sealed(text: string): boolean {
  let open = 0;
  for (const c of text) {
    if (/[\u2066-\u2068]/.test(c)) open++;
    else if (c === PDI && --open < 0) return false;
  }
  return open === 0 && /^[\u2066-\u2068]/.test(text) && (text.endsWith(PDI));
}

describe('bidi: a plan\'s text cannot reorder the words around it', () => {
  describe('isolateBidi (pages)', () => {
    it('text without a control comes back unchanged (Latin, Chinese, Arabic, Hebrew)', () => {
      for (const s of ['Chen Tao', '中国恒通银行', 'شركة', 'שלום עולם', '']) assert.strictEqual(isolateBidi(s), s);
    });

    it('a text with an override is wrapped in FSI … PDI, every character kept', () => {
      assert.strictEqual(isolateBidi(`Invoice ${RLO}gpj.exe`), `${FSI}Invoice ${RLO}gpj.exe${PDI}`);
    });

    it('an isolate the text leaves open gets its own PDI, so ours still closes ours', () => {
      const text = `${RLI}admin${PDI} ${LRI}user`;
      assert.strictEqual(isolateBidi(text), `${FSI}${text}${PDI}${PDI}`);
      assert.ok(sealed(isolateBidi(text)));
    });

    it('a stray PDI in the text gets an FSI of its own, so it cannot close ours and let what follows out', () => {
      const text = `${PDI}${RLO}evil`;
      assert.strictEqual(isolateBidi(text), `${FSI}${FSI}${text}${PDI}`);
      assert.ok(sealed(isolateBidi(text)));
    });

    it('isolating twice is isolating once', () => {
      for (const s of [`a${RLO}b`, `${PDI}x`, `${LRI}y`, `${FSI}a${PDI}${RLO}b`]) assert.strictEqual(isolateBidi(isolateBidi(s)), isolateBidi(s));
    });

    it('whatever mix of controls, the result is sealed', () => {
      const alphabet = ['a', ' ', RLO, '\u202A', '\u202B', '\u202C', '\u202D', LRI, RLI, FSI, PDI];
      let seed = 7;
      for (let n = 0; n < 2000; n++) {
        let s = '';
        for (let i = 0; i < 8; i++) {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          s += alphabet[seed % alphabet.length];
        }
        const out = isolateBidi(s);
        // Unchanged only when there is nothing to isolate, or when the text is one isolate already.
        assert.ok(out === s ? !/[\u202A-\u202E\u2066-\u2069]/.test(s) || sealed(s) : sealed(out), JSON.stringify(s));
        assert.ok(out.includes(s));
      }
    });
  });

  describe('showBidiControls (terminal, Markdown)', () => {
    it('each control becomes its code point; other text is untouched', () => {
      assert.strictEqual(showBidiControls(`Invoice ${RLO}gpj.exe`), 'Invoice ‹U+202E›gpj.exe');
      assert.strictEqual(showBidiControls(`${LRI}${RLI}${FSI}${PDI}\u202A\u202B\u202C\u202D`),
        '‹U+2066›‹U+2067›‹U+2068›‹U+2069›‹U+202A›‹U+202B›‹U+202C›‹U+202D›');
      assert.strictEqual(showBidiControls('שלום 中国 plain'), 'שלום 中国 plain');
    });
  });

  describe('catalogue placeholders (format)', () => {
    it('a value with a control goes in isolated; the template\'s own words stay outside it', () => {
      assert.strictEqual(format('No stakeholder has the id "{id}".', { id: `a${RLO}b` }), `No stakeholder has the id "${FSI}a${RLO}b${PDI}".`);
    });

    it('a value without a control goes in as written, and so does a number', () => {
      assert.strictEqual(format('{name} has {count} visits', { name: 'Chen', count: 3 }), 'Chen has 3 visits');
    });

    it('finding messages from a hostile plan: the plan\'s text isolated; from a plain one: as before', () => {
      const plan = (id: string) => `---\naccount: X\nvisits:\n  - { date: 2026-01-01, with: [${JSON.stringify(id)}] }\n---\n`;
      const message = (id: string) => checkPlan(plan(id), { fileName: 'x.account.md', today: '2026-02-01' }).findings.find((f) => f.code === 'AP005')!.message;
      assert.ok(message(`a${RLO}b`).includes(`"${FSI}a${RLO}b${PDI}"`), message(`a${RLO}b`));
      assert.ok(message('ab').includes('"ab"'));
    });
  });

  describe('isolateDeep (the Compare panel\'s change set)', () => {
    it('gives back the same object when nothing holds a control', () => {
      const value = { a: ['x', { b: 'y' }], n: 1 };
      assert.strictEqual(isolateDeep(value), value);
    });

    it('isolates every string and key that holds one, and keeps numbers, booleans and the rest', () => {
      const key = `k${RLO}`;
      assert.deepStrictEqual(isolateDeep({ [key]: [`v${RLO}`, 'plain', 3, true, null] }), { [isolateBidi(key)]: [isolateBidi(`v${RLO}`), 'plain', 3, true, null] });
    });

    it('the Compare panel: names and lines from a hostile plan isolated; from a plain one, as written', () => {
      const plan = (name: string, attitude: string) =>
        `---\naccount: ${JSON.stringify(name)}\nstakeholders:\n  - { id: p, name: ${JSON.stringify(name)}, roles: [economic], attitude: ${attitude} }\n---\n`;
      const panel = (name: string) => comparePanelModel(diffPlans({ 'a.account.md': plan(name, 'D') }, { 'a.account.md': plan(name, 'B') }, { today: '2026-02-01' }));
      const hostile = panel(`Invoice ${RLO}gpj.exe`);
      assert.strictEqual(hostile.accounts[0].people[0].name, `${FSI}Invoice ${RLO}gpj.exe${PDI}`);
      assert.ok(hostile.accounts[0].people[0].lines.length > 0);
      const plain = panel('Chen');
      assert.strictEqual(plain.accounts[0].people[0].name, 'Chen');
      assert.ok(!JSON.stringify(plain).includes(FSI));
    });
  });

  describe('the Markdown preview card', () => {
    const md = new MarkdownIt({ html: true }).use(planCardPlugin, { today: () => '2026-02-01' });
    const card = (competitors: string[]) => md.render(`---\naccount: X\ncompetitors: ${JSON.stringify(competitors)}\n---\n`, { fileName: 'x.account.md' });

    it('competitors joined with ", ": each one isolated, so one with an override cannot turn the next round', () => {
      assert.ok(card([`Huawei ${RLO}evil`, 'ZTE']).includes(`${FSI}Huawei ${RLO}evil${PDI}, ZTE`));
    });

    it('plain competitors are joined as written', () => {
      assert.ok(card(['Huawei', 'ZTE']).includes('<dd>Huawei, ZTE</dd>'));
    });
  });
});
