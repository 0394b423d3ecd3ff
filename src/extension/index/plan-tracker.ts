import * as vscode from 'vscode';
import { isPlanFile, planHash } from '../../core';
import type { ConfigService } from '../config';
import { uriOfKey } from '../adapters/uri-key';
import { PLAN_EXCLUDE_GLOB, PLAN_GLOB, PROGRESS_THRESHOLD, READ_CONCURRENCY, SCAN_BATCH, STAT_CONCURRENCY, VIEWS } from '../constants';
import type { IndexStore } from './index-store';
import { planFiles } from './plan-files';
import { fileNameOf, type PlanEntry, type PlanIndex, type Reload } from './plan-index';
import { t } from '../words';
import { WorkspaceScanGate } from './workspace-scan-gate';

/** The workspace's file search (a seam: tests count the searches). */
export type FindFiles = (include: vscode.GlobPattern, exclude: vscode.GlobPattern) => Thenable<vscode.Uri[]>;

/**
 * Keeps the PlanIndex in step with the workspace: open documents by their buffer (checked at
 * once on open and save, debounced while typing), every other plan by the file on disk (a
 * workspace scan, then a file watcher), through whatever file system VS Code has for the folder
 * (`file:`, `vscode-remote:`, github.dev's `vscode-vfs:`). Folders without one contribute only
 * their open documents. The workspace scan waits for a sign that the workspace
 * holds plans (`workspace`, a WorkspaceScanGate): a Markdown file alone starts no search.
 */
export class PlanTracker implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly documentIds = new WeakMap<vscode.TextDocument, number>();
  private nextDocumentId = 1;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly decoder = new TextDecoder('utf-8');
  private dayTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly deletedFolders = new Set<string>();
  private deletedFoldersTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Workspace-check workers waiting for the open plans' re-checks (typingPause). */
  private typingWaiters: (() => void)[] = [];

  /** How long the last workspace scan's file search took (for the timing log and the bench). */
  lastFindMs = 0;
  private resolveShown!: (plans: number) => void;
  /**
   * Settles when the first workspace search has put what the stored index knows into the index
   * (before any file is looked at), with the number of plans it showed; when there is no store,
   * once that search is over.
   */
  readonly shown = new Promise<number>((resolve) => { this.resolveShown = resolve; });
  /** While true, file watcher events are ignored: the tests' simulated closed window (TestHooks.reopenFromStore). */
  closed = false;
  /** URI → its read from disk under way (refreshFromDisk). */
  private readonly reading = new Map<string, Promise<void>>();
  /** Tests: awaited just before a plan file's text is read from disk (to hold a read part-way). */
  beforeRead: ((uri: vscode.Uri) => Promise<void> | void) | undefined;
  /** The workspace search: it runs once, at the first sign of plans (`workspace.open(why)`). */
  readonly workspace = new WorkspaceScanGate(() => this.scanFolders());

  constructor(
    private readonly index: PlanIndex,
    private readonly config: ConfigService,
    private readonly log: vscode.LogOutputChannel,
    private readonly findFiles: FindFiles = (include, exclude) => vscode.workspace.findFiles(include, exclude),
    /** The persisted index: a file whose stamp or content it knows is not checked again. */
    private readonly store?: IndexStore,
  ) {}

  /** Subscribes to the workspace; searches nothing, returns at once. */
  start(): void {
    const watcher = vscode.workspace.createFileSystemWatcher(PLAN_GLOB);
    this.disposables.push(
      watcher,
      // A stored plan body that cannot be read: its record leaves the store (a check of the same
      // stamp would otherwise leave it there as it is), and its file is checked again.
      this.index.onDidFindDamage((uri) => {
        this.store?.remove(uri);
        if (!this.openDocument(uri)) void this.refreshFromDisk(uri, false);
      }),
      watcher.onDidCreate((uri) => this.onDiskChange(uri)),
      watcher.onDidChange((uri) => this.onDiskChange(uri)),
      watcher.onDidDelete((uri) => { if (!this.closed) void this.forgetIfGone(uri); }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (!this.isPlanDocument(doc)) return;
        this.checkDocument(doc);
        if (vscode.workspace.getWorkspaceFolder(doc.uri)) void this.workspace.open('a plan of the workspace was opened');
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isPlanDocument(e.document)) this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.isPlanDocument(doc)) this.checkDocument(doc);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.isPlanDocument(doc)) this.onClose(doc);
      }),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => void this.onRename(f.oldUri, f.newUri))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forget(uri))),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        e.removed.forEach((f) => this.index.deleteUnder(f.uri));
        if (this.workspace.started) e.added.forEach((f) => void this.scan(new vscode.RelativePattern(f, PLAN_GLOB)));
      }),
      this.config.onDidChange((e) => {
        if (e.settingsChanged) void this.recheckAll();
      }),
    );
    this.scheduleDayChange();
  }

  /** Checks the open plans, then every plan in the workspace's folders (the Refresh command). */
  async scanWorkspace(): Promise<number> {
    this.checkOpenDocuments();
    if (!this.workspace.started) return this.workspace.open('Refresh');
    return this.scan(PLAN_GLOB);
  }

  /** Shows what the stored index knows, then verifies it against the workspace's files, as the first search does. */
  scanDisk(): Promise<number> {
    return this.scan(PLAN_GLOB, true);
  }

  /** Checks the plans open in editors. */
  checkOpenDocuments(): void {
    vscode.workspace.textDocuments.filter((d) => this.isPlanDocument(d)).forEach((d) => this.checkDocument(d));
  }

  /** The first workspace search: from now on deleted folders are watched too. */
  private async scanFolders(): Promise<number> {
    if (this.disposed) return 0;
    // A deleted folder is reported as one event for the folder, none for the plans inside it;
    // so deletions (only those) are watched everywhere and matched against the known plans.
    const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(deletions, deletions.onDidDelete((uri) => this.onDeleted(uri)));
    return this.scan(PLAN_GLOB, true);
  }

  /** Settings changed: every plan is checked again at once. */
  async recheckAll(): Promise<void> {
    this.index.invalidate();
    await this.recheckStale();
  }

  private async recheckStale(): Promise<void> {
    const t0 = performance.now();
    const n = await this.withProgress(this.index.size, (report) => this.index.recheckStale(this.reload, report));
    this.log.info(`rechecked ${n} plans in ${ms(t0)} ms`);
  }

  dispose(): void {
    this.disposed = true;
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    if (this.dayTimer) clearTimeout(this.dayTimer);
    if (this.deletedFoldersTimer) clearTimeout(this.deletedFoldersTimer);
    this.disposables.forEach((d) => d.dispose());
  }

  /**
   * Reads the plans matching `include` from disk (open ones aside). With `showStored`, the stored
   * index is shown first: every analysis it holds of a file in the workspace goes into the index
   * (diagnostics, views) before any file is looked at; then the search's result is checked against
   * it: a file whose stamp changed, or that is new, is checked; one the search no longer finds leaves.
   */
  private async scan(include: vscode.GlobPattern, showStored = false): Promise<number> {
    if (!(vscode.workspace.workspaceFolders ?? []).some((f) => hasFileSystem(f.uri))) {
      this.resolveShown(0);
      return 0;
    }
    const t0 = performance.now();
    // The stored index is read while the files are searched.
    const loading = this.store?.load();
    const finding = Promise.resolve(this.findFiles(include, PLAN_EXCLUDE_GLOB)).then((found) => {
      this.lastFindMs = performance.now() - t0;
      return found;
    });
    await loading;
    const shown = showStored ? this.showStored() : [];
    if (showStored && shown.length > 0) this.resolveShown(shown.length);
    const found = await finding;
    // Shown from the store, not found by the search: deleted (or moved) while the window was closed.
    const foundKeys = new Set(found.map((u) => u.toString()));
    for (const e of shown) if (!foundKeys.has(e.uri.toString()) && this.index.entry(e.uri) === e) this.index.delete(e.uri);
    const t1 = performance.now();
    const listed = found.filter((u) => hasFileSystem(u) && !this.openDocument(u));
    const todo = await this.changedFiles(listed);
    const stampMs = performance.now() - t1;
    const [checks, restored] = [this.index.checks, this.index.restored];
    await this.withProgress(todo.length, async (report) => {
      let done = 0;
      // Batch by batch, yielding to the event loop in between: a keystroke's re-check of an open
      // plan (a timer) and the editor's messages run between two batches, not after the whole scan.
      for (let start = 0; start < todo.length && !this.disposed; start += SCAN_BATCH) {
        const batch = todo.slice(start, start + SCAN_BATCH);
        let next = 0;
        const worker = async () => {
          while (next < batch.length && !this.disposed) {
            const uri = batch[next++];
            await this.typingPause();
            await this.refreshFromDisk(uri);
            report(++done, todo.length);
          }
        };
        await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, batch.length) }, worker));
        await yieldToEvents();
      }
    });
    this.log.info(`workspace check: ${shown.length} plans shown from the stored index; ${found.length} plans found in ${this.lastFindMs.toFixed(0)} ms, ` +
      `${listed.length - todo.length} unchanged by their stamps (${stampMs.toFixed(0)} ms), ${todo.length} read ` +
      `(${this.index.restored - restored} from the stored index, ${this.index.checks - checks} checked), in ${ms(t0)} ms`);
    this.resolveShown(found.length);
    // Analyses stored on an earlier day: the time rules are checked again, after the first view is up.
    if (this.index.entries().some((e) => e.source.kind === 'disk' && !this.index.isFresh(e.uri, e.source))) void this.recheckStale();
    return found.length;
  }

  /**
   * Every analysis the stored index holds of a plan file of the workspace, into the index at once
   * (as one burst: the diagnostics go to VS Code in batches from the next turn on, the views redraw once), unchecked:
   * the scan verifies the stamps next.
   */
  private showStored(): PlanEntry[] {
    if (!this.store) return [];
    const t0 = performance.now();
    const open = new Set(vscode.workspace.textDocuments.filter((d) => !d.isClosed).map((d) => d.uri.toString()));
    const shown: PlanEntry[] = [];
    // Cheap string tests first: only a record that stays is parsed into a Uri.
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString().replace(/\/?$/, '/'));
    for (const record of this.store.records()) {
      const key = record.uri;
      if (open.has(key) || !folders.some((f) => key.startsWith(f)) || !isPlanFile(key) || EXCLUDED.test(key) || this.index.has(key)) continue;
      const uri = uriOfKey(key);
      if (!hasFileSystem(uri)) continue;
      const source = { kind: 'disk', mtime: record.mtime, size: record.size, hash: record.hash } as const;
      const entry = this.index.restore(this.index.reserve(uri), uri, source, record);
      if (entry) shown.push(entry);
    }
    this.log.info(`stored index: ${shown.length} plans shown in ${ms(t0)} ms, before their files are looked at`);
    return shown;
  }

  /**
   * The files whose analysis in the index is not of their current stamp (mtime and size), or that
   * have none: the stamps of the known ones are asked for many at a time.
   */
  private async changedFiles(uris: vscode.Uri[]): Promise<vscode.Uri[]> {
    const changed: vscode.Uri[] = [];
    const known: vscode.Uri[] = [];
    for (const uri of uris) (this.index.entry(uri)?.source.kind === 'disk' ? known : changed).push(uri);
    let next = 0;
    const worker = async () => {
      while (next < known.length && !this.disposed) {
        const uri = known[next++];
        const source = this.index.entry(uri)?.source;
        // A file that cannot be stat-ed now is read next: that reports why (or drops a deleted plan).
        const stat = await planFiles.stat(uri).catch(() => undefined);
        const same = stat?.isFile && source?.kind === 'disk' && source.mtime === stat.mtime && source.size === stat.size;
        if (!same) changed.push(uri);
      }
    };
    await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, known.length) }, worker));
    return changed;
  }

  private checkDocument(doc: vscode.TextDocument): void {
    this.cancel(doc.uri);
    this.index.updateBuffer(doc.uri, this.bufferSource(doc), () => doc.getText());
  }

  private bufferSource(doc: vscode.TextDocument) {
    return { kind: 'buffer', document: this.documentId(doc), version: doc.version } as const;
  }

  /** A plan's text for a re-check: the open buffer, else the file as it is on disk now. */
  private readonly reload: Reload = async (entry) => {
    const doc = this.openDocument(entry.uri);
    if (doc) return { source: this.bufferSource(doc), text: doc.getText() };
    if (!hasFileSystem(entry.uri)) return undefined;
    const stat = await planFiles.stat(entry.uri);
    const text = await planFiles.read(entry.uri, this.decoder);
    return { source: { kind: 'disk', mtime: stat.mtime, size: stat.size, hash: planHash(fileNameOf(entry.uri), text) }, text };
  };

  /**
   * The open plans come first: while one waits for its re-check after typing, the workspace check
   * waits too (for the re-check, at most a debounce), so the keystroke's check does not queue
   * behind the disk reads and checks of the scan.
   */
  private typingPause(): Promise<void> | undefined {
    if (this.timers.size === 0) return undefined;
    return new Promise((resolve) => {
      this.typingWaiters.push(resolve);
      setTimeout(resolve, this.config.config.debounceMs + 50);
    });
  }

  private typingDone(): void {
    if (this.timers.size > 0) return;
    this.typingWaiters.splice(0).forEach((resolve) => resolve());
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    // Not cancel(): that would let the waiting workspace check go for a moment between two keys.
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) this.checkDocument(doc);
      this.typingDone();
    }, this.config.config.debounceMs));
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    if (this.timers.delete(key)) this.typingDone();
  }

  private onDiskChange(uri: vscode.Uri): void {
    if (isExcluded(uri) || this.closed) return;
    // An open document is checked from its buffer; its unsaved text wins over the disk.
    if (!this.openDocument(uri) && hasFileSystem(uri)) void this.refreshFromDisk(uri);
    void this.workspace.open('a plan appeared on disk');
  }

  private onClose(doc: vscode.TextDocument): void {
    this.cancel(doc.uri);
    // A plan that is still on disk keeps its workspace diagnostics, now from the saved file.
    if (hasFileSystem(doc.uri) && !doc.isUntitled && !isExcluded(doc.uri)) void this.refreshFromDisk(doc.uri);
    else this.index.delete(doc.uri);
  }

  private async onRename(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    this.forget(oldUri);
    if (isPlanFile(newUri.path)) return this.refresh(newUri);
    if (!hasFileSystem(newUri)) return;
    try {
      const stat = await vscode.workspace.fs.stat(newUri);
      if (stat.type & vscode.FileType.Directory) await this.scan(new vscode.RelativePattern(newUri, PLAN_GLOB));
    } catch (e) {
      this.log.warn(`after renaming to ${newUri.toString(true)}: ${errorText(e)}`);
    }
  }

  /** Collects deleted paths and, once the burst is over, drops the plans that were inside them. */
  private onDeleted(uri: vscode.Uri): void {
    if (isPlanFile(uri.path) || this.closed) return; // the plan watcher has it
    this.deletedFolders.add(uri.toString());
    this.deletedFoldersTimer ??= setTimeout(() => {
      this.deletedFoldersTimer = undefined;
      const gone = new Set(this.deletedFolders);
      this.deletedFolders.clear();
      for (const { uri: plan } of this.index.entries()) {
        const key = plan.toString();
        for (let i = key.lastIndexOf('/'); i > 0; i = key.lastIndexOf('/', i - 1)) {
          if (gone.has(key.slice(0, i))) {
            void this.forgetIfGone(plan);
            break;
          }
        }
      }
    }, 50);
  }

  /**
   * A watcher reported `uri` deleted. Its events come late: a plan written again since (a folder
   * deleted and made again, as a test's clean-up does) is still there and stays.
   */
  private async forgetIfGone(uri: vscode.Uri): Promise<void> {
    if (hasFileSystem(uri)) {
      try {
        if ((await planFiles.stat(uri)).isFile) return;
      } catch (e) {
        if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) this.log.warn(`after ${uri.toString(true)} was deleted: ${errorText(e)}`);
      }
    }
    this.forget(uri);
  }

  /** A file or folder is gone: its plans leave the index (and only those). */
  private forget(uri: vscode.Uri): void {
    this.cancel(uri);
    this.index.delete(uri);
    this.index.deleteUnder(uri);
  }

  private refresh(uri: vscode.Uri): void {
    const doc = this.openDocument(uri);
    if (doc) this.checkDocument(doc);
    else if (hasFileSystem(uri) && !isExcluded(uri)) void this.refreshFromDisk(uri);
  }

  /**
   * Reads a plan file again, after any read of it still under way: a watcher event that comes in
   * while the workspace search reads the same file waits for it, then finds the analysis fresh
   * (same stamp) and does nothing, rather than claiming the file and dropping the search's result.
   */
  refreshFromDisk(uri: vscode.Uri, useStore = true): Promise<void> {
    const key = uri.toString();
    const before = this.reading.get(key);
    const read = () => this.readFromDisk(uri, useStore);
    const run: Promise<void> = (before ? before.then(read, read) : read())
      .finally(() => { if (this.reading.get(key) === run) this.reading.delete(key); });
    this.reading.set(key, run);
    return run;
  }

  /** Reads a plan from disk unless its analysis is of the file's stamp; `useStore` false: the stored index is not asked. */
  private async readFromDisk(uri: vscode.Uri, useStore: boolean): Promise<void> {
    // Opened since the scan listed it: its buffer is checked, and wins over the disk.
    if (this.openDocument(uri)) return;
    const ticket = this.index.reserve(uri);
    try {
      const stat = await planFiles.stat(uri);
      if (!stat.isFile) return;
      const source = { kind: 'disk', mtime: stat.mtime, size: stat.size } as const;
      if (!this.index.isCurrent(ticket) || (useStore && this.index.isFresh(uri, source))) return;
      const store = useStore ? this.store : undefined;
      // The stored index knows this very file (same stamp): no read, no check.
      const known = store?.match(uri, stat);
      if (known) {
        this.index.restore(ticket, uri, { ...source, hash: known.hash }, known);
        return;
      }
      if (this.beforeRead) await this.beforeRead(uri);
      const text = await planFiles.read(uri, this.decoder);
      const hash = planHash(fileNameOf(uri), text);
      // Same name and text as a stored analysis (a file touched, checked out again, or moved): no check.
      const same = store?.matchHash(hash);
      if (same) this.index.restore(ticket, uri, { ...source, hash }, same);
      else this.index.commit(ticket, uri, { ...source, hash }, text);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') {
        if (this.index.isCurrent(ticket)) this.index.delete(uri);
      } else {
        this.log.warn(`cannot read ${uri.toString(true)}: ${errorText(e)}`);
      }
    }
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
  }

  /** Plans of the workspace (file, untitled, or a virtual folder's scheme), not git or diff views. */
  private isPlanDocument(doc: vscode.TextDocument): boolean {
    if (!isPlanFile(doc.uri.path)) return false;
    const scheme = doc.uri.scheme;
    return scheme === 'file' || scheme === 'untitled' ||
      (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === scheme);
  }

  private documentId(doc: vscode.TextDocument): number {
    let id = this.documentIds.get(doc);
    if (id === undefined) this.documentIds.set(doc, (id = this.nextDocumentId++));
    return id;
  }

  /** "Today" moves at local midnight: stale-visit and close-date rules are checked again. */
  private scheduleDayChange(): void {
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    this.dayTimer = setTimeout(() => {
      if (this.disposed) return;
      void this.recheckStale();
      this.scheduleDayChange();
    }, midnight.getTime() - now.getTime());
  }

  private async withProgress<T>(total: number, task: (report: (done: number, total: number) => void) => Promise<T>): Promise<T> {
    if (total < PROGRESS_THRESHOLD) return task(() => undefined);
    // The views that list every plan show a progress bar too, while they fill in.
    let finished: () => void = () => undefined;
    const over = new Promise<void>((resolve) => { finished = resolve; });
    for (const viewId of [VIEWS.pipeline, VIEWS.accounts]) void vscode.window.withProgress({ location: { viewId } }, () => over);
    return Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: t('ext.checking') },
      (progress) => {
        let shown = 0;
        return task((done, all) => {
          const percent = Math.floor((done / all) * 100);
          if (percent === shown && done !== all) return;
          progress.report({ message: t('ext.progress', { done, total: all }), increment: percent - shown });
          shown = percent;
        });
      },
    )).finally(finished);
  }
}

/** What the workspace scan leaves out (PLAN_EXCLUDE_GLOB) the watcher leaves out too. */
const EXCLUDED = /\/(node_modules|\.git)\//;
const isExcluded = (uri: vscode.Uri): boolean => EXCLUDED.test(uri.path);

/** Plans are read from disk only where VS Code has a file system for them (not `untitled:`, `git:`…). */
const hasFileSystem = (uri: vscode.Uri): boolean => planFiles.hasFileSystem(uri);

/** Lets timers and the editor's messages run (setTimeout: the browser build has no setImmediate). */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const ms = (t0: number): string => (performance.now() - t0).toFixed(1);

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
