// Small builders for engine-model fixtures: each test states only the fields it is about.
import type {
  Container,
  Endpoint,
  Network,
  Snapshot,
  Volume,
} from '../../../client/src/engine/model/snapshot';

export function network(over: Partial<Network> & { id: string; name: string }): Network {
  return {
    driver: 'bridge',
    scope: 'local',
    created: '2026-11-24T10:00:00Z',
    internal: false,
    attachable: false,
    ingress: false,
    enableIPv6: false,
    ipamDriver: 'default',
    ipam: [],
    options: {},
    labels: {},
    builtin: false,
    endpoints: [],
    ...over,
  };
}

export function endpoint(
  net: Network,
  ctr: Pick<Container, 'id' | 'name'>,
  over: Partial<Endpoint> = {},
): Endpoint {
  return {
    networkId: net.id,
    networkName: net.name,
    containerId: ctr.id,
    containerName: ctr.name,
    endpointId: 'e'.repeat(64),
    aliases: [],
    ...over,
  };
}

export function container(over: Partial<Container> & { id: string; name: string }): Container {
  return {
    image: 'busybox:latest',
    imageId: 'sha256:' + 'b'.repeat(64),
    command: 'sleep 3600',
    created: 1_790_000_000,
    state: 'running',
    status: 'Up 2 minutes',
    labels: {},
    networkMode: { kind: 'bridge' },
    endpoints: [],
    ports: [],
    mounts: [],
    links: [],
    ...over,
  };
}

export function volume(over: Partial<Volume> & { name: string }): Volume {
  return {
    driver: 'local',
    scope: 'local',
    mountpoint: `/var/lib/docker/volumes/${over.name}/_data`,
    labels: {},
    options: {},
    anonymous: false,
    usedBy: [],
    ...over,
  };
}

/** Joins endpoints into the networks the way the loader does, so fixtures stay consistent. */
export function snapshot(parts: {
  networks?: Network[];
  containers?: Container[];
  volumes?: Volume[];
}): Snapshot {
  const networks = new Map((parts.networks ?? []).map((n) => [n.id, { ...n, endpoints: [] as Endpoint[] }]));
  for (const ctr of parts.containers ?? [])
    for (const ep of ctr.endpoints) networks.get(ep.networkId)?.endpoints.push(ep);
  for (const n of networks.values())
    n.endpoints.sort((a, b) => a.containerName.localeCompare(b.containerName));
  return {
    info: { version: '20.10.24', apiVersion: '1.41', os: 'linux', arch: 'amd64', endpointLabel: 'default' },
    networks,
    containers: new Map((parts.containers ?? []).map((c) => [c.id, c])),
    volumes: new Map((parts.volumes ?? []).map((v) => [v.name, v])),
    loadedAt: 0,
  };
}

export const hex = (char: string) => char.repeat(64);
