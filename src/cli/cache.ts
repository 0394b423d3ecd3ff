import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, PlanAnalysis } from '../core/index';

/**
 * `check --cache`: findings by content hash, on disk, so a re-check reads and hashes every plan but
 * checks only the changed ones. The whole cache is dropped when anything else that changes a
 * finding changes: the tool's version, the settings, the date, the language.
 */
interface CacheFile {
  readonly key: string;
  readonly entries: Record<string, { readonly hash: string; readonly findings: readonly Finding[] }>;
}

export class CheckCache {
  private readonly fresh: Record<string, { hash: string; findings: readonly Finding[] }> = {};
  private readonly old: CacheFile['entries'];
  hits = 0;
  private dirty = false;

  constructor(readonly file: string, private readonly key: string) {
    this.old = load(file, key);
  }

  static defaultFile(cwd: string): string {
    const nm = path.join(cwd, 'node_modules');
    return fs.existsSync(nm) ? path.join(nm, '.cache', 'account-plans', 'check.json') : path.join(cwd, '.account-plans-cache', 'check.json');
  }

  static keyOf(parts: readonly unknown[]): string {
    return hash(JSON.stringify(parts));
  }

  get(file: string, text: string): PlanAnalysis | undefined {
    const h = hash(text);
    const e = this.old[file];
    if (e && e.hash === h) {
      this.hits++;
      this.fresh[file] = e;
      return { fileName: file, findings: e.findings };
    }
    return undefined;
  }

  put(file: string, text: string, analysis: PlanAnalysis): void {
    if (this.fresh[file]) return; // a hit: already carried over
    this.fresh[file] = { hash: hash(text), findings: analysis.findings };
    this.dirty = true;
  }

  /** Writes the cache, unless every plan was a hit and none went away (then the file is already right). */
  save(): void {
    if (!this.dirty && Object.keys(this.old).length === this.hits) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ key: this.key, entries: this.fresh } satisfies CacheFile));
    fs.renameSync(tmp, this.file);
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
