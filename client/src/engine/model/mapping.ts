// Engine API list payloads → model objects. Pure: the loader feeds it JSON, the tests feed it
// fixtures. The engine sends null for empty maps and lists; every field is read defensively.
import type {
  Container,
  ContainerState,
  Endpoint,
  IpamConfig,
  Mount,
  Network,
  NetworkMode,
  PortBinding,
  Volume,
} from './snapshot';

export interface RawEndpoint {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string } | null;
  Aliases?: string[] | null;
  NetworkID?: string;
  EndpointID?: string;
  Gateway?: string;
  IPAddress?: string;
  IPPrefixLen?: number;
  GlobalIPv6Address?: string;
  MacAddress?: string;
}

export interface RawContainer {
  Id: string;
  Names?: string[] | null;
  Image?: string;
  ImageID?: string;
  Command?: string;
  Created?: number;
  Ports?: { IP?: string; PrivatePort: number; PublicPort?: number; Type?: string }[] | null;
  Labels?: Record<string, string> | null;
  State?: string;
  Status?: string;
  HostConfig?: { NetworkMode?: string } | null;
  NetworkSettings?: { Networks?: Record<string, RawEndpoint> | null } | null;
  Mounts?:
    | { Type?: string; Name?: string; Source?: string; Destination?: string; Driver?: string; RW?: boolean }[]
    | null;
}

export interface RawNetwork {
  Id: string;
  Name: string;
  Created?: string;
  Scope?: string;
  Driver?: string;
  EnableIPv6?: boolean;
  IPAM?: {
    Driver?: string;
    Config?:
      | {
          Subnet?: string;
          Gateway?: string;
          IPRange?: string;
          AuxiliaryAddresses?: Record<string, string> | null;
        }[]
      | null;
  } | null;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
}

export interface RawVolume {
  Name: string;
  Driver?: string;
  Mountpoint?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
  Scope?: string;
  Options?: Record<string, string> | null;
}

export const builtinNetworkNames: ReadonlySet<string> = new Set(['bridge', 'host', 'none']);

const containerStates: ReadonlySet<string> = new Set([
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
]);

/** The engine names anonymous volumes with 64 random hex digits. */
export function isAnonymousVolumeName(name: string): boolean {
  return /^[0-9a-f]{64}$/.test(name);
}

/** "Up 3 minutes (healthy)", "Up 2 seconds (health: starting)". */
export function healthFromStatus(status: string): Container['health'] {
  const match = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  if (!match) return undefined;
  return match[1] === 'health: starting' ? 'starting' : (match[1] as 'healthy' | 'unhealthy');
}

export function networkModeOf(raw: string | undefined, names: Map<string, string>): NetworkMode {
  const mode = raw ?? 'default';
  if (mode === 'default' || mode === 'bridge') return { kind: 'bridge' };
  if (mode === 'host') return { kind: 'host' };
  if (mode === 'none') return { kind: 'none' };
  if (mode.startsWith('container:')) {
    const ref = mode.slice('container:'.length);
    return { kind: 'container', containerId: ref, containerName: names.get(ref) };
  }
  return { kind: 'user' };
}

function primaryName(raw: RawContainer): string {
  // A linked container also lists "/other/alias" names; its own name has a single slash.
  const own =
    (raw.Names ?? []).find((n) => n.lastIndexOf('/') === 0) ?? raw.Names?.[0] ?? raw.Id.slice(0, 12);
  return own.replace(/^\//, '');
}

/** Id → name for all containers, to name `container:<id>` targets and link targets. */
export function containerNames(raws: RawContainer[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const raw of raws) names.set(raw.Id, primaryName(raw));
  return names;
}

/**
 * Legacy links, recovered from the list: a container linked as `alias` by `user` carries the
 * extra name `/user/alias`. Returns, per linking container name, its `target:alias` entries.
 */
export function linksByContainer(raws: RawContainer[]): Map<string, string[]> {
  const links = new Map<string, string[]>();
  for (const raw of raws) {
    const target = primaryName(raw);
    for (const name of raw.Names ?? []) {
      const parts = name.split('/').filter(Boolean);
      if (parts.length !== 2) continue;
      const [user, alias] = parts;
      links.set(user, [...(links.get(user) ?? []), `${target}:${alias}`]);
    }
  }
  return links;
}

function mapEndpoint(
  raw: RawEndpoint,
  networkName: string,
  container: { id: string; name: string },
  networkIdsByName: Map<string, string>,
): Endpoint {
  const ipv4 = raw.IPAddress || undefined;
  return {
    networkId: raw.NetworkID || networkIdsByName.get(networkName) || '',
    networkName,
    containerId: container.id,
    containerName: container.name,
    endpointId: raw.EndpointID ?? '',
    ipv4,
    ipv4Prefix: ipv4 && raw.IPPrefixLen ? raw.IPPrefixLen : undefined,
    ipv6: raw.GlobalIPv6Address || undefined,
    mac: raw.MacAddress || undefined,
    aliases: userAliases(raw.Aliases, container.id),
    gateway: raw.Gateway || undefined,
    staticIpv4: raw.IPAMConfig?.IPv4Address || undefined,
    staticIpv6: raw.IPAMConfig?.IPv6Address || undefined,
  };
}

/** The engine adds the short container id as an alias on user networks; only the user's are shown. */
export function userAliases(aliases: string[] | null | undefined, containerId: string): string[] {
  return (aliases ?? []).filter((a) => a !== containerId.slice(0, 12));
}

function mapPorts(raw: RawContainer): PortBinding[] {
  const ports = (raw.Ports ?? []).map((p): PortBinding => ({
    containerPort: p.PrivatePort,
    protocol: p.Type === 'udp' || p.Type === 'sctp' ? p.Type : 'tcp',
    hostIp: p.IP || undefined,
    hostPort: p.PublicPort || undefined,
  }));
  return ports.sort(
    (a, b) => a.containerPort - b.containerPort || (a.hostIp ?? '').localeCompare(b.hostIp ?? ''),
  );
}

function mapMounts(raw: RawContainer): Mount[] {
  return (raw.Mounts ?? []).map((m) => {
    const type = (
      ['volume', 'bind', 'tmpfs', 'npipe', 'cluster'].includes(m.Type ?? '') ? m.Type : 'bind'
    ) as Mount['type'];
    return {
      type,
      source: type === 'volume' ? (m.Name ?? m.Source ?? '') : (m.Source ?? ''),
      destination: m.Destination ?? '',
      readOnly: m.RW === false,
      driver: m.Driver || undefined,
    };
  });
}

export function mapContainer(
  raw: RawContainer,
  names: Map<string, string>,
  links: Map<string, string[]>,
  networkIdsByName: Map<string, string>,
): Container {
  const id = raw.Id;
  const name = primaryName(raw);
  const labels = raw.Labels ?? {};
  const status = raw.Status ?? '';
  const state = (containerStates.has(raw.State ?? '') ? raw.State : 'dead') as ContainerState;
  const endpoints = Object.entries(raw.NetworkSettings?.Networks ?? {})
    .map(([networkName, ep]) => mapEndpoint(ep, networkName, { id, name }, networkIdsByName))
    .sort((a, b) => a.networkName.localeCompare(b.networkName));
  return {
    id,
    name,
    image: raw.Image ?? '',
    imageId: raw.ImageID ?? '',
    command: raw.Command ?? '',
    created: raw.Created ?? 0,
    state,
    status,
    health: healthFromStatus(status),
    labels,
    composeProject: labels['com.docker.compose.project'],
    composeService: labels['com.docker.compose.service'],
    networkMode: networkModeOf(raw.HostConfig?.NetworkMode, names),
    endpoints,
    ports: mapPorts(raw),
    mounts: mapMounts(raw),
    links: links.get(name) ?? [],
  };
}

export function mapNetwork(raw: RawNetwork): Network {
  const ipam: IpamConfig[] = (raw.IPAM?.Config ?? []).map((c) => ({
    subnet: c.Subnet || undefined,
    gateway: c.Gateway || undefined,
    ipRange: c.IPRange || undefined,
    auxAddresses: c.AuxiliaryAddresses ?? undefined,
  }));
  return {
    id: raw.Id,
    name: raw.Name,
    driver: raw.Driver ?? '',
    scope: raw.Scope ?? 'local',
    created: raw.Created ?? '',
    internal: raw.Internal === true,
    attachable: raw.Attachable === true,
    ingress: raw.Ingress === true,
    enableIPv6: raw.EnableIPv6 === true,
    ipamDriver: raw.IPAM?.Driver ?? 'default',
    ipam,
    options: raw.Options ?? {},
    labels: raw.Labels ?? {},
    builtin: builtinNetworkNames.has(raw.Name) && ['bridge', 'host', 'null'].includes(raw.Driver ?? ''),
    endpoints: [],
  };
}

export function mapVolume(raw: RawVolume): Volume {
  return {
    name: raw.Name,
    driver: raw.Driver ?? 'local',
    scope: raw.Scope ?? 'local',
    mountpoint: raw.Mountpoint ?? '',
    created: raw.CreatedAt || undefined,
    labels: raw.Labels ?? {},
    options: raw.Options ?? {},
    anonymous: isAnonymousVolumeName(raw.Name),
    usedBy: [],
  };
}
