import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionUri, publicApi, revertAndCloseAll, waitFor } from './helpers';

interface Step { id: string; title: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }
interface Walkthrough { id: string; title: string; description: string; steps: Step[] }

const WALKTHROUGH = 'accountPlans.getStarted';

const walkthroughs = (): Walkthrough[] =>
  (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { walkthroughs?: Walkthrough[] } }).contributes.walkthroughs ?? [];

/** The command ids of a description's `[label](command:id)` links. */
const commandLinks = (description: string): string[] => [...description.matchAll(/\]\(command:([\w.-]+)/g)].map((m) => m[1]);

describe('the Get Started walkthrough', () => {
  before(() => publicApi());
  after(revertAndCloseAll);

  it('is contributed, localised, and walks through the examples, a fix, a visit, the map, the forecast and CI', () => {
    const ours = walkthroughs().find((w) => w.id === WALKTHROUGH);
    assert.ok(ours, `${WALKTHROUGH} in ${JSON.stringify(walkthroughs().map((w) => w.id))}`);
    assert.deepStrictEqual(ours.steps.map((s) => s.id.replace(`${WALKTHROUGH}.`, '')),
      ['openExamples', 'fixFinding', 'logVisit', 'stakeholderMap', 'forecast', 'ci']);
    for (const text of [ours.title, ours.description, ...ours.steps.flatMap((s) => [s.title, s.description])]) {
      assert.ok(text && !/%[\w.]+%/.test(text), `resolved from package.nls: ${text}`);
    }
  });

  it('links only commands that are registered, and completes on commands that are', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const steps = walkthroughs().find((w) => w.id === WALKTHROUGH)!.steps;
    const linked = steps.flatMap((s) => commandLinks(s.description));
    assert.ok(linked.includes('accountPlans.logVisit') && linked.includes('accountPlans.showStakeholderMap') && linked.includes('accountPlans.showForecast'), linked.join());
    const onCommand = steps.flatMap((s) => s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
    assert.ok(steps.every((s) => (s.completionEvents ?? []).length > 0), 'every step can be completed');
    assert.deepStrictEqual([...linked, ...onCommand].filter((id) => !registered.has(id)), []);
  });

  it('has the media of every step in the extension', async () => {
    for (const step of walkthroughs().find((w) => w.id === WALKTHROUGH)!.steps) {
      const file = step.media.markdown ?? step.media.image;
      assert.ok(file, `${step.id} has media`);
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extensionUri(), file));
      assert.ok(stat.size > 200, `${file}: ${stat.size} bytes`);
    }
  });

  it('opens from the command palette\'s Welcome: Open Walkthrough', async () => {
    const before = vscode.window.tabGroups.all.flatMap((g) => g.tabs).length;
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH}`, false);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    await waitFor('the walkthrough\'s tab', () => (tabs().length === before + 1 ? true : undefined));
    assert.ok(tabs().some((t) => t.isActive && t.input === undefined), `the Welcome page is active: ${tabs().map((t) => t.label).join()}`);
  });
});
