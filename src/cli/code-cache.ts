import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/**
 * Loads the engine bundle (CommonJS, ~1 MB) with V8's code cache, as Node 22's
 * `module.enableCompileCache()` does (Node 20, which this CLI supports, has none): compiling the
 * bundle took ~70 ms of every run, and git runs the merge driver and textconv once per file. The
 * cache sits next to the bundle, named by the bundle's content hash and the Node version, so a
 * rebuilt bundle or another Node never meets a cache made for something else; it is written only
 * where the bundle itself could be written (whoever can write there can already change the code),
 * never in a shared temporary folder. `ACCOUNT_PLANS_CODE_CACHE=0` turns it off.
 */
export function requireWithCodeCache(file: string): void {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    // A broken install: Node's own loader says what is missing.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
    return;
  }
  const cache = cacheFile(file, source);
  const cachedData = cache ? readIfPresent(cache) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cache && isMainThread && (!cachedData || script.cachedDataRejected)) {
    // At exit the functions this run compiled are in the cache too, so the next run skips them as well.
    process.once('exit', () => write(cache, file, () => script.createCachedData()));
  }
  const module = new Module(file, require.main);
  module.filename = file;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
}

function cacheFile(file: string, source: string): string | undefined {
  if (process.env.ACCOUNT_PLANS_CODE_CACHE === '0') return undefined;
  const key = createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 16);
  return `${file}.${key}.v8-cache`;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache beside the bundle (a temporary file, then renamed) and drops older ones; a folder that cannot be written is left alone. */
function write(cache: string, bundle: string, data: () => Buffer): void {
  const temporary = `${cache}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, data(), { flag: 'wx' });
    fs.renameSync(temporary, cache);
    const dir = path.dirname(bundle);
    const prefix = `${path.basename(bundle)}.`;
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.v8-cache') && path.join(dir, name) !== cache) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}
