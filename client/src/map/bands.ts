// The map's bands, top to bottom: networks, then their containers, then the volumes and published
// ports those containers use. The layered layout takes each band as a partition, so the map reads
// the same way at 5 networks as at 300. A network with many containers lays them out in several
// rows, each followed by the volumes and ports of its own containers: one busy network then makes
// a block, not a strip tens of thousands of pixels wide that shrinks the whole map to dust.
import type { GraphModel, GraphNode } from './graphTypes';

/** Containers side by side in one row under a network with `count` containers. */
export function rowWidth(count: number): number {
  return Math.max(6, Math.ceil(Math.sqrt(2 * count)));
}

/** Networks sit in band 0; row r of a network's containers in band 1 + 2r, their volumes and ports in 2 + 2r. */
export function assignBands(model: GraphModel): GraphModel {
  const band = new Map<string, number>();
  const members = new Map<string, string[]>();
  for (const e of model.edges) {
    if (e.kind !== 'endpoint') continue;
    members.set(e.source, [...(members.get(e.source) ?? []), e.target]);
  }
  for (const n of model.nodes) if (n.kind === 'network') band.set(n.id, 0);
  // A container on several networks takes its row under the first of them that lists it.
  for (const n of model.nodes) {
    const list = (members.get(n.id) ?? []).filter((id) => !band.has(id));
    const width = rowWidth(list.length);
    list.forEach((id, index) => band.set(id, 1 + 2 * Math.floor(index / width)));
  }
  for (const n of model.nodes) if (n.kind === 'container' && !band.has(n.id)) band.set(n.id, 1);
  // A container sharing another's network stack sits beside it.
  for (const e of model.edges)
    if (e.kind === 'joined') band.set(e.source, band.get(e.target) ?? band.get(e.source) ?? 1);
  // A volume several containers share goes below the lowest of them.
  for (const e of model.edges) {
    if (e.kind !== 'mount' && e.kind !== 'port') continue;
    const below = (band.get(e.source) ?? 1) + 1;
    band.set(e.target, Math.max(band.get(e.target) ?? 0, below));
  }
  // Only volumes nobody mounts are left: they go where volumes go.
  const placed = (n: GraphNode): GraphNode => ({ ...n, band: band.get(n.id) ?? 2 });
  return { nodes: model.nodes.map(placed), edges: model.edges };
}
