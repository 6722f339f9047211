// A Compose file as the rules and language features see it: names with the ranges they were
// written at. Values that use `${...}` interpolation keep their raw text and are marked, since
// what they become is known only where `docker compose` runs.
import type { Document } from 'yaml';
import type { LineIndex, Range } from './lines';

export interface Located {
  text: string;
  range: Range;
}

export type SymbolKind = 'service' | 'network' | 'volume';

/** One place a service, network or volume name is written: its declaration or a use. */
export interface SymbolRef {
  kind: SymbolKind;
  name: string;
  range: Range;
  declaration: boolean;
}

export interface PortRange {
  start: number;
  end: number;
}

export interface PortSpec {
  range: Range;
  raw: string;
  /** Unset when the host port is chosen by the engine. */
  published: PortRange | undefined;
  target: PortRange | undefined;
  hostIp: string | undefined;
  protocol: string;
  /** Uses `${...}`: the numbers above are unknown. */
  interpolated: boolean;
}

export type MountType = 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'image' | 'cluster';

export interface MountSpec {
  range: Range;
  type: MountType;
  source: string | undefined;
  sourceRange: Range | undefined;
  target: string | undefined;
  readOnly: boolean;
  /** Long syntax: `bind.create_host_path`. Short syntax always creates a missing path. */
  createHostPath: boolean;
  short: boolean;
  interpolated: boolean;
}

export interface ServiceNetwork {
  name: string;
  range: Range;
  ipv4: Located | undefined;
  ipv6: Located | undefined;
  aliases: string[];
}

export interface EnvEntry {
  key: string;
  value: string;
  range: Range;
}

export interface BuildSpec {
  context: string;
  dockerfile: string | undefined;
  inline: string | undefined;
  target: string | undefined;
  range: Range;
}

export interface ServiceDecl {
  name: string;
  keyRange: Range;
  range: Range;
  /** Undefined when the service lists no networks (it joins `default`). */
  networks: ServiceNetwork[] | undefined;
  networksKey: Range | undefined;
  networkMode: Located | undefined;
  ports: PortSpec[];
  portsKey: Range | undefined;
  volumes: MountSpec[];
  dependsOn: Located[];
  links: Array<{ target: Located; alias: string | undefined; range: Range }>;
  linksKey: Range | undefined;
  build: BuildSpec | undefined;
  environment: EnvEntry[];
  /** command, entrypoint and healthcheck test, each as written. */
  commands: Located[];
  profiles: string[];
  /** container_name, hostname and network aliases: other names that resolve to this service. */
  hostnames: string[];
  image: string | undefined;
  extendsFile: string | undefined;
}

export interface IpamConfigDecl {
  subnet: Located | undefined;
  gateway: Located | undefined;
  ipRange: Located | undefined;
}

export interface ResourceDecl {
  name: string;
  keyRange: Range;
  range: Range;
  external: boolean;
  externalRange: Range | undefined;
  /** `name:` (or the legacy `external.name`): the engine object's name, when set. */
  explicitName: Located | undefined;
  driver: string | undefined;
  driverOpts: Record<string, string>;
  ipamDriver: string | undefined;
  ipam: IpamConfigDecl[];
  internal: boolean;
  attachable: boolean;
  enableIpv6: boolean;
  labels: Record<string, string>;
}

export interface ComposeFile {
  uri: string;
  /** Path on disk, for files that have one. */
  path: string | undefined;
  source: string;
  lines: LineIndex;
  doc: Document.Parsed;
  syntaxErrors: Array<{ message: string; range: Range }>;
  projectName: Located | undefined;
  services: ServiceDecl[];
  networks: ResourceDecl[];
  volumes: ResourceDecl[];
  includes: Located[];
  /** Declarations and uses of service, network and volume names, in text order. */
  symbols: SymbolRef[];
}

export const interpolation = /\$\{?[A-Za-z_]/;
