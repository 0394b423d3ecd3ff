/**
 * The lint rule that keeps the engine pure (eslint.config.mjs): src/core and src/markdown import no
 * `vscode` and no Node built-in, prefixed or not; the webviews, which run in a browser, neither.
 */
import * as assert from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the purity lint rule', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: ROOT });

  /** The ids of the rules an import line breaks, linted as if it were the file at `file`. */
  async function broken(file: string, line: string): Promise<string[]> {
    const [result] = await eslint.lintText(`${line}\nexport const used = x;\n`, { filePath: path.join(ROOT, file) });
    return result.messages.map((m) => m.ruleId ?? m.message);
  }

  const builtins = ["import * as x from 'os';", "import * as x from 'node:os';", "import * as x from 'crypto';",
    "import * as x from 'node:worker_threads';", "import * as x from 'worker_threads';", "import * as x from 'node:test';",
    "import * as x from 'fs/promises';", "import * as x from 'vscode';"];

  for (const file of ['src/core/model/example.ts', 'src/markdown/example.ts', 'src/webview/shared/example.ts']) {
    it(`bans every Node built-in and vscode in ${file}`, async () => {
      for (const line of builtins) assert.deepStrictEqual(await broken(file, line), ['no-restricted-imports'], line);
    });
  }

  it('lets the engine import its own modules and its libraries', async () => {
    assert.deepStrictEqual(await broken('src/core/model/example.ts', "import * as x from 'yaml';"), []);
    assert.deepStrictEqual(await broken('src/core/model/example.ts', "import * as x from '../parse/locator';"), []);
  });

  it('leaves the CLI and the extension free to use Node', async () => {
    assert.deepStrictEqual(await broken('src/cli/example.ts', "import * as x from 'node:os';"), []);
    assert.deepStrictEqual(await broken('src/extension/example.ts', "import * as x from 'worker_threads';"), []);
  });
});
