import * as vscode from 'vscode';
import { checkPlan, restoreAnalysis, todayLocal, type Locale, type PlanAnalysis, type Settings, type StoredRecord, type PlanEntry as CorePlanEntry } from '../../core';
import { READ_CONCURRENCY } from '../constants';

/** Where a plan's text came from: an open document's buffer, or the file on disk. */
export type PlanSource =
  | { readonly kind: 'buffer'; readonly document: number; readonly version: number }
  | { readonly kind: 'disk'; readonly mtime: number; readonly size: number; /** planHash of the text, when known. */ readonly hash?: string };

export interface PlanEntry {
  readonly uri: vscode.Uri;
  readonly analysis: PlanAnalysis;
  readonly source: PlanSource;
  /** The date the plan was checked against. */
  readonly today: string;
  /** How long `checkPlan` took (0: read back from the stored index). */
  readonly checkMs: number;
  /** The analysis came from the stored index, not from the engine. */
  readonly restored?: boolean;
  /** The stored record it came from (kept as is when the store is written again). */
  readonly stored?: StoredRecord;
}

export interface PlanIndexChange {
  readonly uri: vscode.Uri;
  /** Undefined when the plan left the index (deleted, renamed away, out of the workspace). */
  readonly entry: PlanEntry | undefined;
}

/** A claim on the next result for a URI; a newer claim (or a delete) makes it stale. */
export interface Ticket {
  readonly key: string;
  readonly serial: number;
}

interface Stored extends PlanEntry {
  readonly settingsGeneration: number;
}

/** A plan's current text and where it came from, read again for a re-check (undefined: gone). */
export type Reload = (entry: PlanEntry) => Promise<{ source: PlanSource; text: string } | undefined>;

export interface PlanIndexOptions {
  readonly settings: () => Settings;
  readonly locale: () => Locale;
  readonly log: vscode.LogOutputChannel;
  readonly today?: () => string;
}

/**
 * The latest analysis of every known plan, keyed by URI. It is the one place that runs the
 * engine: diagnostics, and later tree views and webviews, read it and follow `onDidChange`.
 * An analysis is reused while the source (document version, or disk mtime and size), the date
 * and the settings are the same.
 */
export class PlanIndex implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<PlanIndexChange>();
  readonly onDidChange = this.emitter.event;
  private readonly damage = new vscode.EventEmitter<vscode.Uri>();
  /** A restored analysis's stored plan body did not parse: the file should be checked again. */
  readonly onDidFindDamage = this.damage.event;
  private readonly store = new Map<string, Stored>();
  /** coreEntries() until the index changes. */
  private listed: readonly CorePlanEntry[] | undefined;
  private readonly serials = new Map<string, number>();
  private settingsGeneration = 0;
  private readonly today: () => string;
  /** Milliseconds spent in the engine since the start (for the timing log and the bench). */
  engineMs = 0;
  /** How many times the engine ran, and how many analyses came from the stored index instead (tests, bench). */
  checks = 0;
  restored = 0;

  constructor(private readonly options: PlanIndexOptions) {
    this.today = options.today ?? (() => todayLocal());
  }

  get size(): number {
    return this.store.size;
  }

  /** Whether the index has a plan of this URI (as `uri.toString()`). */
  has(key: string): boolean {
    return this.store.has(key);
  }

  get(uri: vscode.Uri): PlanAnalysis | undefined {
    return this.store.get(uri.toString())?.analysis;
  }

  entry(uri: vscode.Uri): PlanEntry | undefined {
    return this.store.get(uri.toString());
  }

  entries(): PlanEntry[] {
    return [...this.store.values()];
  }

  /**
   * The entries in the engine's shape (URI as its string): one list until the index changes, as the
   * Pipeline and Accounts views read it one after the other. In no set order: what the views show
   * of it is put in a total order (ties broken by URI), and sums of money are exact in any order.
   */
  coreEntries(): readonly CorePlanEntry[] {
    return (this.listed ??= Array.from(this.store, (pair) => ({ uri: pair[0], analysis: pair[1].analysis })));
  }

  /** Claims the next result for `uri`: results of earlier claims are dropped. */
  reserve(uri: vscode.Uri): Ticket {
    const key = uri.toString();
    const serial = (this.serials.get(key) ?? 0) + 1;
    this.serials.set(key, serial);
    return { key, serial };
  }

  isCurrent(ticket: Ticket): boolean {
    return this.serials.get(ticket.key) === ticket.serial;
  }

  /** The stored analysis was made from this very source, today, with the current settings. */
  isFresh(uri: vscode.Uri, source: PlanSource): boolean {
    const s = this.store.get(uri.toString());
    return !!s && sameSource(s.source, source) && s.today === this.today() && s.settingsGeneration === this.settingsGeneration;
  }

  /** Checks an open document's text now, unless the stored analysis is already of this version. */
  updateBuffer(uri: vscode.Uri, source: PlanSource & { kind: 'buffer' }, text: () => string): PlanEntry | undefined {
    const ticket = this.reserve(uri);
    if (this.isFresh(uri, source)) return this.entry(uri);
    return this.commit(ticket, uri, source, text());
  }

  /**
   * Stores the analysis of `text` unless the ticket is stale or an analysis of a newer version
   * of the same document is already stored.
   */
  commit(ticket: Ticket, uri: vscode.Uri, source: PlanSource, text: string): PlanEntry | undefined {
    if (!this.isCurrent(ticket)) return undefined;
    const previous = this.store.get(ticket.key);
    if (
      previous && source.kind === 'buffer' && previous.source.kind === 'buffer' &&
      previous.source.document === source.document && previous.source.version > source.version
    ) {
      return undefined;
    }
    return this.check(uri, source, text);
  }

  /**
   * Stores an analysis read back from the persisted index (IndexStore) instead of checking the text:
   * the record's findings and plan, its facts derived again. A record of an earlier day is stale
   * (`isFresh` is false) and `recheckStale` checks it again.
   */
  restore(ticket: Ticket, uri: vscode.Uri, source: PlanSource & { kind: 'disk' }, record: StoredRecord): PlanEntry | undefined {
    if (!this.isCurrent(ticket)) return undefined;
    const analysis = restoreAnalysis(record, fileNameOf(uri), this.options.settings().currency, (e) => {
      this.options.log.warn(`stored index: the stored plan of ${uri.toString(true)} cannot be read (${e instanceof Error ? e.message : String(e)}); it is checked again`);
      this.damage.fire(uri);
    });
    this.restored++;
    const stored: Stored = { uri, analysis, source, today: record.today, checkMs: 0, restored: true, stored: record, settingsGeneration: this.settingsGeneration };
    this.store.set(ticket.key, stored);
    this.listed = undefined;
    this.emitter.fire({ uri, entry: stored });
    return stored;
  }

  delete(uri: vscode.Uri): boolean {
    this.reserve(uri);
    if (!this.store.delete(uri.toString())) return false;
    this.listed = undefined;
    this.emitter.fire({ uri, entry: undefined });
    return true;
  }

  /** Deletes every plan inside `folder` (a deleted, renamed or removed folder). */
  deleteUnder(folder: vscode.Uri): vscode.Uri[] {
    const prefix = folder.toString().replace(/\/?$/, '/');
    const gone = this.entries().filter((e) => e.uri.toString().startsWith(prefix)).map((e) => e.uri);
    gone.forEach((u) => this.delete(u));
    return gone;
  }

  /** The settings changed: the next check of every plan must not reuse an analysis. */
  invalidate(): void {
    this.settingsGeneration++;
  }

  /**
   * Checks again every stored plan that is not fresh (settings or date changed). The index keeps
   * no texts (10,000 plans would be ~100 MB more): `reload` reads each one again, a few at a time.
   */
  async recheckStale(reload: Reload, progress?: (done: number, total: number) => void): Promise<number> {
    const todo = [...this.store.values()].filter((s) => !this.isFresh(s.uri, s.source));
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < todo.length) {
        const s = todo[next++];
        // Skip a plan that changed, or left, meanwhile: it has a newer analysis, or none.
        if (this.store.get(s.uri.toString()) === s && !this.isFresh(s.uri, s.source)) {
          const ticket = this.reserve(s.uri);
          const current = await reload(s).catch(() => undefined);
          if (current) this.commit(ticket, s.uri, current.source, current.text);
        }
        progress?.(++done, todo.length);
      }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    return todo.length;
  }

  dispose(): void {
    this.emitter.dispose();
    this.damage.dispose();
    this.store.clear();
    this.listed = undefined;
  }

  private check(uri: vscode.Uri, source: PlanSource, text: string): PlanEntry | undefined {
    const today = this.today();
    const open = source.kind === 'buffer';
    const t0 = performance.now();
    let analysis: PlanAnalysis;
    try {
      analysis = checkPlan(text, {
        fileName: fileNameOf(uri),
        today,
        settings: this.options.settings(),
        locale: this.options.locale(),
        // An open document is checked at every pause in typing and its result soon replaced: it
        // shares the parse, which completion and hover reuse. A plan read from disk stays in the
        // index for long: compact objects, and no parse kept (see CheckOptions).
        compact: !open,
        cacheParse: open,
      });
    } catch (e) {
      this.options.log.error(`checking ${uri.toString(true)} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return undefined;
    }
    const checkMs = performance.now() - t0;
    this.engineMs += checkMs;
    this.checks++;
    const stored: Stored = {
      uri, analysis, source, today, checkMs,
      settingsGeneration: this.settingsGeneration,
    };
    this.store.set(uri.toString(), stored);
    this.listed = undefined;
    this.emitter.fire({ uri, entry: stored });
    return stored;
  }
}

function sameSource(a: PlanSource, b: PlanSource): boolean {
  if (a.kind === 'buffer' && b.kind === 'buffer') return a.document === b.document && a.version === b.version;
  if (a.kind === 'disk' && b.kind === 'disk') return a.mtime === b.mtime && a.size === b.size;
  return false;
}

/** The engine wants the file's name (the plan's default id is derived from it). */
export const fileNameOf = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);
