import * as vscode from 'vscode';
import { diffPlans, summariseChanges, todayLocal, type ChangeSet, type Locale, type Settings } from '../../../core';
import { gitAccess, type GitApi, type GitRepository } from '../../git/git-api';
import { planLog, readAtCommit, repoPath, repositoryOf, shortHash, subjectOf, type PlanLog } from '../../git/plan-revisions';
import { t } from '../../words';

/** One side of a comparison: a commit (its text at the plan's path), or the editor's text. */
export interface Side {
  /** The commit hash; undefined for the working copy; '' for no plan (before a plan's first commit). */
  readonly commit?: string;
  readonly label: string;
  /** undefined: the plan is not there. */
  readonly text?: string;
}

export interface Comparison {
  readonly uri: vscode.Uri;
  readonly before: Side;
  readonly after: Side;
  readonly changes: ChangeSet;
  readonly notice?: string;
}

/** Why a comparison could not be made, in the catalogue's words. */
export class ComparisonError extends Error {}

export interface ComparisonDeps {
  readonly settings: () => Settings;
  readonly locale: () => Locale;
}

/**
 * Plans at revisions, compared with the engine's change model: what the Compare panel shows and
 * what each Plan History row says. Texts and summaries are cached by commit, so the history stays
 * cheap to redraw.
 */
export class PlanComparisons {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly summaries = new Map<string, Promise<string>>();

  constructor(private readonly deps: ComparisonDeps) {}

  log(uri: vscode.Uri): Promise<PlanLog> {
    return planLog(uri);
  }

  /** The plan at `before` against `after` (a commit, or the working copy when undefined). */
  async compare(uri: vscode.Uri, before: string, after?: string): Promise<Comparison> {
    const log = await planLog(uri, 1);
    if (log.kind === 'no-git') throw new ComparisonError(t('compare.noGit'));
    if (log.kind === 'no-repository') throw new ComparisonError(t('compare.noRepository', { file: vscode.workspace.asRelativePath(uri) }));
    const { api, repository } = log.kind === 'ok' ? log : await this.repositoryOnly(uri);
    const file = repoPath(repository, uri);
    const old = await this.side(api, repository, file, before);
    const now = after === undefined
      ? { label: t('compare.workingCopy'), text: (await vscode.workspace.openTextDocument(uri)).getText() }
      : await this.side(api, repository, file, after);
    const notice = before !== '' && old.text === undefined ? t('compare.notAtRevision', { path: file, commit: shortHash(before) }) : undefined;
    return { uri, before: old, after: now, changes: this.diff(file, old.text, now.text), notice };
  }

  /** What changed in `commit` against its first parent, in a few words (cached by commit and path). */
  summary(api: GitApi, repository: GitRepository, file: string, commit: { hash: string; parents: readonly string[] }): Promise<string> {
    const key = `${commit.hash}\u0000${file}\u0000${this.deps.locale()}`;
    let found = this.summaries.get(key);
    if (!found) {
      found = (async () => {
        const [old, now] = await Promise.all([
          commit.parents[0] ? this.text(api, repository, commit.parents[0], file) : Promise.resolve(undefined),
          this.text(api, repository, commit.hash, file),
        ]);
        return summariseChanges(this.diff(file, old, now), this.deps.locale());
      })();
      found.catch(() => this.summaries.delete(key));
      this.summaries.set(key, found);
    }
    return found;
  }

  private async repositoryOnly(uri: vscode.Uri): Promise<{ api: GitApi; repository: GitRepository }> {
    // Untracked: the repository is there, the plan has no commit; the older side is then no plan.
    const access = await gitAccess();
    const repository = 'api' in access ? await repositoryOf(access.api, uri) : undefined;
    if (!('api' in access) || !repository) throw new ComparisonError(t('compare.noRepository', { file: vscode.workspace.asRelativePath(uri) }));
    return { api: access.api, repository };
  }

  private async side(api: GitApi, repository: GitRepository, file: string, commit: string): Promise<Side> {
    if (commit === '') return { commit, label: t('compare.emptyPlan') };
    const [text, info] = await Promise.all([
      this.text(api, repository, commit, file).catch((e: unknown) => {
        throw new ComparisonError(t('compare.readFailed', { file, commit: shortHash(commit), reason: e instanceof Error ? e.message : String(e) }));
      }),
      repository.getCommit(commit).catch(() => undefined),
    ]);
    return { commit, label: info ? `${shortHash(commit)} ${subjectOf(info)}` : shortHash(commit), text };
  }

  private text(api: GitApi, repository: GitRepository, commit: string, file: string): Promise<string | undefined> {
    const key = `${commit}\u0000${file}`;
    let found = this.texts.get(key);
    if (!found) {
      found = readAtCommit(api, repository, commit, file);
      found.catch(() => this.texts.delete(key));
      this.texts.set(key, found);
    }
    return found;
  }

  private diff(file: string, before: string | undefined, after: string | undefined): ChangeSet {
    const side = (text: string | undefined) => (text === undefined ? {} : { [file]: text });
    return diffPlans(side(before), side(after), { today: todayLocal(), settings: this.deps.settings(), locale: this.deps.locale() });
  }
}
