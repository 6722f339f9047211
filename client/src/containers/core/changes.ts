// What a container changed relative to its image (GET /containers/{id}/changes), as source
// control shows it: A added, C changed, D deleted, by path inside the container ('' is `/`).
import { isWithin } from '../../archiveFiles/core/paths';

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
