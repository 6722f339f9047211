// What surrounds a Compose file on disk: the other Compose files of its folder and those it
// includes (Compose merges overrides and `-f` files into one project), `.env`'s project name,
// and read access for the rules that look at Dockerfiles and bind-mount sources.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HostFiles } from '../compose/rules/context';
import { parseCompose } from '../compose/parse/parse';
import type { ComposeFile } from '../compose/parse/model';
import { isComposeFileName } from '../compose/project';

export const diskFiles: HostFiles = {
  exists: (file) => fs.existsSync(file),
  readText: (file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};

const cache = new Map<string, { mtimeMs: number; file: ComposeFile }>();

/** A Compose file from disk, parsed once per modification. */
export function readComposeFile(file: string): ComposeFile | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.file;
  const source = diskFiles.readText(file);
  if (source === undefined) return undefined;
  const parsed = parseCompose({
    uri: pathToFileURL(file).href,
    path: file,
    source: source.replace(/^\uFEFF/, ''),
  });
  cache.set(file, { mtimeMs: stat.mtimeMs, file: parsed });
  return parsed;
}

/**
 * The project's other files: Compose files in the same folder and, one level deep, the files
 * `include:` names. `open` supplies the editor's unsaved text for files that are open.
 */
export function composeSiblings(
  file: ComposeFile,
  open: (file: string) => ComposeFile | undefined,
): ComposeFile[] {
  if (!file.path) return [];
  const dir = path.dirname(file.path);
  const names = new Set<string>();
  try {
    for (const name of fs.readdirSync(dir)) if (isComposeFileName(name)) names.add(path.join(dir, name));
  } catch {
    // A folder that cannot be listed has no siblings to offer.
  }
  for (const include of file.includes) names.add(path.resolve(dir, include.text));
  names.delete(file.path);
  return [...names]
    .sort()
    .map((name) => open(name) ?? readComposeFile(name))
    .filter((f): f is ComposeFile => !!f);
}

/** COMPOSE_PROJECT_NAME from the `.env` beside the file, which `docker compose` reads. */
export function envProjectName(file: ComposeFile): string | undefined {
  if (!file.path) return undefined;
  const env = diskFiles.readText(path.join(path.dirname(file.path), '.env'));
  const m = env ? /^\s*COMPOSE_PROJECT_NAME\s*=\s*["']?([^"'\s#]+)/m.exec(env) : null;
  return m?.[1];
}
