// The answer to "can A reach B?", as data: the reasons carry a code and named arguments so that
// the same verdict renders in English or Chinese, and tests compare codes, not sentences.

export type VerdictCode =
  | 'reach-by-ip-and-name'
  | 'reach-by-ip'
  | 'reach-localhost'
  | 'reach-host-ports'
  | 'same-container'
  | 'not-found'
  | 'unreachable-no-shared-network'
  | 'unreachable-icc'
  | 'unreachable-from-none'
  | 'unreachable-to-none'
  | 'unreachable-from-stopped'
  | 'unreachable-to-stopped'
  | 'unreachable-joined-missing'
  | 'unreachable-host-from-internal'
  | 'reach-service-by-name'
  | 'reach-service-mesh'
  | 'unreachable-service'
  | 'service-not-found';

export type ReasonCode =
  | 'joined-from'
  | 'joined-to'
  | 'joined-owner-stopped'
  | 'same-stack'
  | 'from-none'
  | 'to-none'
  | 'from-stopped'
  | 'to-stopped'
  | 'from-host'
  | 'from-host-via-bridge'
  | 'from-host-no-dns'
  | 'to-host'
  | 'to-host-via-gateway'
  | 'to-host-internal'
  | 'shared-network'
  | 'internal-network'
  | 'icc-disabled'
  | 'names-resolve'
  | 'default-bridge-no-dns'
  | 'legacy-link'
  | 'no-shared-network'
  | 'published-port'
  | 'published-port-via-host'
  | 'published-port-loopback-only'
  | 'published-ports-internal'
  | 'fix-impossible-mode'
  | 'overlay-across-nodes'
  | 'service-name-resolves'
  | 'service-task-on-node'
  | 'routing-mesh'
  | 'routing-mesh-internal'
  | 'overlay-not-attachable';

export interface Reason<C extends string = ReasonCode> {
  code: C;
  args: Record<string, string>;
}

export type Fix =
  | {
      kind: 'connect';
      containerId: string;
      containerName: string;
      networkId: string;
      networkName: string;
    }
  | {
      kind: 'create-and-connect';
      networkName: string;
      containers: { id: string; name: string }[];
    };

export interface Reachability {
  reachable: boolean;
  /** B's address as A would use it: on the shared network, 127.0.0.1 for a shared stack, the gateway for a host-mode B. */
  byIp?: string;
  /** Names of B that resolve from A and lead somewhere A can connect to. */
  byNames: string[];
  /** `address:port/protocol` of B's published ports that A can reach through the host. */
  viaHostPorts: string[];
  verdict: Reason<VerdictCode>;
  reasons: Reason[];
  fixes: Fix[];
}
