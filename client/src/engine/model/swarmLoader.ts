// Reads the swarm lists. Only an engine in a swarm has swarm-scoped networks (at least `ingress`),
// so an engine outside one costs no extra request; `/info` then says whether it is a manager, and
// only a manager may list services, tasks and nodes.
import type Docker from 'dockerode';
import { loadGatewayEndpoints } from './gatewayBridge';
import type { RawNetwork } from './mapping';
import {
  isManager,
  type RawService,
  type RawSwarm,
  type RawSwarmInfo,
  type RawSwarmNode,
  type RawTask,
} from './swarm';

export function swarmNetworksListed(networks: RawNetwork[]): boolean {
  return networks.some((n) => n.Scope === 'swarm');
}

export async function loadSwarm(docker: Docker, networks: RawNetwork[]): Promise<RawSwarm> {
  // Workers too give their tasks a gateway endpoint, so it is read whatever the role.
  const [systemInfo, gatewayEndpoints] = await Promise.all([
    docker.info() as Promise<{ Swarm?: RawSwarmInfo }>,
    loadGatewayEndpoints(docker, networks),
  ]);
  const info = systemInfo.Swarm ?? {};
  if (!isManager(info)) return { info, nodes: [], services: [], tasks: [], gatewayEndpoints };
  try {
    const [nodes, services, tasks] = await Promise.all([
      docker.listNodes() as Promise<unknown> as Promise<RawSwarmNode[]>,
      docker.listServices() as Promise<unknown> as Promise<RawService[]>,
      docker.listTasks() as Promise<unknown> as Promise<RawTask[]>,
    ]);
    return { info, nodes, services, tasks, gatewayEndpoints };
  } catch (error) {
    // Demoted or left between `/info` and the lists: the next network or node event reads again.
    if ((error as { statusCode?: number }).statusCode !== 503) throw error;
    return {
      info: { ...info, ControlAvailable: false },
      nodes: [],
      services: [],
      tasks: [],
      gatewayEndpoints,
    };
  }
}
