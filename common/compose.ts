// What the client and the language server say to each other about Compose files. The server
// never talks to the engine: the client sends it what exists, and runs the engine actions its
// quick fixes and code lenses name.

/** A network as the Compose rules need it. */
export interface EngineNetworkFact {
  id: string;
  name: string;
  driver: string;
  subnets: string[];
  containers: number;
  /** `com.docker.compose.project` and `com.docker.compose.network`, when Compose created it. */
  project?: string;
  composeKey?: string;
}

export interface EngineVolumeFact {
  name: string;
  driver: string;
  containers: number;
  project?: string;
  composeKey?: string;
}

/** A host port a running container holds. */
export interface EnginePortFact {
  hostIp: string;
  hostPort: number;
  protocol: string;
  container: string;
  project?: string;
  service?: string;
}

/** A Compose project seen on the engine's containers, and the files it was started from. */
export interface EngineProjectFact {
  name: string;
  configFiles: string[];
  workingDir?: string;
}

export interface EngineFacts {
  networks: EngineNetworkFact[];
  volumes: EngineVolumeFact[];
  ports: EnginePortFact[];
  projects: EngineProjectFact[];
}

/** The client's view of the engine changed; `facts` is null while no engine is connected. */
export namespace ComposeEngineNotification {
  export const method = 'berth/composeEngine';
  export interface Params {
    facts: EngineFacts | null;
    /** With several engines, the id (name) of the one the facts are from. */
    engine?: string;
  }
}

/** Where a Compose project declares a network or volume: the first candidate file that does. */
export namespace ComposeDeclarationRequest {
  export const method = 'berth/composeDeclaration';
  export interface Params {
    kind: 'network' | 'volume';
    project: string;
    /** The key under `networks:` or `volumes:` (label `com.docker.compose.network`/`.volume`). */
    key: string;
    /** File URIs to look in, most likely first. */
    candidates: string[];
  }
  export type Result = { uri: string; range: { start: Position; end: Position } } | null;
  interface Position {
    line: number;
    character: number;
  }
}

/** Commands the server's code actions and lenses ask the client to run. */
export const composeCommands = {
  createNetwork: 'berth.compose.createNetwork',
  createVolume: 'berth.compose.createVolume',
  reveal: 'berth.reveal',
} as const;

export interface CreateNetworkArgs {
  name: string;
  driver: string;
  ipamDriver?: string;
  subnets: Array<{ subnet: string; gateway?: string; ipRange?: string }>;
  internal: boolean;
  attachable: boolean;
  enableIPv6: boolean;
  options: Record<string, string>;
  labels: Record<string, string>;
}

export interface CreateVolumeArgs {
  name: string;
  driver: string;
  options: Record<string, string>;
  labels: Record<string, string>;
}

export interface RevealArgs {
  kind: 'network' | 'volume';
  id: string;
  /** The engine that has it, when the client has several. */
  engine?: string;
}
