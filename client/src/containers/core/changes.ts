// What a container changed relative to its image (GET /containers/{id}/changes), as source
// control shows it: A added, C changed, D deleted, by path inside the container ('' is `/`).
import type { FileEntry } from '../../archiveFiles/core/read';
import { isWithin, joinPath, parentOf } from '../../archiveFiles/core/paths';

/** One entry of the engine's answer: Kind 0 is modified, 1 added, 2 deleted. */
export interface EngineChange {
  Path: string;
  Kind: number;
}

export type ChangeBadge = 'A' | 'C' | 'D';

const badges: Record<number, ChangeBadge | undefined> = { 0: 'C', 1: 'A', 2: 'D' };

/** The changes by path, without the leading slash; entries of unknown kinds are left out. */
export function changeMap(changes: readonly EngineChange[] | null | undefined): Map<string, ChangeBadge> {
  const map = new Map<string, ChangeBadge>();
  for (const change of changes ?? []) {
    const badge = badges[change.Kind];
    const path = change.Path.split('/')
      .filter((part) => part !== '')
      .join('/');
    if (badge && path !== '') map.set(path, badge);
  }
  return map;
}

export interface PathDecoration {
  /** The path's own change, if any. */
  badge?: ChangeBadge;
  /** True for a folder that holds a change below it. */
  holdsChanges: boolean;
}

export function decorationOf(map: ReadonlyMap<string, ChangeBadge>, path: string): PathDecoration {
  let holdsChanges = false;
  for (const changed of map.keys())
    if (changed !== path && isWithin(changed, path)) {
      holdsChanges = true;
      break;
    }
  return { badge: map.get(path), holdsChanges };
}

/**
 * A folder's listing with the paths the container deleted from it added as rows of their own:
 * the archive cannot list what the container's filesystem no longer holds, but the user should
 * see what went where it was. A path deleted and created again is listed once, as it is now.
 */
export function withDeletedEntries(
  entries: readonly FileEntry[],
  map: ReadonlyMap<string, ChangeBadge>,
  dir: string,
): FileEntry[] {
  const listed = new Set(entries.map((entry) => entry.name));
  const deleted: FileEntry[] = [];
  for (const [path, badge] of map)
    if (badge === 'D' && path !== dir && parentOf(path) === dir) {
      const name = path.slice(dir === '' ? 0 : dir.length + 1);
      if (!listed.has(name)) deleted.push(deletedEntry(dir, name));
    }
  return [...entries, ...deleted].sort((a, b) => a.name.localeCompare(b.name));
}

function deletedEntry(dir: string, name: string): FileEntry {
  // The engine says only that the path went, not what it was.
  return {
    name,
    path: joinPath(dir, name),
    kind: 'other',
    size: 0,
    mode: 0,
    uid: 0,
    gid: 0,
    mtime: new Date(0),
    deleted: true,
  };
}
