// Reads the swarm lists. Only an engine in a swarm has swarm-scoped networks (at least `ingress`),
// so an engine outside one costs no extra request; `/info` then says whether it is a manager, and
// only a manager may list services, tasks and nodes.
import type Docker from 'dockerode';
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

export async function loadSwarm(docker: Docker): Promise<RawSwarm> {
  const info = ((await docker.info()) as { Swarm?: RawSwarmInfo }).Swarm ?? {};
  if (!isManager(info)) return { info, nodes: [], services: [], tasks: [] };
  try {
    const [nodes, services, tasks] = await Promise.all([
      docker.listNodes() as Promise<unknown> as Promise<RawSwarmNode[]>,
      docker.listServices() as Promise<unknown> as Promise<RawService[]>,
      docker.listTasks() as Promise<unknown> as Promise<RawTask[]>,
    ]);
    return { info, nodes, services, tasks };
  } catch (error) {
    // Demoted or left between `/info` and the lists: the next network or node event reads again.
    if ((error as { statusCode?: number }).statusCode !== 503) throw error;
    return { info: { ...info, ControlAvailable: false }, nodes: [], services: [], tasks: [] };
  }
}
