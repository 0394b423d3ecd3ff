import * as vscode from 'vscode';
import { VIEWS } from '../../constants';
import { gitAccess, onGitEnablement, type GitRepository } from '../../git/git-api';
import type { Services } from '../../services';
import type { PlanComparisons } from '../compare/plan-comparison';
import { PlanHistoryTreeProvider } from './plan-history-tree';

/** Repository changes come in bursts (a commit changes HEAD, the index, the status): redraw once. */
const REFRESH_MS = 300;

/** The Plan History view: follows the active plan, and redraws when a repository's state changes (a commit, a checkout). */
export function activate(context: vscode.ExtensionContext, services: Services, comparisons: PlanComparisons): PlanHistoryTreeProvider {
  const provider = new PlanHistoryTreeProvider(comparisons, services.log);
  const view = vscode.window.createTreeView(VIEWS.history, { treeDataProvider: provider });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; provider.refresh(); }, REFRESH_MS);
  };
  const updateDescription = () => { view.description = provider.plan?.path.split('/').pop(); };
  const watched = new Set<GitRepository>();
  const watch = (r: GitRepository) => {
    if (watched.has(r)) return;
    watched.add(r);
    context.subscriptions.push(r.state.onDidChange(soon));
  };
  // The Git extension is asked only once the view is shown (it activates on its own anyway).
  let hooked = false;
  const hookGit = async () => {
    if (hooked) return;
    hooked = true;
    const access = await gitAccess();
    if (!('api' in access)) return;
    access.api.repositories.forEach(watch);
    context.subscriptions.push(access.api.onDidOpenRepository((r) => { watch(r); soon(); }), access.api.onDidCloseRepository(soon));
  };
  context.subscriptions.push(
    provider, view,
    view.onDidChangeVisibility((e) => { if (e.visible) void hookGit(); }),
    provider.onDidChangeMessage((m) => { view.message = m; }),
    vscode.window.onDidChangeActiveTextEditor((e) => { if (provider.follow(e)) updateDescription(); }),
    onGitEnablement(soon),
    new vscode.Disposable(() => { if (timer) clearTimeout(timer); }),
  );
  if (view.visible) void hookGit();
  if (provider.follow(vscode.window.activeTextEditor)) updateDescription();
  return provider;
}
