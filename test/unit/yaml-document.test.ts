import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { parseDocument } from 'yaml';
import { checkPlan, language, newYamlDocument, parseYaml, setScalar } from '../../src/core';
import { TODAY } from './helpers';

const SRC = join(__dirname, '..', '..', '..', 'src');
const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : []));

/** The options a Document was built with, apart from duplicate keys and the parser's own bookkeeping. */
const optionsOf = (doc: { options: object; schema: { name: string } }) => {
  const rest: Record<string, unknown> = { ...doc.options, schemaName: doc.schema.name };
  delete rest.uniqueKeys;
  delete rest._directives;
  return rest;
};

describe('yaml Documents: one way to build them', () => {
  it('no module outside parse/yaml-document.ts parses or creates a yaml Document', () => {
    const builders = /\b(parseDocument|parseAllDocuments|parse|stringify|Document|Parser|Composer)\b/;
    const offenders: string[] = [];
    for (const file of sources(SRC)) {
      const name = relative(SRC, file).replace(/\\/g, '/');
      if (name === 'core/parse/yaml-document.ts') continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'yaml'/g)) {
        const values = m[1].split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '));
        for (const v of values) if (builders.test(v)) offenders.push(`${name}: ${v}`);
      }
      if (/import\s+\*\s+as\s+\w+\s+from\s+'yaml'|require\('yaml'\)/.test(readFileSync(file, 'utf8'))) offenders.push(`${name}: whole module`);
    }
    assert.deepStrictEqual(offenders, []);
  });

  it('the checker, the edits and the editor features read with one option set: YAML 1.2, core schema, quiet', () => {
    const reject = parseYaml('a: 1\n', 'reject');
    const tolerate = parseYaml('a: 1\n', 'tolerate');
    const rendered = newYamlDocument({ a: 1 });
    const tree = language.yamlTree('---\na: 1\n---\n')!;
    const expected = { ...optionsOf(reject), version: '1.2', schemaName: 'core', logLevel: 'error', prettyErrors: false };
    for (const doc of [reject, tolerate, rendered, tree.doc]) assert.deepStrictEqual(optionsOf(doc), expected);
    assert.strictEqual(reject.options.uniqueKeys, true);
    assert.strictEqual(tolerate.options.uniqueKeys, false);
    assert.strictEqual(tree.doc.options.uniqueKeys, false);
  });

  it('a duplicate key: an error for the checker and the edits, read past by completion and hover', () => {
    const text = '---\naccount: X\ntier: A\ntier: B\n---\n';
    assert.deepStrictEqual(parseYaml('tier: A\ntier: B\n', 'reject').errors.map((e) => e.code), ['DUPLICATE_KEY']);
    assert.deepStrictEqual(parseYaml('tier: A\ntier: B\n', 'tolerate').errors, []);
    assert.ok(checkPlan(text, { fileName: 'x.account.md', today: TODAY }).findings.some((f) => f.code === 'AP001'));
    assert.ok(checkPlan(text, { fileName: 'x.account.md', today: TODAY, reference: true }).findings.some((f) => f.code === 'AP001'));
    assert.strictEqual(setScalar(text, ['owner'], 'me'), undefined);
    const tree = language.yamlTree(text)!;
    assert.match(language.hoverAt(tree, text.lastIndexOf('tier') + 1, undefined, String)!.lines[0], /Customer tier/);
    const typed = `${text.slice(0, -4)}ow`;
    assert.ok(language.complete({ text: `${typed}\n---\n`, offset: typed.length, today: TODAY }).some((e) => e.label === 'owner'));
  });

  it('prints no warning on the console: a collection used as a key stays in the document', () => {
    const source = '? [a, b]\n: 1\n';
    const calls: unknown[] = [];
    const emit = process.emitWarning;
    const warn = console.warn;
    process.emitWarning = ((w: unknown) => { calls.push(w); }) as typeof process.emitWarning;
    console.warn = (w: unknown) => { calls.push(w); };
    try {
      for (const dup of ['reject', 'tolerate'] as const) parseYaml(source, dup).toJS();
      assert.deepStrictEqual(calls, []);
      // The same source with yaml's default log level does warn: the quiet is the option's doing.
      parseDocument(source).toJS();
      assert.strictEqual(calls.length, 1);
    } finally {
      process.emitWarning = emit;
      console.warn = warn;
    }
  });
});
