// Loads one snapshot in three Engine API calls (containers, networks, volumes, in parallel).
// The list payloads carry everything the model needs except network aliases, which only
// `/containers/{id}/json` returns. Those come from a cache, filled by `loadAliases` for the few
// containers on user-defined networks whose endpoints changed, so a reload stays three calls.
// An engine in a swarm (swarm-scoped networks listed) adds `/info` and, on a manager, the
// services, tasks and nodes (swarmLoader.ts).
import type Docker from 'dockerode';
import { isHelperContainer, isHelperVolume } from './berthHelpers';
import { withGatewayEndpoints } from './gatewayBridge';
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
import type { Container, EngineInfo, PortBinding, Snapshot } from './snapshot';
import { loadSwarm, swarmNetworksListed } from './swarmLoader';
import { mapSwarm, type RawSwarm } from './swarm';

interface CachedAliases {
  signature: string;
  byNetwork: Map<string, string[]>;
  /** `-p` bindings of a `--network host` container: the list payload leaves them out. */
  hostPorts?: PortBinding[];
}

/** Aliases per container, valid while its endpoints stay the same. */
export class AliasCache {
  private readonly entries = new Map<string, CachedAliases>();

  get(container: Container): Omit<CachedAliases, 'signature'> | undefined {
    const entry = this.entries.get(container.id);
    return entry && entry.signature === signatureOf(container) ? entry : undefined;
  }

  set(container: Container, byNetwork: Map<string, string[]>, hostPorts?: PortBinding[]): void {
    this.entries.set(container.id, { signature: signatureOf(container), byNetwork, hostPorts });
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

/**
 * Only user-defined networks carry aliases; the default bridge, host and none never do. A host
 * networked container is inspected too: its `-p` bindings (ignored there) deserve a hint.
 */
function needsAliases(container: Container): boolean {
  return (
    container.networkMode.kind === 'host' ||
    container.endpoints.some((e) => !builtinNetworkNames.has(e.networkName))
  );
}

function withAliases(container: Container, cached: Omit<CachedAliases, 'signature'>): Container {
  return {
    ...container,
    ports: cached.hostPorts && container.ports.length === 0 ? cached.hostPorts : container.ports,
    endpoints: container.endpoints.map((e) => ({
      ...e,
      aliases: cached.byNetwork.get(e.networkName) ?? e.aliases,
    })),
  };
}

/** `HostConfig.PortBindings` as the model's bindings, sorted like the list payload's. */
function hostPortBindings(
  bindings: Record<string, { HostIp?: string; HostPort?: string }[] | null> | undefined,
) {
  const ports: PortBinding[] = [];
  for (const [key, hosts] of Object.entries(bindings ?? {})) {
    const [port, protocol] = key.split('/');
    for (const host of hosts ?? [{}])
      ports.push({
        containerPort: Number(port),
        protocol: protocol === 'udp' || protocol === 'sctp' ? protocol : 'tcp',
        hostIp: host.HostIp || undefined,
        hostPort: Number(host.HostPort) || undefined,
      });
  }
  return ports.sort((a, b) => a.containerPort - b.containerPort);
}

export interface LoadResult {
  snapshot: Snapshot;
  /** Containers whose aliases are not known yet; pass them to `loadAliases`. */
  missingAliases: string[];
}

/** The engine's list payloads, kept between loads so an event can refresh just a part. */
export interface RawState {
  containers: Map<string, RawContainer>;
  networks: RawNetwork[];
  volumes: RawVolume[];
  /** Only when the network list shows a swarm (its swarm-scoped networks). */
  swarm?: RawSwarm;
}

/** What an event burst touched; anything else is reused from the last load. */
export interface PartialReload {
  containerIds: Set<string>;
  networks: boolean;
  volumes: boolean;
  /** A service, node or task container changed: the swarm lists are read again. */
  swarm: boolean;
}

const listAll = (docker: Docker, filters?: Record<string, string[]>) =>
  docker.listContainers({ all: true, filters }) as Promise<unknown> as Promise<RawContainer[]>;
const listNetworks = (docker: Docker) => docker.listNetworks() as Promise<unknown> as Promise<RawNetwork[]>;
const listVolumes = async (docker: Docker) =>
  ((await docker.listVolumes()) as unknown as { Volumes?: RawVolume[] | null }).Volumes ?? [];

/** Three list calls, in parallel. */
export async function loadRaw(docker: Docker): Promise<RawState> {
  const [containers, networks, volumes] = await Promise.all([
    listAll(docker),
    listNetworks(docker),
    listVolumes(docker),
  ]);
  const swarm = swarmNetworksListed(networks) ? await loadSwarm(docker, networks) : undefined;
  return { containers: new Map(containers.map((c) => [c.Id, c])), networks, volumes, swarm };
}

/**
 * Refreshes only what events touched: the named containers (one filtered list call), and the
 * network or volume lists if those changed. Containers missing from the answer are gone.
 */
export async function reloadRaw(
  docker: Docker,
  previous: RawState,
  touched: PartialReload,
): Promise<RawState> {
  const ids = [...touched.containerIds];
  const [containers, networks, volumes] = await Promise.all([
    ids.length > 0 ? listAll(docker, { id: ids }) : undefined,
    touched.networks ? listNetworks(docker) : previous.networks,
    touched.volumes ? listVolumes(docker) : previous.volumes,
  ]);
  const next = new Map(previous.containers);
  for (const id of ids) next.delete(id);
  for (const raw of containers ?? []) next.set(raw.Id, raw);
  const swarmChanged = touched.swarm || touched.networks;
  const swarm = !swarmNetworksListed(networks)
    ? undefined
    : swarmChanged || !previous.swarm
      ? await loadSwarm(docker, networks)
      : previous.swarm;
  return { containers: next, networks, volumes, swarm };
}

/** Maps and joins raw payloads; aliases come from the cache where it knows them. */
export function buildSnapshot(raw: RawState, info: EngineInfo, aliases: AliasCache): LoadResult {
  const rawContainers = [...raw.containers.values()].filter((c) => !isHelperContainer(c.Labels));
  const networks = raw.networks.map(mapNetwork);
  const networkIdsByName = new Map(networks.map((n) => [n.name, n.id]));
  const names = containerNames(rawContainers);
  const links = linksByContainer(rawContainers);
  const missingAliases: string[] = [];
  const mapped = rawContainers.map((rawContainer) => {
    const container = mapContainer(rawContainer, names, links, networkIdsByName);
    if (!needsAliases(container)) return container;
    const cached = aliases.get(container);
    if (cached) return withAliases(container, cached);
    missingAliases.push(container.id);
    return container;
  });
  const containers = withGatewayEndpoints(mapped, networks, raw.swarm?.gatewayEndpoints);
  aliases.retain(new Set(raw.containers.keys()));
  const volumes = raw.volumes.filter((v) => !isHelperVolume(v.Labels)).map(mapVolume);
  const swarm = raw.swarm ? mapSwarm(raw.swarm) : undefined;
  return {
    snapshot: joinSnapshot(info, networks, volumes, containers, Date.now(), swarm),
    missingAliases,
  };
}

export async function loadSnapshot(
  docker: Docker,
  info: EngineInfo,
  aliases: AliasCache,
): Promise<LoadResult> {
  return buildSnapshot(await loadRaw(docker), info, aliases);
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
        const hostPorts =
          container.networkMode.kind === 'host'
            ? hostPortBindings(
                inspect.HostConfig?.PortBindings as
                  Record<string, { HostIp?: string; HostPort?: string }[] | null> | undefined,
              )
            : undefined;
        aliases.set(container, byNetwork, hostPorts);
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
    snapshot.swarm,
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
