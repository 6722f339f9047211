// Network changes: connect and disconnect containers, create, remove and prune networks.
import type Docker from 'dockerode';
import type { Network, Snapshot } from '../model/snapshot';
import { messages, problem, valid, type Problem, type Validation } from '../validation/messages';
import { validateAliases } from '../validation/names';
import { validateStaticIp } from '../validation/addresses';
import { validateNetworkCreate, type NetworkCreateSpec } from '../validation/networkCreate';
import {
  call,
  check,
  EngineOperationError,
  quoteList,
  removeEachOf,
  ValidationError,
  type BatchResult,
} from './engineCall';

export interface ConnectRequest {
  containerId: string;
  networkId: string;
  aliases?: string[];
  ipv4?: string;
  ipv6?: string;
}

/** Swarm networks a standalone container cannot join: ingress, and overlays not made attachable. */
export function swarmJoinProblem(network: Network, containerName: string): Validation {
  if (network.ingress) return problem('network', messages.ingressNotAttachable, network.name, containerName);
  if (network.scope === 'swarm' && !network.attachable)
    return problem('network', messages.overlayNotAttachable, network.name, containerName);
  return valid;
}

/** Checks a connect request against the snapshot without sending anything. */
export function validateConnect(snapshot: Snapshot, request: ConnectRequest): { ok: true } | Problem {
  const container = snapshot.containers.get(request.containerId);
  const network = snapshot.networks.get(request.networkId);
  if (!container) return problem('container', messages.notFound, request.containerId);
  if (!network) return problem('network', messages.notFound, request.networkId);
  const mode = container.networkMode.kind;
  if (mode === 'host' || mode === 'none' || mode === 'container') {
    const shown = mode === 'container' ? `container:${container.networkMode.containerName ?? ''}` : mode;
    return problem('container', messages.sharedStack, container.name, shown);
  }
  const swarmOnly = swarmJoinProblem(network, container.name);
  if (!swarmOnly.ok) return swarmOnly;
  if (network.endpoints.some((e) => e.containerId === container.id)) {
    return problem('network', messages.alreadyConnected, container.name, network.name);
  }
  const aliases = validateAliases(request.aliases ?? []);
  if (!aliases.ok) return aliases;
  if (request.ipv4) {
    const ip = validateStaticIp(network, request.ipv4, 4);
    if (!ip.ok) return ip;
  }
  if (request.ipv6) {
    const ip = validateStaticIp(network, request.ipv6, 6);
    if (!ip.ok) return { ...ip, field: 'ipv6' };
  }
  return { ok: true };
}

export async function connectContainer(
  docker: Docker,
  snapshot: Snapshot,
  request: ConnectRequest,
): Promise<void> {
  check(validateConnect(snapshot, request));
  const ipam =
    request.ipv4 || request.ipv6
      ? { IPv4Address: request.ipv4 || undefined, IPv6Address: request.ipv6 || undefined }
      : undefined;
  await call(() =>
    docker.getNetwork(request.networkId).connect({
      Container: request.containerId,
      EndpointConfig: {
        Aliases: request.aliases && request.aliases.length > 0 ? request.aliases : undefined,
        IPAMConfig: ipam,
      },
    }),
  );
}

/** `force` also drops an endpoint the engine still holds for a stopped or vanished container. */
export async function disconnectContainer(
  docker: Docker,
  request: { containerId: string; networkId: string; force?: boolean },
): Promise<void> {
  await call(() =>
    docker
      .getNetwork(request.networkId)
      .disconnect({ Container: request.containerId, Force: request.force ?? false }),
  );
}

export async function createNetwork(
  docker: Docker,
  snapshot: Snapshot,
  spec: NetworkCreateSpec,
): Promise<string> {
  check(validateNetworkCreate(spec, snapshot));
  const config: { Subnet?: string; Gateway?: string; IPRange?: string }[] = [];
  if (spec.subnet)
    config.push({
      Subnet: spec.subnet,
      Gateway: spec.gateway || undefined,
      IPRange: spec.ipRange || undefined,
    });
  if (spec.ipv6Subnet) config.push({ Subnet: spec.ipv6Subnet, Gateway: spec.ipv6Gateway || undefined });
  const created = await call(() =>
    docker.createNetwork({
      Name: spec.name,
      CheckDuplicate: true,
      Driver: spec.driver,
      Internal: spec.internal ?? false,
      Attachable: spec.attachable ?? false,
      EnableIPv6: spec.enableIPv6 ?? false,
      IPAM: config.length > 0 ? { Driver: 'default', Config: config } : undefined,
      Options: spec.encrypted ? { ...spec.options, encrypted: '' } : spec.options,
      Labels: spec.labels,
    }),
  );
  return created.id;
}

/** Names of the containers attached to a network, for the confirmation and the in-use message. */
export function attachedContainers(network: Network): string[] {
  return [...new Set(network.endpoints.map((e) => e.containerName))];
}

/**
 * Removes a network. With containers attached it refuses (naming them) unless
 * `disconnectFirst`, which force-disconnects each one and then removes the network.
 */
export async function removeNetwork(
  docker: Docker,
  snapshot: Snapshot,
  networkId: string,
  options: { disconnectFirst?: boolean } = {},
): Promise<void> {
  const network = snapshot.networks.get(networkId);
  if (!network) throw new ValidationError(problem('network', messages.notFound, networkId));
  if (network.builtin) throw new ValidationError(problem('network', messages.builtinNetwork, network.name));
  const attached = attachedContainers(network);
  if (attached.length > 0 && !options.disconnectFirst) {
    throw new ValidationError(problem('network', messages.networkInUse, network.name, quoteList(attached)));
  }
  for (const endpoint of network.endpoints) {
    await disconnectContainer(docker, { containerId: endpoint.containerId, networkId, force: true }).catch(
      (error: unknown) => {
        // Already gone is what we wanted.
        if (!(error instanceof EngineOperationError && error.notFound)) throw error;
      },
    );
  }
  await call(() => docker.getNetwork(networkId).remove());
}

/** Exactly what a network prune would remove: user networks without any container, running or not. */
export function previewNetworkPrune(snapshot: Snapshot): Network[] {
  return [...snapshot.networks.values()].filter((n) => !n.builtin && !n.ingress && n.endpoints.length === 0);
}

/** Removes exactly the previewed networks, by id; one failure does not stop the rest. */
export async function pruneNetworks(docker: Docker, networks: Network[]): Promise<BatchResult> {
  return removeEachOf(
    networks,
    (network) => network.name,
    (network) => docker.getNetwork(network.id).remove(),
  );
}
