// docker_gwbridge: the bridge through which a swarm engine gives each task, and each container on
// an overlay, its way out to the host's network. The engine lists these endpoints only in the
// network's own inspect, never in the container's, so without this read the bridge looks unused.
import type Docker from 'dockerode';
import type { RawNetwork } from './mapping';
import type { Container, Endpoint, Network } from './snapshot';
import type { RawGatewayEndpoints } from './swarm';

export const gatewayBridgeName = 'docker_gwbridge';

/** The bridge's endpoints by container id; empty where the engine has no such bridge. */
export async function loadGatewayEndpoints(
  docker: Docker,
  networks: RawNetwork[],
): Promise<RawGatewayEndpoints> {
  if (!networks.some((n) => n.Name === gatewayBridgeName)) return {};
  try {
    const inspected = (await docker.getNetwork(gatewayBridgeName).inspect()) as {
      Containers?: RawGatewayEndpoints | null;
    };
    return inspected.Containers ?? {};
  } catch (error) {
    // Removed between the list and the inspect (the engine left its swarm): nothing to add.
    if ((error as { statusCode?: number }).statusCode === 404) return {};
    throw error;
  }
}

function splitCidr(cidr: string | undefined): { address?: string; prefix?: number } {
  if (!cidr) return {};
  const [address, prefix] = cidr.split('/');
  return { address: address || undefined, prefix: prefix ? Number(prefix) : undefined };
}

/** Containers with their endpoint on the gateway bridge added, marked as the engine's own. */
export function withGatewayEndpoints(
  containers: Container[],
  networks: readonly Network[],
  raw: RawGatewayEndpoints | undefined,
): Container[] {
  const bridge = networks.find((n) => n.name === gatewayBridgeName);
  if (!bridge || !raw) return containers;
  return containers.map((container) => {
    const entry = raw[container.id];
    if (!entry || container.endpoints.some((e) => e.networkName === gatewayBridgeName)) return container;
    const v4 = splitCidr(entry.IPv4Address);
    const endpoint: Endpoint = {
      networkId: bridge.id,
      networkName: gatewayBridgeName,
      containerId: container.id,
      containerName: container.name,
      endpointId: entry.EndpointID ?? '',
      ipv4: v4.address,
      ipv4Prefix: v4.prefix,
      ipv6: splitCidr(entry.IPv6Address).address,
      mac: entry.MacAddress || undefined,
      aliases: [],
      engineManaged: true,
    };
    const endpoints = [...container.endpoints, endpoint].sort((a, b) =>
      a.networkName.localeCompare(b.networkName),
    );
    return { ...container, endpoints };
  });
}
