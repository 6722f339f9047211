// The swarm part of the Networks view: an overlay's services, and each service's tasks with the
// node they run on and their address, as container rows show their IP.
import type { Network } from '../../engine/model/snapshot';
import { isEncryptedOverlay } from '../../engine/model/swarm';
import type { NetworkService, NetworkTask } from '../../engine/model/swarmJoin';
import { keys, type ServiceNode, type TaskNode, type Presentation } from '../../shared/nodes';
import { code, escapeMarkdown, keyValueLines, shortId, t } from '../../shared/text';

/** The swarm facts a row's description shows: attachable, encrypted, the routing mesh. */
export function overlayFacts(network: Network): string[] {
  if (network.scope !== 'swarm') return [];
  const facts: string[] = [];
  if (network.ingress) facts.push(t('routing mesh'));
  if (network.attachable) facts.push(t('attachable'));
  if (isEncryptedOverlay(network)) facts.push(t('encrypted'));
  const services = network.services?.length ?? 0;
  if (services > 0) facts.push(services === 1 ? t('1 service') : t('{0} services', services));
  return facts;
}

/** Task containers on this engine show as their task row, not a second time as a container. */
export function isTaskContainerShown(network: Network, containerId: string): boolean {
  if (!network.services) return false;
  return network.services.some((s) => s.tasks.some((task) => task.containerId === containerId));
}

export function serviceChildren(network: Network): ServiceNode[] {
  const parentKey = keys.network(network.id);
  return (network.services ?? []).map((service) => ({
    kind: 'service',
    key: keys.service(network.id, service.serviceId),
    parentKey,
    networkId: network.id,
    serviceId: service.serviceId,
  }));
}

export function taskChildren(network: Network, node: ServiceNode): TaskNode[] {
  const service = findService(network, node.serviceId);
  return (service?.tasks ?? []).map((task) => ({
    kind: 'task',
    key: keys.task(network.id, node.serviceId, task.taskId),
    parentKey: node.key,
    networkId: network.id,
    serviceId: node.serviceId,
    taskId: task.taskId,
  }));
}

export function findService(network: Network | undefined, serviceId: string): NetworkService | undefined {
  return network?.services?.find((s) => s.serviceId === serviceId);
}

export function presentService(network: Network, service: NetworkService): Presentation {
  const running = service.tasks.filter((task) => task.state === 'running').length;
  const parts = [t('service'), t('{0}/{1} tasks running', running, service.tasks.length)];
  if (service.virtualIp) parts.push(t('virtual IP {0}', service.virtualIp));
  return {
    label: service.serviceName,
    description: parts.join(' · '),
    tooltip: keyValueLines([
      [t('Service'), `**${escapeMarkdown(service.serviceName)}**`],
      [t('ID'), code(shortId(service.serviceId))],
      [t('Network'), escapeMarkdown(network.name)],
      [t('Virtual IP'), service.virtualIp ? code(service.virtualIp) : undefined],
    ]),
    icon: { id: 'layers' },
    contextValue: 'service',
    collapsible: service.tasks.length > 0 ? 'collapsed' : 'none',
  };
}

export function presentTask(network: Network, task: NetworkTask): Presentation {
  const parts = [t('on {0}', task.node), task.address ?? t('no address yet'), task.state];
  return {
    label: task.name,
    description: parts.join(' · '),
    tooltip: keyValueLines([
      [t('Task'), `**${escapeMarkdown(task.name)}**`],
      [t('Node'), escapeMarkdown(task.node)],
      [t('Network'), escapeMarkdown(network.name)],
      [t('Address'), task.address ? code(task.address) : undefined],
      [t('State'), escapeMarkdown(task.state)],
      [t('Container'), task.containerId ? code(shortId(task.containerId)) : undefined],
    ]),
    icon: { id: task.state === 'running' ? 'vm-running' : 'vm-outline' },
    contextValue: task.state === 'running' ? 'task.running' : 'task',
    collapsible: 'none',
  };
}
