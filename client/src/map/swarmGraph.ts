// The Swarm part of the map: each overlay's services, hanging from every network they are on, and
// each service's current tasks with the node they run on and their address on each network. A
// task's container on this engine is drawn as its task, not a second time as a container.
import type { Network, Snapshot } from '../engine/model/snapshot';
import type { NetworkService, NetworkTask } from '../engine/model/swarmJoin';
import { nodeId, type GraphEdge, type GraphNode } from './graphTypes';

export interface SwarmGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Container id to the task node that stands for it. */
  taskOfContainer: Map<string, string>;
  /** `networkId/containerId` pairs the service edges already show. */
  shownEndpoints: Set<string>;
}

interface TaskSeen {
  task: NetworkTask;
  serviceId: string;
  /** Network name and address, one per network it is on. */
  addresses: { network: string; address?: string }[];
}

function stateTag(running: boolean): string {
  return running ? 'running' : 'stopped';
}

function taskDetail(seen: TaskSeen): string {
  const several = seen.addresses.length > 1;
  const addresses = seen.addresses.flatMap((a) =>
    a.address ? [several ? `${a.network} ${a.address}` : a.address] : [],
  );
  return [seen.task.node, ...addresses].join(' · ');
}

function serviceDetail(tasks: TaskSeen[], image: string | undefined): string {
  const running = tasks.filter((t) => t.task.state === 'running').length;
  return [image, `${running}/${tasks.length}`].filter(Boolean).join(' · ');
}

export function buildSwarmGraph(networks: readonly Network[], swarm: Snapshot['swarm']): SwarmGraph {
  const images = new Map((swarm?.services ?? []).map((s) => [s.id, s.image]));
  const services = new Map<string, NetworkService>();
  const tasks = new Map<string, TaskSeen>();
  const edges: GraphEdge[] = [];
  const shownEndpoints = new Set<string>();

  for (const network of networks) {
    for (const service of network.services ?? []) {
      if (!services.has(service.serviceId)) services.set(service.serviceId, service);
      edges.push({
        id: `carries:${network.id}:${service.serviceId}`,
        kind: 'service',
        source: nodeId.network(network.id),
        target: nodeId.service(service.serviceId),
        label: service.virtualIp ?? '',
      });
      for (const task of service.tasks) {
        const seen = tasks.get(task.taskId) ?? { task, serviceId: service.serviceId, addresses: [] };
        seen.addresses.push({ network: network.name, address: task.address });
        tasks.set(task.taskId, seen);
        if (task.containerId) shownEndpoints.add(`${network.id}/${task.containerId}`);
      }
    }
  }

  const nodes: GraphNode[] = [];
  const tasksOf = (serviceId: string) => [...tasks.values()].filter((t) => t.serviceId === serviceId);
  for (const service of [...services.values()].sort((a, b) => a.serviceName.localeCompare(b.serviceName))) {
    const own = tasksOf(service.serviceId).sort((a, b) => a.task.name.localeCompare(b.task.name));
    nodes.push({
      id: nodeId.service(service.serviceId),
      kind: 'service',
      ref: service.serviceId,
      label: service.serviceName,
      detail: serviceDetail(own, images.get(service.serviceId)),
      tags: [stateTag(own.some((t) => t.task.state === 'running'))],
      band: 0,
    });
    for (const seen of own) {
      nodes.push({
        id: nodeId.task(seen.task.taskId),
        kind: 'task',
        ref: seen.task.taskId,
        label: seen.task.name,
        detail: taskDetail(seen),
        tags: [stateTag(seen.task.state === 'running')],
        band: 0,
      });
      edges.push({
        id: `runs:${service.serviceId}:${seen.task.taskId}`,
        kind: 'task',
        source: nodeId.service(service.serviceId),
        target: nodeId.task(seen.task.taskId),
        label: '',
      });
    }
  }

  const taskOfContainer = new Map<string, string>();
  for (const seen of tasks.values())
    if (seen.task.containerId) taskOfContainer.set(seen.task.containerId, nodeId.task(seen.task.taskId));
  return { nodes, edges, taskOfContainer, shownEndpoints };
}

/**
 * Where the Networks view shows a service or task: under an overlay that carries it, the user's
 * own overlays before the routing mesh, by name. Undefined once it is gone.
 */
export function swarmRowOf(
  networks: Iterable<Network>,
  kind: 'service' | 'task',
  id: string,
): { networkId: string; serviceId: string } | undefined {
  const carriers = [...networks]
    .filter((network) => (network.services?.length ?? 0) > 0)
    .sort((a, b) => Number(a.ingress === true) - Number(b.ingress === true) || a.name.localeCompare(b.name));
  for (const network of carriers)
    for (const service of network.services ?? [])
      if (kind === 'service' ? service.serviceId === id : service.tasks.some((task) => task.taskId === id))
        return { networkId: network.id, serviceId: service.serviceId };
  return undefined;
}
