import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { isComposeFileName } from '../compose/project';
import { UsageError } from './args';

const dockerfileName = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.[Dd]ockerfile)$/;
const skippedDirs = new Set(['node_modules', '.git', '.hg', '.svn']);

export function isDockerfileName(name: string): boolean {
  return dockerfileName.test(name);
}

/** Files named on the command line, plus Dockerfiles and Compose files under named folders, sorted. */
export function discover(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirs.has(entry.name)) walk(full);
      } else if (entry.isFile() && (isDockerfileName(entry.name) || isComposeFileName(entry.name)))
        out.push(full);
    }
  };
  for (const p of paths) {
    let stat: Stats;
    try {
      stat = statSync(p);
    } catch {
      throw new UsageError(`${p}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}
