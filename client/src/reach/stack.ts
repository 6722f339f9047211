// Which container's network stack a container really uses: `--network container:X` gives it X's
// interfaces, addresses and DNS names, so reachability is decided for X instead.
import type { Container, Snapshot } from '../engine/model/snapshot';

export type ContainerIndex = Pick<Snapshot, 'containers' | 'networks'>;

/** By full id, name (with or without the leading slash) or an unambiguous id prefix. */
export function findContainer(snapshot: ContainerIndex, idOrName: string): Container | undefined {
  const direct = snapshot.containers.get(idOrName);
  if (direct) return direct;
  const wanted = idOrName.replace(/^\//, '');
  const all = [...snapshot.containers.values()];
  const byName = all.find((c) => c.name === wanted);
  if (byName) return byName;
  if (!/^[0-9a-f]{4,}$/.test(wanted)) return undefined;
  const byPrefix = all.filter((c) => c.id.startsWith(wanted));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

export interface Stack {
  /** The container whose network namespace is used; the container itself unless it joined another. */
  owner: Container;
  /** Set when `container:X` names a container that is not in the snapshot. */
  missingOwner?: string;
}

/** Follows `container:X` (the engine refuses cycles; the depth limit only guards odd snapshots). */
export function resolveStack(snapshot: ContainerIndex, container: Container): Stack {
  let owner = container;
  for (let depth = 0; depth < 8 && owner.networkMode.kind === 'container'; depth++) {
    const mode = owner.networkMode;
    const next =
      findContainer(snapshot, mode.containerId) ??
      (mode.containerName ? findContainer(snapshot, mode.containerName) : undefined);
    if (!next) return { owner, missingOwner: mode.containerName ?? mode.containerId };
    owner = next;
  }
  return { owner };
}

export function isRunning(container: Container): boolean {
  return container.state === 'running' || container.state === 'paused' || container.state === 'restarting';
}
