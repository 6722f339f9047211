// Loads one snapshot in three Engine API calls (containers, networks, volumes, in parallel).
// The list payloads carry everything the model needs except network aliases, which only
// `/containers/{id}/json` returns. Those come from a cache, filled by `loadAliases` for the few
// containers on user-defined networks whose endpoints changed, so a reload stays three calls.
import type Docker from 'dockerode';
import { joinSnapshot } from './join';
import type { RawContainer, RawNetwork, RawVolume } from './mapping';
import {
  builtinNetworkNames,
  containerNames,
  linksByContainer,
  mapContainer,
  mapNetwork,
  mapVolume,
  userAliases,
} from './mapping';
import type { Container, EngineInfo, Snapshot } from './model';

interface CachedAliases {
  signature: string;
  byNetwork: Map<string, string[]>;
}

/** Aliases per container, valid while its endpoints stay the same. */
export class AliasCache {
  private readonly entries = new Map<string, CachedAliases>();

  get(container: Container): Map<string, string[]> | undefined {
    const entry = this.entries.get(container.id);
    return entry && entry.signature === signatureOf(container) ? entry.byNetwork : undefined;
  }

  set(container: Container, byNetwork: Map<string, string[]>): void {
    this.entries.set(container.id, { signature: signatureOf(container), byNetwork });
  }

  /** An event touched this container: its aliases may have changed even if its endpoints did not. */
  invalidate(containerId: string): void {
    this.entries.delete(containerId);
  }

  /** Forgets containers that no longer exist. */
  retain(ids: Set<string>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }
}

function signatureOf(container: Container): string {
  return container.endpoints.map((e) => `${e.networkName}/${e.endpointId}`).join(',');
}

/** Only user-defined networks carry aliases; the default bridge, host and none never do. */
function needsAliases(container: Container): boolean {
  return container.endpoints.some((e) => !builtinNetworkNames.has(e.networkName));
}

function withAliases(container: Container, byNetwork: Map<string, string[]>): Container {
  return {
    ...container,
    endpoints: container.endpoints.map((e) => ({ ...e, aliases: byNetwork.get(e.networkName) ?? e.aliases })),
  };
}

export interface LoadResult {
  snapshot: Snapshot;
  /** Containers whose aliases are not known yet; pass them to `loadAliases`. */
  missingAliases: string[];
}

export async function loadSnapshot(
  docker: Docker,
  info: EngineInfo,
  aliases: AliasCache,
): Promise<LoadResult> {
  const [rawContainers, rawNetworks, rawVolumes] = await Promise.all([
    docker.listContainers({ all: true }) as Promise<unknown> as Promise<RawContainer[]>,
    docker.listNetworks() as Promise<unknown> as Promise<RawNetwork[]>,
    docker.listVolumes() as Promise<unknown> as Promise<{ Volumes?: RawVolume[] | null }>,
  ]);
  const networks = rawNetworks.map(mapNetwork);
  const networkIdsByName = new Map(networks.map((n) => [n.name, n.id]));
  const names = containerNames(rawContainers);
  const links = linksByContainer(rawContainers);
  const missingAliases: string[] = [];
  const containers = rawContainers.map((raw) => {
    const container = mapContainer(raw, names, links, networkIdsByName);
    if (!needsAliases(container)) return container;
    const cached = aliases.get(container);
    if (cached) return withAliases(container, cached);
    missingAliases.push(container.id);
    return container;
  });
  aliases.retain(new Set(rawContainers.map((c) => c.Id)));
  const volumes = (rawVolumes.Volumes ?? []).map(mapVolume);
  return { snapshot: joinSnapshot(info, networks, volumes, containers), missingAliases };
}

/**
 * Inspects the given containers (a few at a time) and fills the alias cache. Returns a snapshot
 * with the aliases applied. Containers removed meanwhile are skipped.
 */
export async function loadAliases(
  docker: Docker,
  snapshot: Snapshot,
  ids: string[],
  aliases: AliasCache,
  concurrency = 4,
): Promise<Snapshot> {
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const container = snapshot.containers.get(id);
      if (!container) continue;
      try {
        const inspect = await docker.getContainer(id).inspect();
        const byNetwork = new Map<string, string[]>();
        for (const [network, ep] of Object.entries(inspect.NetworkSettings?.Networks ?? {})) {
          byNetwork.set(network, userAliases((ep as { Aliases?: string[] | null }).Aliases, id));
        }
        aliases.set(container, byNetwork);
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  const containers = [...snapshot.containers.values()].map((c) => {
    const cached = needsAliases(c) ? aliases.get(c) : undefined;
    return cached ? withAliases(c, cached) : c;
  });
  return joinSnapshot(
    snapshot.info,
    [...snapshot.networks.values()],
    [...snapshot.volumes.values()],
    containers,
    snapshot.loadedAt,
  );
}

/** Volume sizes from `/system/df` (slow on big engines: call it lazily, off the tree's path). */
export async function loadVolumeSizes(docker: Docker): Promise<Map<string, number>> {
  const df = (await docker.df()) as {
    Volumes?: { Name: string; UsageData?: { Size?: number } | null }[] | null;
  };
  const sizes = new Map<string, number>();
  for (const v of df.Volumes ?? []) {
    const size = v.UsageData?.Size;
    if (typeof size === 'number' && size >= 0) sizes.set(v.Name, size);
  }
  return sizes;
}

/** The snapshot with sizes set on its volumes; a volume without a reported size keeps none. */
export function withVolumeSizes(snapshot: Snapshot, sizes: Map<string, number>): Snapshot {
  const volumes = new Map(snapshot.volumes);
  for (const [name, volume] of volumes) {
    const size = sizes.get(name);
    if (size !== undefined && size !== volume.size) volumes.set(name, { ...volume, size });
  }
  return { ...snapshot, volumes };
}
