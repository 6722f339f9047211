import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

/** `module.enableCompileCache` (Node 22.1 and later); @types/node for Node 20 does not know it. */
type EnableCompileCache = (directory?: string) => unknown;

/** The OS's folder for caches that may be deleted at any time, and Berth's place in it. */
export function compileCacheDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'win32')
    return path.win32.join(
      env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local'),
      'berth-lint',
      'Cache',
    );
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', 'berth-lint');
  const xdg = env.XDG_CACHE_HOME;
  return path.posix.join(
    xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.cache'),
    'berth-lint',
  );
}

/**
 * Keeps V8's compiled code of the CLI bundle on disk, so that a run after the first skips
 * compiling it. Node decides the rest: NODE_COMPILE_CACHE picks another folder,
 * NODE_DISABLE_COMPILE_CACHE turns it off, and a folder it cannot write only means no cache.
 */
export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    enable(
      process.env.NODE_COMPILE_CACHE
        ? undefined
        : compileCacheDir(process.platform, process.env, os.homedir()),
    );
  } catch {
    // A cache is an optimization: linting goes on without one.
  }
}
