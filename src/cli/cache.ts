import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, PlanAnalysis } from '../core/index';
import type { Host } from './host';
import { describeFsError } from './walk';

/**
 * `check --cache`: findings by file, on disk, so a re-check checks only the changed plans. A plan
 * whose size and modification time are as recorded is not even read (as ESLint's and Prettier's
 * caches do); otherwise its content hash decides, so a fresh clone (new times, same bytes) still
 * hits. The whole cache is dropped when anything else that changes a finding changes: the tool's
 * version, the settings, the date, the language.
 */
interface Entry {
  readonly hash: string;
  readonly mtime?: number;
  readonly size?: number;
  readonly findings: readonly Finding[];
}

interface CacheFile {
  readonly key: string;
  readonly entries: Record<string, Entry>;
}

/** What identifies a file's version cheaply: its size and modification time. */
export interface FileStamp { readonly mtimeMs: number; readonly size: number }

export class CheckCache {
  private readonly fresh: Record<string, Entry> = {};
  private readonly old: CacheFile['entries'];
  hits = 0;
  private dirty = false;

  /** `host` hears a warning when the cache cannot be written; the check's result stands regardless. */
  constructor(readonly file: string, private readonly key: string, private readonly host?: Pick<Host, 'err'>) {
    this.old = load(file, key);
  }

  static defaultFile(cwd: string): string {
    const nm = path.join(cwd, 'node_modules');
    return fs.existsSync(nm) ? path.join(nm, '.cache', 'account-plans', 'check.json') : path.join(cwd, '.account-plans-cache', 'check.json');
  }

  static keyOf(parts: readonly unknown[]): string {
    return hash(JSON.stringify(parts));
  }

  /** The findings of a file whose size and modification time are as recorded, without reading it. */
  stamped(file: string, stamp: FileStamp): PlanAnalysis | undefined {
    const e = this.old[file];
    if (!e || e.mtime !== stamp.mtimeMs || e.size !== stamp.size) return undefined;
    return this.hit(file, e);
  }

  /** The findings of a file with this content; the new stamp is recorded. */
  get(file: string, text: string, stamp?: FileStamp): PlanAnalysis | undefined {
    const e = this.old[file];
    if (!e || e.hash !== hash(text)) return undefined;
    if (stamp && (e.mtime !== stamp.mtimeMs || e.size !== stamp.size)) this.dirty = true;
    return this.hit(file, { ...e, mtime: stamp?.mtimeMs, size: stamp?.size });
  }

  put(file: string, text: string, analysis: PlanAnalysis, stamp?: FileStamp): void {
    if (this.fresh[file]) return; // a hit: already carried over
    this.fresh[file] = { hash: hash(text), mtime: stamp?.mtimeMs, size: stamp?.size, findings: analysis.findings };
    this.dirty = true;
  }

  private hit(file: string, e: Entry): PlanAnalysis {
    this.hits++;
    this.fresh[file] = e;
    return { fileName: file, findings: e.findings };
  }

  /** Writes the cache, unless every plan was a hit and none went away (then the file is already right). */
  save(): void {
    if (!this.dirty && Object.keys(this.old).length === this.hits) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify({ key: this.key, entries: this.fresh } satisfies CacheFile));
      fs.renameSync(tmp, this.file);
    } catch (e) {
      if (fs.existsSync(tmp)) fs.rmSync(tmp, { force: true });
      this.host?.err(`account-plans: warning: cannot write the cache ${this.file}: ${describeFsError(e)}; the next run checks every plan again\n`);
    }
  }
}

const hash = (text: string) => createHash('sha1').update(text).digest('base64');

function load(file: string, key: string): CacheFile['entries'] {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    return data && data.key === key && typeof data.entries === 'object' ? data.entries : {};
  } catch {
    return {}; // no cache yet, or an unreadable one: start afresh
  }
}
