// The engine as Berth sees it: one plain, typed snapshot of networks, volumes and containers,
// joined once when it is loaded. Tree views, the network map and the reachability check only
// read this; they never call the engine themselves. Nothing here depends on `vscode`, so the
// loader and the joins are tested against a real engine without an editor.

import type { SwarmState } from './swarm';
import type { NetworkService } from './swarmJoin';

export type NetworkMode =
  | { kind: 'bridge' | 'user' }
  | { kind: 'host' }
  | { kind: 'none' }
  | { kind: 'container'; containerId: string; containerName?: string };

/** One container's attachment to one network (an Engine API endpoint). */
export interface Endpoint {
  networkId: string;
  networkName: string;
  containerId: string;
  containerName: string;
  endpointId: string;
  ipv4?: string; // without prefix length, e.g. 172.18.0.3
  ipv4Prefix?: number;
  ipv6?: string;
  mac?: string;
  aliases: string[];
  gateway?: string;
  /** A static address requested with `--ip` (IPAMConfig), if any. */
  staticIpv4?: string;
  staticIpv6?: string;
  /** Made and removed by the engine itself (a swarm task's way out on docker_gwbridge): never disconnected by hand. */
  engineManaged?: true;
}

export interface PortBinding {
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  hostIp?: string;
  hostPort?: number;
}

export interface Mount {
  type: 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'cluster';
  /** Volume name for `volume`, host path for `bind`. */
  source: string;
  destination: string;
  readOnly: boolean;
  driver?: string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface Container {
  id: string;
  name: string; // without the leading slash
  image: string;
  imageId: string;
  command: string;
  created: number; // unix seconds
  state: ContainerState;
  status: string; // "Up 3 minutes", as the engine words it
  health?: 'starting' | 'healthy' | 'unhealthy';
  labels: Record<string, string>;
  composeProject?: string;
  composeService?: string;
  networkMode: NetworkMode;
  endpoints: Endpoint[];
  ports: PortBinding[];
  mounts: Mount[];
  /** Legacy `--link` entries, `target:alias`, from the host config. */
  links: string[];
}

export interface IpamConfig {
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  auxAddresses?: Record<string, string>;
}

export interface Network {
  id: string;
  name: string;
  driver: string;
  scope: string;
  created: string; // RFC 3339, as the engine gives it
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  enableIPv6: boolean;
  ipamDriver: string;
  ipam: IpamConfig[];
  options: Record<string, string>;
  labels: Record<string, string>;
  /** bridge, host and none: created by the engine, cannot be removed. */
  builtin: boolean;
  /** Joined from the containers' endpoints, sorted by container name. */
  endpoints: Endpoint[];
  /** On a Swarm manager, the services and tasks on this (overlay) network. */
  services?: NetworkService[];
}

export interface VolumeUsage {
  containerId: string;
  containerName: string;
  destination: string;
  readOnly: boolean;
}

export interface Volume {
  name: string;
  driver: string;
  scope: string;
  mountpoint: string;
  created?: string;
  labels: Record<string, string>;
  options: Record<string, string>;
  /** A 64-hex name the engine made up for an anonymous volume. */
  anonymous: boolean;
  /** Joined from the containers' mounts. Empty means dangling (unused). */
  usedBy: VolumeUsage[];
  /** Bytes, when the engine reported it (loaded lazily, see `EngineModel.loadVolumeSizes`). */
  size?: number;
}

export interface EngineInfo {
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
  /** The name of the context or host description the user sees in the status bar. */
  endpointLabel: string;
}

export interface Snapshot {
  info: EngineInfo;
  networks: Map<string, Network>; // by id
  volumes: Map<string, Volume>; // by name
  containers: Map<string, Container>; // by id
  /** Present when the engine is in a swarm; its lists are filled only on a manager. */
  swarm?: SwarmState;
  loadedAt: number; // Date.now()
}

/** What changed between two snapshots, so that views fire change events only for those nodes. */
export interface SnapshotDelta {
  networks: Set<string>; // ids added, removed or changed
  volumes: Set<string>; // names
  containers: Set<string>; // ids
}
