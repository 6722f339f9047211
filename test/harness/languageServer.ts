// The Berth language server processes of a workbench, read from /proc.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { waitFor } from './wait';

/** Pids of the Berth language servers started from the extensions installed under `extensionsDir`. */
export function languageServerPids(extensionsDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // Gone meanwhile.
    }
    const server = argv.find((arg) => arg.endsWith(path.join('dist', 'server', 'server.js')));
    if (server?.startsWith(extensionsDir)) pids.push(Number(entry));
  }
  return pids;
}

/** Waits until exactly one language server of this workbench runs that is not in `old`. */
export async function newLanguageServer(extensionsDir: string, old: readonly number[] = []): Promise<number> {
  return waitFor(
    'a (new) Berth language server process',
    () => {
      const pids = languageServerPids(extensionsDir).filter((pid) => !old.includes(pid));
      return Promise.resolve(pids.length === 1 ? pids[0] : undefined);
    },
    90_000,
  );
}
