// The one-click repairs: put A and B on one user-defined network, where they reach each other by
// IP and by name (the notes' `docker network connect my_net ...`).
import type { Container, Network } from '../engine/model/snapshot';
import type { Fix } from './types';

/** A network a container can be connected to and that gives both IP and names. */
function joinable(network: Network): boolean {
  if (network.builtin || network.ingress) return false;
  if (network.options['com.docker.network.bridge.enable_icc'] === 'false') return false;
  if (network.scope === 'swarm' && !network.attachable) return false;
  return true;
}

function networksOf(container: Container): Set<string> {
  return new Set(container.endpoints.map((e) => e.networkId));
}

/** Docker names: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`; container names already follow it. */
export function proposedNetworkName(a: Container, b: Container, taken: Iterable<string>): string {
  const clean = (name: string) => name.replace(/[^a-zA-Z0-9_.-]/g, '-').slice(0, 40);
  const base = `berth-${clean(a.name)}-${clean(b.name)}`;
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function proposeFixes(a: Container, b: Container, networks: Map<string, Network>): Fix[] {
  const fixes: Fix[] = [];
  const onA = networksOf(a);
  const onB = networksOf(b);
  const offer = (who: Container, networkId: string) => {
    const network = networks.get(networkId);
    if (!network || !joinable(network)) return;
    fixes.push({
      kind: 'connect',
      containerId: who.id,
      containerName: who.name,
      networkId: network.id,
      networkName: network.name,
    });
  };
  for (const id of onB) if (!onA.has(id)) offer(a, id);
  for (const id of onA) if (!onB.has(id)) offer(b, id);
  const taken = [...networks.values()].map((n) => n.name);
  fixes.push({
    kind: 'create-and-connect',
    networkName: proposedNetworkName(a, b, taken),
    containers: [
      { id: a.id, name: a.name },
      { id: b.id, name: b.name },
    ],
  });
  return fixes;
}
