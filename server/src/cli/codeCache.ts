import type * as Crypto from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, win32 } from 'node:path';
import { Script } from 'node:vm';

/** The OS's folder for caches that may be deleted at any time, and berth-lint's place in it. */
export function codeCacheDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? win32.join(home, 'AppData', 'Local');
    return win32.join(local, 'berth-lint', 'Cache');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Caches', 'berth-lint');
  // The XDG spec says a relative XDG_CACHE_HOME is to be ignored.
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.cache');
  return posix.join(base, 'berth-lint');
}

function readIfAny(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache, then drops the older ones of this Node: each belonged to another build. */
function save(dir: string, name: string, script: Script): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temp = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, join(dir, name));
    for (const old of readdirSync(dir))
      if (old !== name && old.startsWith(`${process.version}-`) && old.endsWith('.v8cache'))
        rmSync(join(dir, old), { force: true });
  } catch {
    // A cache is an optimization: a folder that cannot be written only means no cache.
  }
}

/** How esbuild.mjs ends the CLI bundle: this, the SHA-256 of what comes before, and a newline. */
export const bundleKeyMarker = '\n//# berthBundleSha256=';

/**
 * What tells this bundle's cache from another build's; V8 itself checks the source's length
 * only. The hash esbuild.mjs wrote at the end is read back: hashing the bundle here would load
 * node:crypto, which costs more than the hashing.
 */
export function bundleKey(source: string): string {
  const at = source.lastIndexOf(bundleKeyMarker);
  const written = at < 0 ? '' : source.slice(at + bundleKeyMarker.length).trim();
  if (/^[0-9a-f]{64}$/.test(written)) return written.slice(0, 32);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only for a bundle built otherwise
  const { createHash } = require('node:crypto') as typeof Crypto;
  return createHash('sha256').update(source).digest('hex').slice(0, 32);
}

export interface CodeCache {
  dir: string;
  /** Whether a missing or refused cache is written as this process exits. */
  write: boolean;
}

/**
 * Runs a CommonJS bundle as require() would, with V8's code cache for it kept in `cache.dir`.
 * The cache is made as the process exits, so it holds every function the run compiled, the
 * rules among them; Node's own compile cache keeps only what is compiled at load. V8 refuses a
 * cache made under other V8 flags or another V8; the next run that writes then replaces it.
 */
export function runWithCodeCache(file: string, cache: CodeCache | undefined): void {
  const source = readFileSync(file, 'utf8');
  const cacheDir = cache?.dir;
  const name =
    cacheDir === undefined ? '' : `${process.version}-${process.arch}-${bundleKey(source)}.v8cache`;
  const cached = cacheDir === undefined ? undefined : readIfAny(join(cacheDir, name));
  // On one line with the source, so that stack traces keep the bundle's line numbers.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData: cached });
  if (cacheDir !== undefined && cache?.write && (cached === undefined || script.cachedDataRejected === true))
    process.once('exit', () => save(cacheDir, name, script));
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} };
  run(module.exports, createRequire(file), module, file, dirname(file));
}
