// The network map as plain data: one node per network, container, published port and volume (and
// Swarm service and task, see swarmGraph.ts), edges labelled with what joins them and pointing
// down the map's bands (network → container → volume or port), as the layered layout reads them. Built from the snapshot alone, with no markup: every
// engine string (names, labels, images) is attacker-controlled and reaches the webview only as
// data that the canvas draws as text, or escaped when exported as SVG.
import type { Container, Snapshot } from '../engine/model/snapshot';
import { assignBands } from './bands';
import { nodeId, type GraphEdge, type GraphModel, type GraphNode } from './graphTypes';
import { buildSwarmGraph } from './swarmGraph';

export type { EdgeKind, GraphEdge, GraphModel, GraphNode, NodeKind } from './graphTypes';
export { nodeId } from './graphTypes';

function containerTags(c: Container): string[] {
  const tags = [c.state === 'running' ? 'running' : 'stopped'];
  if (c.networkMode.kind !== 'bridge' && c.networkMode.kind !== 'user')
    tags.push(`mode-${c.networkMode.kind}`);
  return tags;
}

function containerDetail(c: Container): string {
  const compose = c.composeProject ? `${c.composeProject}/${c.composeService ?? ''}` : undefined;
  return [compose, c.image, c.state].filter(Boolean).join(' · ');
}

function shortName(name: string): string {
  return /^[0-9a-f]{64}$/.test(name) ? name.slice(0, 12) : name;
}

export function buildGraph(
  snapshot: Pick<Snapshot, 'networks' | 'containers' | 'volumes'> & Partial<Pick<Snapshot, 'swarm'>>,
): GraphModel {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const portIds = new Set<string>();

  const networks = [...snapshot.networks.values()].sort(byName);
  for (const n of networks) {
    const subnets = n.ipam.map((c) => c.subnet).filter((s): s is string => !!s);
    const tags = [n.builtin ? 'builtin' : 'user'];
    if (n.internal) tags.push('internal');
    if (n.options['com.docker.network.bridge.enable_icc'] === 'false') tags.push('no-icc');
    if (n.driver === 'overlay') tags.push('overlay');
    nodes.push({
      id: nodeId.network(n.id),
      kind: 'network',
      ref: n.id,
      label: n.name,
      detail: [n.driver, ...subnets].join(' · '),
      tags,
      count: 0,
      band: 0,
    });
  }

  const swarm = buildSwarmGraph(networks, snapshot.swarm);
  nodes.push(...swarm.nodes);
  edges.push(...swarm.edges);
  const nodeOf = (containerId: string) =>
    swarm.taskOfContainer.get(containerId) ?? nodeId.container(containerId);

  for (const c of [...snapshot.containers.values()].sort(byName)) {
    const id = nodeOf(c.id);
    if (!swarm.taskOfContainer.has(c.id))
      nodes.push({
        id,
        kind: 'container',
        ref: c.id,
        label: c.name,
        detail: containerDetail(c),
        tags: containerTags(c),
        band: 0,
      });
    for (const e of c.endpoints) {
      if (!snapshot.networks.has(e.networkId) || swarm.shownEndpoints.has(`${e.networkId}/${c.id}`)) continue;
      edges.push({
        id: `endpoint:${c.id}:${e.networkId}`,
        kind: 'endpoint',
        source: nodeId.network(e.networkId),
        target: id,
        label: [e.ipv4, e.ipv6].filter(Boolean).join(' · '),
      });
    }
    if (c.networkMode.kind === 'container' && snapshot.containers.has(c.networkMode.containerId)) {
      edges.push({
        id: `joined:${c.id}`,
        kind: 'joined',
        source: id,
        target: nodeOf(c.networkMode.containerId),
        label: 'container:',
      });
    }
    for (const p of c.ports) {
      if (p.hostPort === undefined) continue;
      const host = `${p.hostIp || '0.0.0.0'}:${p.hostPort}`;
      const key = `${host}/${p.protocol}`;
      const portId = nodeId.port(c.id, key);
      if (portIds.has(portId)) continue;
      portIds.add(portId);
      nodes.push({ id: portId, kind: 'port', ref: c.id, label: host, detail: p.protocol, tags: [], band: 0 });
      edges.push({
        id: `publish:${c.id}:${key}`,
        kind: 'port',
        source: id,
        target: portId,
        label: `${p.containerPort}/${p.protocol}`,
      });
    }
  }

  for (const v of [...snapshot.volumes.values()].sort(byName)) {
    const id = nodeId.volume(v.name);
    const tags = [];
    if (v.anonymous) tags.push('anonymous');
    if (v.usedBy.length === 0) tags.push('dangling');
    nodes.push({
      id,
      kind: 'volume',
      ref: v.name,
      label: shortName(v.name),
      detail: v.driver,
      tags,
      band: 0,
    });
    for (const u of v.usedBy) {
      if (!snapshot.containers.has(u.containerId)) continue;
      edges.push({
        id: `mount:${v.name}:${u.containerId}:${u.destination}`,
        kind: 'mount',
        source: nodeOf(u.containerId),
        target: id,
        label: u.readOnly ? `${u.destination} (ro)` : u.destination,
      });
    }
  }
  const attached = new Map<string, number>();
  for (const e of edges) if (e.kind === 'endpoint') attached.set(e.source, (attached.get(e.source) ?? 0) + 1);
  for (const n of nodes) if (n.kind === 'network') n.count = attached.get(n.id) ?? 0;
  const carried = new Map<string, number>();
  for (const e of edges) if (e.kind === 'service') carried.set(e.source, (carried.get(e.source) ?? 0) + 1);
  for (const n of nodes) if (carried.has(n.id)) n.services = carried.get(n.id);
  return assignBands({ nodes, edges });
}
