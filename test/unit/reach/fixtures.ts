// Snapshot builders named the notes' way (by container and network name), on top of the views'
// builders, shaped like what the engine loader produces for the notes' scenarios.
import type { Container, Endpoint, Network, Snapshot } from '../../../client/src/engine/model/snapshot';
import * as viewFixtures from '../views/fixtures';

export function network(name: string, extra: Partial<Network> = {}): Network {
  return viewFixtures.network({
    id: `net-${name}`,
    name,
    driver: name === 'host' ? 'host' : name === 'none' ? 'null' : 'bridge',
    created: '2026-11-24T00:00:00Z',
    builtin: name === 'bridge' || name === 'host' || name === 'none',
    ...extra,
  });
}

export function endpoint(
  net: Network,
  containerName: string,
  ip: string | undefined,
  aliases: string[] = [],
): Endpoint {
  return {
    networkId: net.id,
    networkName: net.name,
    containerId: `id-${containerName}`,
    containerName,
    endpointId: `ep-${containerName}-${net.name}`,
    ipv4: ip,
    aliases,
    gateway: ip ? ip.replace(/\.\d+$/, '.1') : undefined,
  };
}

export function container(name: string, extra: Partial<Container> = {}): Container {
  return viewFixtures.container({
    id: `id-${name}`,
    name,
    image: 'berth-test/busybox:1',
    imageId: 'sha256:0',
    created: 0,
    status: 'Up 1 minute',
    ...extra,
  });
}

export function snapshot(networks: Network[], containers: Container[]): Snapshot {
  return {
    info: { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64', endpointLabel: 'test' },
    networks: new Map(networks.map((n) => [n.id, n])),
    volumes: new Map(),
    containers: new Map(containers.map((c) => [c.id, c])),
    loadedAt: 0,
  };
}

export const bridge = network('bridge', { ipam: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1' }] });
export const hostNet = network('host');
export const noneNet = network('none');
