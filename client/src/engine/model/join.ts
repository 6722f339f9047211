// Joins the three lists once: each network learns its endpoints from the containers, each volume
// learns who mounts it. Also compares two snapshots so that views refresh only what changed.
import type { Container, EngineInfo, Network, Snapshot, SnapshotDelta, Volume } from './snapshot';
import type { SwarmState } from './swarm';
import { servicesByNetwork } from './swarmJoin';

export function joinSnapshot(
  info: EngineInfo,
  networks: Network[],
  volumes: Volume[],
  containers: Container[],
  loadedAt = Date.now(),
  swarm?: SwarmState,
): Snapshot {
  const byId = new Map<string, Network>();
  const byName = new Map<string, Network>();
  const services = swarm?.manager
    ? servicesByNetwork(swarm, new Map(networks.map((n) => [n.name, n.id])))
    : undefined;
  for (const n of [...networks].sort((a, b) => a.name.localeCompare(b.name))) {
    const network: Network = { ...n, endpoints: [] };
    if (services && n.scope === 'swarm') network.services = services.get(n.id) ?? [];
    byId.set(n.id, network);
    byName.set(n.name, network);
  }
  const volumeMap = new Map<string, Volume>();
  for (const v of [...volumes].sort((a, b) => a.name.localeCompare(b.name))) {
    volumeMap.set(v.name, { ...v, usedBy: [] });
  }
  const containerMap = new Map<string, Container>();
  for (const c of [...containers].sort((a, b) => a.name.localeCompare(b.name))) {
    containerMap.set(c.id, c);
    for (const endpoint of c.endpoints) {
      const network = byId.get(endpoint.networkId) ?? byName.get(endpoint.networkName);
      network?.endpoints.push(endpoint);
    }
    for (const mount of c.mounts) {
      if (mount.type !== 'volume') continue;
      volumeMap.get(mount.source)?.usedBy.push({
        containerId: c.id,
        containerName: c.name,
        destination: mount.destination,
        readOnly: mount.readOnly,
      });
    }
  }
  return { info, networks: byId, volumes: volumeMap, containers: containerMap, swarm, loadedAt };
}

function changedKeys<T>(before: Map<string, T> | undefined, after: Map<string, T>): Set<string> {
  const changed = new Set<string>();
  for (const [key, value] of after) {
    const old = before?.get(key);
    if (old === undefined || JSON.stringify(old) !== JSON.stringify(value)) changed.add(key);
  }
  for (const key of before?.keys() ?? []) if (!after.has(key)) changed.add(key);
  return changed;
}

/** Ids (names for volumes) that were added, removed or changed from `before` to `after`. */
export function diffSnapshots(before: Snapshot | undefined, after: Snapshot): SnapshotDelta {
  return {
    networks: changedKeys(before?.networks, after.networks),
    volumes: changedKeys(before?.volumes, after.volumes),
    containers: changedKeys(before?.containers, after.containers),
  };
}

export function isEmptyDelta(delta: SnapshotDelta): boolean {
  return delta.networks.size === 0 && delta.volumes.size === 0 && delta.containers.size === 0;
}
