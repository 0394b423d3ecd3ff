import * as vscode from 'vscode';
import { daysAgo, isPlanFile, translator, type ComparePanelModel } from '../../../core';
import type { CompareHeader, CompareState } from '../../../webview/compare/protocol';
import { COMMANDS } from '../../constants';
import { shortHash, subjectOf } from '../../git/plan-revisions';
import type { Services } from '../../services';
import { PanelRestorer } from '../../webview/panel-channel';
import { displayLocale, t } from '../../words';
import { COMPARE_PANEL, ComparePanel, type CompareDeps } from './compare-panel';
import { ComparisonError, PlanComparisons } from './plan-comparison';

/** Compare with Revision…: the command, its revision pick, and the serializer of its panel. */
export function activate(context: vscode.ExtensionContext, services: Services): CompareFeature {
  const comparisons = new PlanComparisons({ settings: () => services.config.config.settings, locale: services.locale });
  const feature = new CompareFeature(context.extensionUri, comparisons, services);
  context.subscriptions.push(feature);
  return feature;
}

/** The revisions to compare, as the Plan History view passes them: `before` '' is no plan (a plan's first commit). */
export interface Revisions { readonly before: string; readonly after?: string }

export class CompareFeature implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly deps: CompareDeps;
  private last: { model: ComparePanelModel; header: CompareHeader; revision: number } | undefined;
  private rendered = 0;

  constructor(extensionUri: vscode.Uri, readonly comparisons: PlanComparisons, private readonly services: Services) {
    this.deps = {
      extensionUri, comparisons, log: services.log,
      onModel: (model, header, revision) => { this.last = { model, header, revision }; },
      onRendered: (r) => { this.rendered = Math.max(this.rendered, r); },
    };
    const restorer = new PanelRestorer(COMPARE_PANEL, services.log, (panel, state) => ComparePanel.revive(panel, this.deps, state));
    this.disposables.push(
      restorer.register(),
      vscode.commands.registerCommand(COMMANDS.compareWithRevision, (target?: unknown, revisions?: Revisions) => this.run(target, revisions)),
    );
  }

  /** Compares the plan (the argument, else the active editor's) with a revision picked from its history, or with the revisions given. */
  async run(target?: unknown, revisions?: Revisions): Promise<ComparePanel | undefined> {
    const uri = uriOf(target) ?? activePlan();
    if (!uri) {
      void vscode.window.showInformationMessage(t('compare.noPlan'));
      return undefined;
    }
    try {
      const chosen = revisions ?? await this.pick(uri);
      if (!chosen) return undefined;
      const state: CompareState = { uri: uri.toString(), before: chosen.before, after: chosen.after };
      return await ComparePanel.show(this.deps, state);
    } catch (e) {
      if (!(e instanceof ComparisonError)) throw e;
      void vscode.window.showWarningMessage(e.message);
      return undefined;
    }
  }

  private async pick(uri: vscode.Uri): Promise<Revisions | undefined> {
    const log = await this.comparisons.log(uri);
    const file = vscode.workspace.asRelativePath(uri);
    if (log.kind === 'no-git') throw new ComparisonError(t('compare.noGit'));
    if (log.kind === 'no-repository') throw new ComparisonError(t('compare.noRepository', { file }));
    if (log.kind !== 'ok') throw new ComparisonError(t('compare.noHistory', { file }));
    const words = translator(displayLocale());
    const today = Date.now();
    const plan = this.services.index.get(uri)?.plan?.account ?? uri.path.split('/').pop() ?? file;
    const hash = await this.services.prompter().pick<string>(t('compare.pick', { plan }), log.commits.map((c) => ({
      label: `${shortHash(c.hash)} ${subjectOf(c)}`,
      description: t('compare.pickDescription', {
        author: c.authorName ?? '',
        when: c.authorDate ? daysAgo(words, Math.max(0, Math.floor((today - c.authorDate.getTime()) / 86_400_000))) : '',
      }),
      value: c.hash,
    })));
    return hash === undefined ? undefined : { before: hash };
  }

  /** The open panel, if any. */
  get panel(): ComparePanel | undefined {
    return ComparePanel.instance;
  }

  /** The model last posted to the page, with its header and revision (for tests). */
  get lastModel(): { readonly model: ComparePanelModel; readonly header: CompareHeader; readonly revision: number } | undefined {
    return this.last;
  }

  /** The highest revision the page reported as drawn. */
  get renderedRevision(): number {
    return this.rendered;
  }

  dispose(): void {
    ComparePanel.instance?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function uriOf(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  const x = target as { uri?: unknown; resourceUri?: unknown } | undefined;
  if (x?.uri instanceof vscode.Uri) return x.uri;
  if (x?.resourceUri instanceof vscode.Uri) return x.resourceUri;
  return undefined;
}

function activePlan(): vscode.Uri | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && isPlanFile(uri.path) ? uri : undefined;
}
