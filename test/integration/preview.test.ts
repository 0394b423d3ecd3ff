// node-host-only: code-server ships no browser build of the Markdown preview, so its markdown-it plugins run in the Node host only (on github.dev both run in the worker).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AccountPlansApi } from '../../src/extension/api';
import { extensionUri, publicApi, testHooks, fixture, resetSettings, waitForCodes } from './helpers';

/** What VS Code's Markdown preview renders for a document or a string (markdown-language-features). */
const renderMarkdown = async (input: vscode.TextDocument | string): Promise<string> => {
  const html = await vscode.commands.executeCommand<string>('markdown.api.render', input);
  assert.strictEqual(typeof html, 'string', 'markdown.api.render returns HTML');
  return html;
};

const findingCodes = (html: string): string[] => [...html.matchAll(/<td class="ap-code">(AP\d{3})<\/td>/g)].map((m) => m[1]);

describe('plan card in the Markdown preview', () => {
  let api: AccountPlansApi;
  const gaps = () => fixture('accounts', 'gaps.account.md');
  const GAPS = ['AP010', 'AP020', 'AP021'];

  before(async () => {
    await testHooks();
    api = await publicApi();
    await resetSettings();
    await waitForCodes(gaps(), GAPS);
  });
  afterEach(resetSettings);

  it('contributes the plugin, the preview stylesheet and the frontmatter grammar', async () => {
    const pkg = vscode.extensions.getExtension('account-plans.account-plans')!.packageJSON as {
      contributes: Record<string, unknown> & { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
    };
    assert.strictEqual(pkg.contributes['markdown.markdownItPlugins'], true);
    assert.deepStrictEqual(pkg.contributes['markdown.previewStyles'], ['./media/plan-card.css']);
    const grammar = pkg.contributes.grammars.find((g) => g.scopeName === 'frontmatter.account-plan.injection');
    assert.ok(grammar, 'the injection grammar');
    assert.deepStrictEqual(grammar.injectTo, ['text.html.markdown']);
    for (const file of [grammar.path, './media/plan-card.css']) {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extensionUri(), file));
      assert.ok(stat.size > 0, file);
    }
    assert.strictEqual(typeof api.extendMarkdownIt, 'function');
  });

  it("the preview's markdown-it draws the card for a plan document, with the scroll-sync line", async () => {
    const doc = await vscode.workspace.openTextDocument(gaps());
    const html = await renderMarkdown(doc);
    assert.match(html, /^<section class="ap-card code-line" data-line="0" dir="auto" aria-label="Account plan">/);
    assert.match(html, /<span class="ap-tier ap-tier-b">B<\/span><span class="ap-account">江南城市商业银行<\/span>/);
    assert.match(html, /<span class="ap-name">赵行长<\/span>/);
    assert.match(html, /<section class="ap-section ap-pipeline">[\s\S]*核心网络扩容[\s\S]*<span class="ap-stage ap-stage-e"/);
    assert.deepStrictEqual(findingCodes(html).sort(), GAPS, 'the findings the editor shows');
    assert.ok(!html.includes('stakeholders:'), 'no raw YAML');
    assert.ok(!html.includes('<hr'), 'the fences are not rules');
  });

  it('a plan given as text, and ordinary Markdown left as it was', async () => {
    const plan = await renderMarkdown('---\naccount: "<img src=x onerror=alert(1)>"\n---\n\n# Notes\n');
    assert.match(plan, /<span class="ap-account">&lt;img src=x onerror=alert\(1\)&gt;<\/span>/);
    assert.ok(!/<img\b/.test(plan.slice(0, plan.indexOf('Notes'))), 'the account name stays text');

    const readme = await renderMarkdown(await vscode.workspace.openTextDocument(fixture('README.md')));
    assert.ok(!readme.includes('ap-card'));
    const blog = await renderMarkdown('---\ntitle: A post\n---\n\n# Post\n');
    assert.ok(!blog.includes('ap-card'));
    assert.ok(!blog.includes('title: A post'), "VS Code still hides other frontmatter itself");
  });

  it('follows the settings: a rule turned off leaves the card', async () => {
    await vscode.workspace.getConfiguration('accountPlans').update('rules', { AP010: 'off' }, vscode.ConfigurationTarget.Global);
    await waitForCodes(gaps(), ['AP020', 'AP021']);
    const html = await renderMarkdown(await vscode.workspace.openTextDocument(gaps()));
    assert.deepStrictEqual(findingCodes(html).sort(), ['AP020', 'AP021']);
  });
});
