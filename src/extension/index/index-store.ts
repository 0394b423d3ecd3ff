import * as vscode from 'vscode';
import { STORE_SHARDS, StoredBody, encodeShard, readShard, restampRecord, shardOf, toStoredRecord, type ShardFile, type ShardRejection, type StoredRecord } from '../../core';
import type { PlanIndex } from './plan-index';
import { readShardFile } from './store-files';

export interface IndexStoreOptions {
  /** The folder of the shard files, in the extension's storage (never the workspace); none: nothing is kept. */
  readonly folder: vscode.Uri | undefined;
  /** The engine's version (a stored analysis of another engine is not used). */
  readonly engine: () => Promise<string>;
  /** storeKey() of the settings and language in effect now. */
  readonly key: () => string;
  readonly log: vscode.LogOutputChannel;
  /** Quiet time after the last change before the changed shards are written. */
  readonly flushDelayMs?: number;
}

/** What the last load found (the log line says the same; tests read it). */
export interface StoreLoadReport {
  readonly records: number;
  readonly ms: number;
  readonly ignored: readonly { readonly shard: number; readonly reason: ShardRejection | 'invalid-records' }[];
}

/**
 * The persisted index: every plan file's last analysis, by URI, with its stamp (mtime and size) and
 * content hash, spread over STORE_SHARDS files in the extension's storage through
 * vscode.workspace.fs (so the browser build keeps one too). The pure parts — the record, the shard
 * format, its validation — are core's (model/stored-index.ts, stored-shard.ts); this class reads,
 * writes and looks up.
 * A shard that is not JSON, of another format, engine or settings, is ignored (and logged).
 */
export class IndexStore implements vscode.Disposable {
  private readonly shards = Array.from({ length: STORE_SHARDS }, () => new Map<string, StoredRecord>());
  private readonly byHash = new Map<string, StoredRecord>();
  private readonly dirty = new Set<number>();
  private loading: Promise<void> | undefined;
  private engine = '';
  /** The key the records in memory were made with. */
  private key = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private firstDirtyAt = 0;
  lastLoad: StoreLoadReport | undefined;
  /** Shard files written since the start (tests). */
  writes = 0;

  constructor(private readonly options: IndexStoreOptions) {
    this.key = options.key();
  }

  get enabled(): boolean {
    return this.options.folder !== undefined;
  }

  /** The shard files' folder (tests). */
  get folder(): vscode.Uri | undefined {
    return this.options.folder;
  }

  /** Reads the stored shards once; later calls wait for the same reading. */
  load(): Promise<void> {
    this.loading ??= this.read();
    return this.loading;
  }

  /** Forgets what is in memory and reads the shard files again (the tests' simulated reopen). */
  async reload(): Promise<void> {
    await this.flush();
    this.shards.forEach((s) => s.clear());
    this.byHash.clear();
    this.loading = undefined;
    return this.load();
  }

  /** The stored analysis of this file, if its stamp is the one recorded. */
  match(uri: vscode.Uri, stamp: { mtime: number; size: number }): StoredRecord | undefined {
    if (!this.current()) return undefined;
    const r = this.shards[shardOf(uri.toString())].get(uri.toString());
    return r && r.mtime === stamp.mtime && r.size === stamp.size ? r : undefined;
  }

  /** Whether a record of this file is kept (whatever its stamp). */
  has(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return this.shards[shardOf(key)].has(key);
  }

  /** Every record kept, of the settings in effect (none if they changed since the load). */
  records(): StoredRecord[] {
    if (!this.current()) return [];
    return this.shards.flatMap((s) => [...s.values()]);
  }

  /** A stored analysis of the same file name and text (a file touched, or moved to another folder). */
  matchHash(hash: string): StoredRecord | undefined {
    return this.current() ? this.byHash.get(hash) : undefined;
  }

  put(record: StoredRecord): void {
    if (!this.enabled) return;
    this.current();
    const shard = shardOf(record.uri);
    const old = this.shards[shard].get(record.uri);
    if (old && old.hash === record.hash && old.mtime === record.mtime && old.size === record.size && old.today === record.today) return;
    if (old && this.byHash.get(old.hash) === old) this.byHash.delete(old.hash);
    this.shards[shard].set(record.uri, record);
    this.byHash.set(record.hash, record);
    this.touch(shard);
  }

  remove(uri: vscode.Uri): void {
    const key = uri.toString();
    const shard = shardOf(key);
    const old = this.shards[shard].get(key);
    if (!old) return;
    this.shards[shard].delete(key);
    if (this.byHash.get(old.hash) === old) this.byHash.delete(old.hash);
    this.touch(shard);
  }

  /** Writes every changed shard now (and waits for a write in progress). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.writeDirty());
    return this.writing;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Whether the records in memory are of the settings in effect; if not, they are dropped. */
  private current(): boolean {
    const key = this.options.key();
    if (key === this.key) return true;
    if (this.size() > 0) this.options.log.info(`stored index: the settings changed, its ${this.size()} analyses are dropped`);
    this.key = key;
    this.byHash.clear();
    this.shards.forEach((s, i) => {
      s.clear();
      this.dirty.add(i);
    });
    return false;
  }

  private size(): number {
    return this.shards.reduce((n, s) => n + s.size, 0);
  }

  private touch(shard: number): void {
    if (this.dirty.size === 0) this.firstDirtyAt = performance.now();
    this.dirty.add(shard);
    const delay = this.options.flushDelayMs ?? 2000;
    // Quiet time after the last change, but never more than ten such delays after the first one:
    // a long cold index is saved as it goes.
    if (this.timer && performance.now() - this.firstDirtyAt < 10 * delay) clearTimeout(this.timer);
    else if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private async read(): Promise<void> {
    const folder = this.options.folder;
    this.engine = await this.options.engine();
    this.current();
    if (!folder) return;
    const t0 = performance.now();
    const ignored: { shard: number; reason: ShardRejection | 'invalid-records' }[] = [];
    let records = 0;
    // All shard files are asked for at once (each read is a round trip to the file service), then
    // parsed one per turn of the event loop, as they arrive (only their header lines are read and
    // parsed: see store-files.ts and stored-shard.ts), so the editor's messages are answered in between.
    await Promise.all(Array.from({ length: STORE_SHARDS }, async (_, i) => {
      let file: ShardFile;
      try {
        file = await readShardFile(this.shardUri(i));
      } catch (e) {
        if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) this.options.log.warn(`stored index: cannot read shard ${i}: ${errorText(e)}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
      records += this.take(i, file, ignored);
    }));
    ignored.sort((a, b) => a.shard - b.shard);
    this.lastLoad = { records, ms: performance.now() - t0, ignored };
    this.options.log.info(`stored index: ${records} analyses read from ${folder.toString(true)} in ${this.lastLoad.ms.toFixed(0)} ms` +
      (ignored.length ? `, ${ignored.length} shards ignored` : ''));
  }

  /** Puts a shard file's records into memory; a shard that cannot be used is noted and written again. */
  private take(i: number, file: ShardFile, ignored: { shard: number; reason: ShardRejection | 'invalid-records' }[]): number {
    const reading = readShard(file, { engine: this.engine, key: this.key });
    if (!reading.ok) {
      ignored.push({ shard: i, reason: reading.reason });
      this.options.log.warn(`stored index: shard ${i} ignored (${reading.reason}${reading.detail ? `: ${reading.detail}` : ''}); its plans are checked again`);
      this.dirty.add(i);
      return 0;
    }
    if (reading.dropped > 0) {
      ignored.push({ shard: i, reason: 'invalid-records' });
      this.options.log.warn(`stored index: shard ${i}: ${reading.dropped} records failed validation and are checked again`);
      this.dirty.add(i);
    }
    for (const r of reading.records) {
      // A plan checked while the store was being read keeps its newer analysis.
      if (this.shards[i].has(r.uri)) continue;
      this.shards[i].set(r.uri, r);
      this.byHash.set(r.hash, r);
    }
    return reading.records.length;
  }

  private async writeDirty(): Promise<void> {
    const folder = this.options.folder;
    if (!folder || this.dirty.size === 0) return;
    await this.load();
    const t0 = performance.now();
    const todo = [...this.dirty].sort((a, b) => a - b);
    this.dirty.clear();
    try {
      await vscode.workspace.fs.createDirectory(folder);
      for (const i of todo) {
        const bytes = encodeShard(this.engine, this.key, this.writable(i));
        // Written beside, then renamed over: a window closed mid-write leaves the old shard whole.
        const tmp = vscode.Uri.joinPath(folder, `shard-${i}.json.tmp`);
        await vscode.workspace.fs.writeFile(tmp, bytes);
        await vscode.workspace.fs.rename(tmp, this.shardUri(i), { overwrite: true });
        this.writes++;
      }
      this.options.log.info(`stored index: ${todo.length} shards written in ${(performance.now() - t0).toFixed(0)} ms`);
    } catch (e) {
      this.options.log.warn(`stored index: cannot write to ${folder.toString(true)}: ${errorText(e)}`);
    }
  }

  /**
   * Shard `i`'s records whose bodies can still be read. A body is read from the shard file when it
   * is first needed; if that file changed since its header was read (another window wrote it), the
   * records are dropped rather than written without their bodies: their files are checked again.
   */
  private writable(i: number): StoredRecord[] {
    const records = [...this.shards[i].values()];
    const lost = records.filter((r) => {
      try {
        if (r.plan?.body instanceof StoredBody) r.plan.body.bytes();
        return false;
      } catch {
        return true;
      }
    });
    if (lost.length === 0) return records;
    this.options.log.warn(`stored index: shard ${i} changed on disk since it was read; ${lost.length} analyses are dropped and their plans checked again on the next open`);
    for (const r of lost) {
      this.shards[i].delete(r.uri);
      if (this.byHash.get(r.hash) === r) this.byHash.delete(r.hash);
    }
    return [...this.shards[i].values()];
  }

  shardUri(i: number): vscode.Uri {
    return vscode.Uri.joinPath(this.options.folder!, `shard-${i}.json`);
  }
}

/**
 * Keeps the store in step with the index: an analysis of a file on disk is stored, a plan that left
 * the index is removed. An analysis of an open buffer is not stored (the file on disk may differ);
 * the file's own record stays. `suspended` lets the tests drop the index without emptying the store.
 */
export class IndexPersistence implements vscode.Disposable {
  suspended = false;
  private readonly subscription: vscode.Disposable;

  constructor(index: PlanIndex, store: IndexStore) {
    this.subscription = index.onDidChange(({ uri, entry }) => {
      if (this.suspended) return;
      if (!entry) store.remove(uri);
      else if (entry.source.kind === 'disk' && entry.source.hash) {
        const { mtime, size, hash } = entry.source;
        const key = uri.toString();
        const stored = entry.stored;
        // Restored from this very file's record: nothing to store (10,000 of these when a workspace is reopened).
        if (stored && stored.uri === key && stored.mtime === mtime && stored.size === size && store.has(uri)) return;
        // A restored analysis is kept as the record it came from (its plan body unread).
        store.put(stored ? restampRecord(stored, key, { mtime, size }) : toStoredRecord(key, { mtime, size, hash }, entry.today, entry.analysis));
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
