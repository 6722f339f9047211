// What Berth changes on the engine. Each operation validates first and sends nothing when the
// input is wrong (ValidationError, with a Problem from validation.ts); when the engine refuses,
// its own message comes back word for word (EngineOperationError). No vscode import: commands
// call these and show the errors; tests call them against the real engine.
import type Docker from 'dockerode';
import { loadVolumeSizes } from '../model/loader';
import type { Container, Network, Snapshot, Volume } from '../model/snapshot';
import type { NetworkCreateSpec, Problem } from '../validation/validation';
import {
  messages,
  problem,
  validateAliases,
  validateLabels,
  validateNetworkCreate,
  validateStaticIp,
  validateVolumeName,
} from '../validation/validation';

/** Input was rejected before any call; `problem` says what is wrong and how to fix it. */
export class ValidationError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** The engine refused; `message` is its own text, word for word. */
export class EngineOperationError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | undefined,
    readonly cause: unknown,
  ) {
    super(message);
  }

  get notFound(): boolean {
    return this.statusCode === 404;
  }
}

/** The engine's message from a dockerode error (its JSON `message`), else the error's own text. */
export function engineMessage(error: unknown): string {
  const e = error as { json?: { message?: unknown } | string | null; message?: string };
  if (e?.json && typeof e.json === 'object' && typeof e.json.message === 'string') return e.json.message;
  if (typeof e?.json === 'string' && e.json.trim()) return e.json.trim();
  return e?.message ?? String(error);
}

async function call<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new EngineOperationError(
      engineMessage(error),
      (error as { statusCode?: number }).statusCode,
      error,
    );
  }
}

function check(result: { ok: true } | Problem): void {
  if (!result.ok) throw new ValidationError(result);
}

function quoteList(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

// ---- containers and networks

export interface ConnectRequest {
  containerId: string;
  networkId: string;
  aliases?: string[];
  ipv4?: string;
  ipv6?: string;
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

// ---- networks

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
      Options: spec.options,
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

export interface BatchResult {
  removed: string[];
  failed: { name: string; message: string }[];
}

/** Removes exactly the previewed networks, by id; one failure does not stop the rest. */
export async function pruneNetworks(docker: Docker, networks: Network[]): Promise<BatchResult> {
  const result: BatchResult = { removed: [], failed: [] };
  for (const network of networks) {
    try {
      await call(() => docker.getNetwork(network.id).remove());
      result.removed.push(network.name);
    } catch (error) {
      result.failed.push({ name: network.name, message: (error as Error).message });
    }
  }
  return result;
}

// ---- volumes

export interface VolumeCreateSpec {
  name: string;
  driver?: string;
  driverOpts?: Record<string, string>;
  labels?: Record<string, string>;
}

export async function createVolume(
  docker: Docker,
  snapshot: Snapshot,
  spec: VolumeCreateSpec,
): Promise<string> {
  check(validateVolumeName(spec.name, snapshot));
  check(validateLabels(spec.labels));
  await call(() =>
    docker.createVolume({
      Name: spec.name,
      Driver: spec.driver || 'local',
      DriverOpts: spec.driverOpts ?? {},
      Labels: spec.labels ?? {},
    }),
  );
  return spec.name;
}

export function volumeUsers(volume: Volume): string[] {
  return [...new Set(volume.usedBy.map((u) => u.containerName))];
}

/** Removes a volume; in use, it refuses and names the containers (stopped ones count too). */
export async function removeVolume(docker: Docker, snapshot: Snapshot, name: string): Promise<void> {
  const volume = snapshot.volumes.get(name);
  if (volume && volume.usedBy.length > 0) {
    throw new ValidationError(problem('volume', messages.volumeInUse, name, quoteList(volumeUsers(volume))));
  }
  await call(() => docker.getVolume(name).remove());
}

/**
 * The unused volumes, with sizes where the engine reports them. `anonymousOnly` matches what
 * `docker volume prune` removes on Docker 23 and later.
 */
export async function previewVolumePrune(
  docker: Docker,
  snapshot: Snapshot,
  options: { anonymousOnly?: boolean } = {},
): Promise<Volume[]> {
  const unused = [...snapshot.volumes.values()].filter(
    (v) => v.usedBy.length === 0 && (!options.anonymousOnly || v.anonymous),
  );
  const sizes = await loadVolumeSizes(docker).catch(() => new Map<string, number>());
  return unused.map((v) => ({ ...v, size: sizes.get(v.name) ?? v.size }));
}

/** Removes exactly the previewed volumes; the engine refuses any that came into use meanwhile. */
export async function pruneVolumes(docker: Docker, volumes: Volume[]): Promise<BatchResult> {
  const result: BatchResult = { removed: [], failed: [] };
  for (const volume of volumes) {
    try {
      await call(() => docker.getVolume(volume.name).remove());
      result.removed.push(volume.name);
    } catch (error) {
      result.failed.push({ name: volume.name, message: (error as Error).message });
    }
  }
  return result;
}

// ---- container lifecycle

export async function startContainer(docker: Docker, container: Pick<Container, 'id'>): Promise<void> {
  await call(() => docker.getContainer(container.id).start());
}

export async function stopContainer(docker: Docker, container: Pick<Container, 'id'>): Promise<void> {
  await call(() => docker.getContainer(container.id).stop());
}

export async function restartContainer(docker: Docker, container: Pick<Container, 'id'>): Promise<void> {
  await call(() => docker.getContainer(container.id).restart());
}

/** Removes a container (force stops a running one). Its volumes are kept. */
export async function removeContainer(docker: Docker, container: Pick<Container, 'id'>): Promise<void> {
  await call(() => docker.getContainer(container.id).remove({ force: true, v: false }));
}
