// Swarm as Berth sees it on a manager: services, their tasks and the nodes they run on, mapped
// from the Engine API's `/services`, `/tasks` and `/nodes` payloads. Pure, like mapping.ts; the
// join that hangs services and tasks under their overlay networks lives in swarmJoin.ts.

export interface SwarmNode {
  id: string;
  hostname: string;
  role: string;
  state: string;
  address?: string;
}

export interface ServicePort {
  targetPort: number;
  publishedPort?: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  /** `ingress` publishes through the routing mesh on every node; `host` only where a task runs. */
  publishMode: 'ingress' | 'host';
}

export interface SwarmService {
  id: string;
  name: string;
  image: string;
  ports: ServicePort[];
  /** The networks the service's tasks join, by network id (the spec may name them). */
  networkTargets: string[];
  /** The service's virtual IP per network id, without prefix length. */
  virtualIps: Map<string, string>;
}

export interface TaskAttachment {
  networkId: string;
  /** Without prefix length, e.g. 10.0.1.3. */
  addresses: string[];
}

export interface SwarmTask {
  id: string;
  serviceId: string;
  slot?: number;
  nodeId: string;
  state: string;
  desiredState: string;
  containerId?: string;
  attachments: TaskAttachment[];
}

/** The engine's part in a swarm; lists are loaded only on a manager (a worker cannot list them). */
export interface SwarmState {
  nodeId: string;
  manager: boolean;
  nodes: SwarmNode[];
  services: SwarmService[];
  tasks: SwarmTask[];
}

export interface RawSwarmInfo {
  NodeID?: string;
  LocalNodeState?: string;
  ControlAvailable?: boolean;
}

export interface RawSwarmNode {
  ID: string;
  Description?: { Hostname?: string } | null;
  Spec?: { Role?: string } | null;
  Status?: { State?: string; Addr?: string } | null;
}

interface RawPortConfig {
  TargetPort?: number;
  PublishedPort?: number;
  Protocol?: string;
  PublishMode?: string;
}

export interface RawService {
  ID: string;
  Spec?: {
    Name?: string;
    TaskTemplate?: {
      ContainerSpec?: { Image?: string } | null;
      Networks?: { Target?: string }[] | null;
    } | null;
    Networks?: { Target?: string }[] | null;
    EndpointSpec?: { Ports?: RawPortConfig[] | null } | null;
  } | null;
  Endpoint?: {
    Ports?: RawPortConfig[] | null;
    VirtualIPs?: { NetworkID?: string; Addr?: string }[] | null;
  } | null;
}

export interface RawTask {
  ID: string;
  ServiceID?: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  Status?: { State?: string; ContainerStatus?: { ContainerID?: string } | null } | null;
  NetworksAttachments?: { Network?: { ID?: string } | null; Addresses?: string[] | null }[] | null;
}

/** One entry of docker_gwbridge's `Containers`, keyed by container id (or `ingress-sbox`). */
export interface RawGatewayEndpoint {
  Name?: string;
  EndpointID?: string;
  MacAddress?: string;
  /** With its prefix length: `172.18.0.3/16`. */
  IPv4Address?: string;
  IPv6Address?: string;
}

export type RawGatewayEndpoints = Record<string, RawGatewayEndpoint>;

export interface RawSwarm {
  info: RawSwarmInfo;
  nodes: RawSwarmNode[];
  services: RawService[];
  tasks: RawTask[];
  /** docker_gwbridge's endpoints by container id, which only the network's inspect lists. */
  gatewayEndpoints?: RawGatewayEndpoints;
}

/** Whether `/info`'s Swarm part says this engine is a manager of an active swarm. */
export function isManager(info: RawSwarmInfo): boolean {
  return info.LocalNodeState === 'active' && info.ControlAvailable === true;
}

function withoutPrefix(cidr: string): string {
  return cidr.replace(/\/\d+$/, '');
}

function protocolOf(raw: string | undefined): ServicePort['protocol'] {
  return raw === 'udp' || raw === 'sctp' ? raw : 'tcp';
}

export function mapSwarmNode(raw: RawSwarmNode): SwarmNode {
  return {
    id: raw.ID,
    hostname: raw.Description?.Hostname || raw.ID.slice(0, 12),
    role: raw.Spec?.Role ?? 'worker',
    state: raw.Status?.State ?? 'unknown',
    address: raw.Status?.Addr || undefined,
  };
}

export function mapService(raw: RawService): SwarmService {
  const spec = raw.Spec ?? {};
  const ports = raw.Endpoint?.Ports ?? spec.EndpointSpec?.Ports ?? [];
  const targets = [...(spec.TaskTemplate?.Networks ?? []), ...(spec.Networks ?? [])];
  const virtualIps = new Map<string, string>();
  for (const vip of raw.Endpoint?.VirtualIPs ?? [])
    if (vip.NetworkID && vip.Addr) virtualIps.set(vip.NetworkID, withoutPrefix(vip.Addr));
  return {
    id: raw.ID,
    name: spec.Name ?? raw.ID.slice(0, 12),
    image: (spec.TaskTemplate?.ContainerSpec?.Image ?? '').replace(/@sha256:[0-9a-f]+$/, ''),
    ports: ports
      .filter((p) => typeof p.TargetPort === 'number')
      .map((p) => ({
        targetPort: p.TargetPort ?? 0,
        publishedPort: p.PublishedPort || undefined,
        protocol: protocolOf(p.Protocol),
        publishMode: p.PublishMode === 'host' ? 'host' : 'ingress',
      })),
    networkTargets: targets.flatMap((n) => (n.Target ? [n.Target] : [])),
    virtualIps,
  };
}

export function mapTask(raw: RawTask): SwarmTask {
  return {
    id: raw.ID,
    serviceId: raw.ServiceID ?? '',
    slot: raw.Slot || undefined,
    nodeId: raw.NodeID ?? '',
    state: raw.Status?.State ?? 'unknown',
    desiredState: raw.DesiredState ?? 'unknown',
    containerId: raw.Status?.ContainerStatus?.ContainerID || undefined,
    attachments: (raw.NetworksAttachments ?? []).flatMap((a) =>
      a.Network?.ID ? [{ networkId: a.Network.ID, addresses: (a.Addresses ?? []).map(withoutPrefix) }] : [],
    ),
  };
}

export function mapSwarm(raw: RawSwarm): SwarmState {
  const manager = isManager(raw.info);
  return {
    nodeId: raw.info.NodeID ?? '',
    manager,
    nodes: raw.nodes.map(mapSwarmNode),
    services: raw.services.map(mapService),
    tasks: raw.tasks.map(mapTask),
  };
}

/** An overlay created with `--opt encrypted` carries the option (its value is empty). */
export function isEncryptedOverlay(network: { driver: string; options: Record<string, string> }): boolean {
  return network.driver === 'overlay' && 'encrypted' in network.options;
}
