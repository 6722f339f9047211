// Hangs each service and its tasks under the overlay networks they are on, with the node (by
// hostname) each task runs on and its address there. Pure: the loader's join and the tests call it.
import type { SwarmState, SwarmTask } from './swarm';

export interface NetworkTask {
  taskId: string;
  /** `service.slot` for a replicated service, `service.node` for a global one, as `docker service ps` names it. */
  name: string;
  nodeId: string;
  node: string;
  state: string;
  address?: string;
  containerId?: string;
}

export interface NetworkService {
  serviceId: string;
  serviceName: string;
  virtualIp?: string;
  tasks: NetworkTask[];
}

/** Tasks that hold, or are about to hold, an address: the engine keeps finished ones for history. */
function isCurrent(task: SwarmTask): boolean {
  return task.desiredState === 'running' || task.desiredState === 'ready';
}

function taskName(serviceName: string, task: SwarmTask, node: string): string {
  return `${serviceName}.${task.slot ?? node}`;
}

/**
 * Per network id, the services on it (sorted by name) with their current tasks (by name). A
 * service is on a network when its spec or its virtual IPs say so, or when a task is attached.
 */
export function servicesByNetwork(
  swarm: SwarmState,
  networkIdsByName: ReadonlyMap<string, string>,
): Map<string, NetworkService[]> {
  const hostnames = new Map(swarm.nodes.map((n) => [n.id, n.hostname]));
  const rows = new Map<string, Map<string, NetworkService>>();
  const names = new Map(swarm.services.map((s) => [s.id, s.name]));
  const row = (networkId: string, serviceId: string): NetworkService => {
    let services = rows.get(networkId);
    if (!services) rows.set(networkId, (services = new Map<string, NetworkService>()));
    let service = services.get(serviceId);
    if (!service) {
      const source = swarm.services.find((s) => s.id === serviceId);
      service = {
        serviceId,
        serviceName: names.get(serviceId) ?? serviceId.slice(0, 12),
        virtualIp: source?.virtualIps.get(networkId),
        tasks: [],
      };
      services.set(serviceId, service);
    }
    return service;
  };
  for (const service of swarm.services) {
    for (const networkId of service.virtualIps.keys()) row(networkId, service.id);
    for (const target of service.networkTargets) row(networkIdsByName.get(target) ?? target, service.id);
  }
  for (const task of swarm.tasks.filter(isCurrent)) {
    const node = hostnames.get(task.nodeId) ?? task.nodeId.slice(0, 12);
    for (const attachment of task.attachments) {
      row(attachment.networkId, task.serviceId).tasks.push({
        taskId: task.id,
        name: taskName(names.get(task.serviceId) ?? task.serviceId.slice(0, 12), task, node),
        nodeId: task.nodeId,
        node,
        state: task.state,
        address: attachment.addresses[0],
        containerId: task.containerId,
      });
    }
  }
  const sorted = new Map<string, NetworkService[]>();
  for (const [networkId, services] of rows) {
    const list = [...services.values()].sort((a, b) => a.serviceName.localeCompare(b.serviceName));
    for (const service of list) service.tasks.sort((a, b) => a.name.localeCompare(b.name));
    sorted.set(networkId, list);
  }
  return sorted;
}
