import type { GitRunner } from './git-process';

/** What reading one plan gave: its text, or why there is none. */
export type PlanContent =
  /** `text` is decoded from the bytes each time it is read (see `classify`). */
  | { readonly kind: 'text'; readonly text: string }
  /** A NUL byte in its first 8,000 bytes, as git decides. */
  | { readonly kind: 'binary'; readonly size: number }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'missing'; readonly reason: string };

/** Larger plans are not read as text (a plan is a few KB; a file this big is a mistake, not a plan). */
export const MAX_PLAN_BYTES = 16 * 1024 * 1024;
/** The most `git cat-file --batch` may give in one run. */
export const MAX_BATCH_BYTES = 1024 * 1024 * 1024;

/**
 * Reads every object named in `names` (object names, or `rev:path`) through one
 * `git cat-file --batch` process: one request line each, one answer each, in order.
 */
export function readObjects(git: GitRunner, names: readonly string[], maxPlanBytes = MAX_PLAN_BYTES): Map<string, PlanContent> {
  const unique = [...new Set(names)];
  const found = new Map<string, PlanContent>();
  if (unique.length === 0) return found;
  for (const name of unique) {
    if (/[\n\0]/.test(name)) throw new Error(`cannot ask git cat-file for a name with a line break: ${JSON.stringify(name)}`);
  }
  const out = git.run(['cat-file', '--batch'], { input: `${unique.join('\n')}\n`, maxBuffer: MAX_BATCH_BYTES });
  parseBatch(out.stdout, unique, maxPlanBytes, found);
  return found;
}

/** `<oid> <type> <size>\n<bytes>\n` per object, or `<name> missing\n` / `<name> ambiguous\n`. */
export function parseBatch(stdout: Buffer, names: readonly string[], maxPlanBytes: number, into: Map<string, PlanContent>): void {
  let at = 0;
  for (const name of names) {
    const eol = stdout.indexOf(0x0a, at);
    if (eol < 0) throw new Error(`git cat-file --batch stopped before answering for ${name}`);
    const header = stdout.toString('utf8', at, eol);
    at = eol + 1;
    const m = /^[0-9a-f]{40,64} (\S+) (\d+)$/.exec(header);
    if (!m) {
      into.set(name, { kind: 'missing', reason: header.endsWith(' ambiguous') ? 'ambiguous object name' : 'no such object' });
      continue;
    }
    const size = Number(m[2]);
    const bytes = stdout.subarray(at, at + size);
    if (bytes.length !== size) throw new Error(`git cat-file --batch gave ${bytes.length} of ${size} bytes for ${name}`);
    at += size + 1; // the content, then a line feed
    into.set(name, m[1] !== 'blob' ? { kind: 'missing', reason: `a ${m[1]}, not a file` } : classify(bytes, maxPlanBytes));
  }
}

/**
 * A file's bytes as plan text, unless binary or too large. Invalid UTF-8 reads as U+FFFD, as on disk.
 * The text is decoded when it is read, and not kept: a diff of 1,000 plans held 2,000 decoded texts
 * (24 MB of JavaScript strings, which the collector copied twice) from the read to the end; the
 * bytes stay outside the JavaScript heap, and each text dies young once its plan is checked.
 */
export function classify(bytes: Buffer, maxPlanBytes: number): PlanContent {
  if (bytes.length > maxPlanBytes) return { kind: 'too-large', size: bytes.length };
  if (bytes.subarray(0, 8000).includes(0)) return { kind: 'binary', size: bytes.length };
  return { kind: 'text', get text() { return bytes.toString('utf8'); } };
}
