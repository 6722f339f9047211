// "Can container A reach service S?" from the model alone. On an overlay network they share, the
// service's name resolves to its virtual IP on every node; without one, a port the service
// publishes through the routing mesh is open on every node of the swarm.
import type { Network, Snapshot } from '../engine/model/snapshot';
import type { SwarmService } from '../engine/model/swarm';
import { findContainer, isRunning, resolveStack } from './stack';
import type { Fix, Reachability, Reason } from './types';

export type ServiceIndex = Pick<Snapshot, 'containers' | 'networks' | 'swarm'>;

function result(partial: Partial<Reachability> & Pick<Reachability, 'verdict'>): Reachability {
  return { reachable: false, byNames: [], viaHostPorts: [], reasons: [], fixes: [], ...partial };
}

function networksCarrying(snapshot: ServiceIndex, serviceId: string): Network[] {
  return [...snapshot.networks.values()].filter((n) => n.services?.some((s) => s.serviceId === serviceId));
}

/** Every node's address with each port the service publishes through the mesh. */
function meshPaths(snapshot: ServiceIndex, service: SwarmService, reasons: Reason[]): string[] {
  const nodes = snapshot.swarm?.nodes ?? [];
  const hostnames = nodes.map((n) => n.hostname).join(', ') || '-';
  const paths: string[] = [];
  for (const port of service.ports) {
    if (port.publishMode !== 'ingress' || port.publishedPort === undefined) continue;
    const published = String(port.publishedPort);
    reasons.push({
      code: 'routing-mesh',
      args: {
        service: service.name,
        port: `${port.targetPort}/${port.protocol}`,
        nodes: hostnames,
        published,
      },
    });
    // A node's loopback address (a single-node swarm on 127.0.0.1) is a container's own loopback.
    for (const node of nodes)
      if (node.address && !node.address.startsWith('127.'))
        paths.push(`${node.address}:${published}/${port.protocol}`);
  }
  return paths;
}

export function analyzeServiceReach(
  snapshot: ServiceIndex,
  fromId: string,
  serviceIdOrName: string,
): Reachability {
  const service = snapshot.swarm?.services.find(
    (s) => s.id === serviceIdOrName || s.name === serviceIdOrName,
  );
  const found = findContainer(snapshot, fromId);
  if (!service) return result({ verdict: { code: 'service-not-found', args: { service: serviceIdOrName } } });
  if (!found) return result({ verdict: { code: 'not-found', args: { id: fromId } } });
  const a = resolveStack(snapshot, found).owner;
  const names = { a: found.name, service: service.name };
  const reasons: Reason[] = [];
  if (!isRunning(a)) {
    reasons.push({ code: 'from-stopped', args: { container: a.name } });
    return result({
      verdict: { code: 'unreachable-from-stopped', args: { ...names, b: service.name } },
      reasons,
    });
  }
  const carrying = networksCarrying(snapshot, service.id);
  const shared = carrying.filter((n) => a.endpoints.some((e) => e.networkId === n.id));
  for (const network of shared) {
    reasons.push({ code: 'overlay-across-nodes', args: { network: network.name } });
    for (const task of network.services?.find((s) => s.serviceId === service.id)?.tasks ?? [])
      reasons.push({
        code: 'service-task-on-node',
        args: { task: task.name, node: task.node, ip: task.address ?? '-', network: network.name },
      });
  }
  const outward = a.endpoints.some((e) => !snapshot.networks.get(e.networkId)?.internal);
  const mesh = meshPaths(snapshot, service, reasons);
  if (mesh.length > 0 && !outward) reasons.push({ code: 'routing-mesh-internal', args: { a: a.name } });
  const viaHostPorts = outward ? mesh : [];
  const best = shared[0];
  if (best) {
    const ip = service.virtualIps.get(best.id) ?? '-';
    const byNames = [service.name, `tasks.${service.name}`];
    return result({
      reachable: true,
      byIp: service.virtualIps.get(best.id),
      byNames,
      viaHostPorts,
      verdict: {
        code: 'reach-service-by-name',
        args: { ...names, ip, names: byNames.map((n) => `\`${n}\``).join(', ') },
      },
      reasons,
    });
  }
  const fixes: Fix[] = [];
  for (const network of carrying.filter((n) => !n.ingress)) {
    if (network.attachable)
      fixes.push({
        kind: 'connect',
        containerId: a.id,
        containerName: a.name,
        networkId: network.id,
        networkName: network.name,
      });
    else
      reasons.push({
        code: 'overlay-not-attachable',
        args: { network: network.name, service: service.name, a: a.name },
      });
  }
  if (viaHostPorts.length > 0)
    return result({
      viaHostPorts,
      verdict: { code: 'reach-service-mesh', args: { ...names, ports: viaHostPorts.join(', ') } },
      reasons,
      fixes,
    });
  return result({ verdict: { code: 'unreachable-service', args: names }, reasons, fixes });
}
