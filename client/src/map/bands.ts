// The map's bands, top to bottom: networks, then their containers and Swarm services, then the
// volumes and published ports those containers use and the services' tasks. The layered layout takes each band as a partition, so the map reads
// the same way at 5 networks as at 300. Two things would stretch it into a strip tens of thousands
// of pixels wide, shrinking the whole map to dust: a network with many containers, and many
// networks joined into one piece by containers on several of them. So a busy network lays out its
// containers in rows, each followed by the volumes and ports of its own containers, and a piece
// with many networks is cut into tiers of networks, stacked, each with its own bands. The layout
// reaches a container in a later row through the one above it, not straight from its network:
// long edges past other rows would make the layout shift each row sideways, a staircase as wide
// as one long row.
import type { GraphModel, GraphNode, LayoutHints } from './graphTypes';

/** Containers side by side in one row under a network with `count` containers. */
export function rowWidth(count: number): number {
  return Math.max(6, Math.ceil(Math.sqrt(2 * count)));
}

/**
 * Networks side by side in one tier of a piece with `networks` networks, whose first rows hold
 * `perNetwork` containers on average: tiers about as wide as they are tall, a little wider.
 */
export function tierWidth(networks: number, perNetwork: number): number {
  return Math.max(6, Math.ceil(Math.sqrt((1.5 * networks) / Math.max(1, perNetwork))));
}

/** The connected pieces of the graph, as one representative id per node. */
function pieces(model: GraphModel): (id: string) => string {
  const parent = new Map(model.nodes.map((n) => [n.id, n.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  for (const e of model.edges) parent.set(find(e.source), find(e.target));
  return find;
}

/** The endpoint and service edges of each network, in model order: services take rows as containers do. */
function membersOf(model: GraphModel): Map<string, { edge: string; container: string }[]> {
  const members = new Map<string, { edge: string; container: string }[]>();
  for (const e of model.edges)
    if (e.kind === 'endpoint' || e.kind === 'service')
      members.set(e.source, [...(members.get(e.source) ?? []), { edge: e.id, container: e.target }]);
  return members;
}

/**
 * A tier's networks in band `base`; row r of a network's containers in `base + 1 + 2r`, their
 * volumes and ports in `base + 2 + 2r`. Each tier starts below the deepest band of the one above.
 */
export function assignBands(model: GraphModel): GraphModel {
  const band = new Map<string, number>();
  const hints: LayoutHints = { skip: [], links: [] };
  const members = membersOf(model);
  const pieceOf = pieces(model);
  const networksByPiece = new Map<string, GraphNode[]>();
  for (const n of model.nodes)
    if (n.kind === 'network')
      networksByPiece.set(pieceOf(n.id), [...(networksByPiece.get(pieceOf(n.id)) ?? []), n]);

  for (const networks of networksByPiece.values()) {
    const firstRows = networks.map((n) =>
      Math.min(members.get(n.id)?.length ?? 0, rowWidth(members.get(n.id)?.length ?? 0)),
    );
    const width = tierWidth(networks.length, firstRows.reduce((a, b) => a + b, 0) / networks.length);
    let base = 0;
    for (let start = 0; start < networks.length; start += width) {
      let deepest = base;
      for (const n of networks.slice(start, start + width)) {
        band.set(n.id, base);
        // A container on several networks takes its row under the first of them that lists it.
        const list = (members.get(n.id) ?? []).filter((m) => !band.has(m.container));
        const row = rowWidth(list.length);
        list.forEach((m, index) => {
          const at = base + 1 + 2 * Math.floor(index / row);
          band.set(m.container, at);
          deepest = Math.max(deepest, at + 1);
          const above = list[index - row];
          if (!above) return;
          hints.skip.push(m.edge);
          hints.links.push({ source: above.container, target: m.container });
        });
      }
      base = deepest + 1;
    }
  }
  for (const n of model.nodes) if (n.kind === 'container' && !band.has(n.id)) band.set(n.id, 1);
  // A container sharing another's network stack sits beside it.
  for (const e of model.edges)
    if (e.kind === 'joined') band.set(e.source, band.get(e.target) ?? band.get(e.source) ?? 1);
  // A volume several containers share goes below the lowest of them; a service's tasks go below it
  // (task edges come before mounts, so a task's volumes go below the task).
  for (const e of model.edges) {
    if (e.kind !== 'mount' && e.kind !== 'port' && e.kind !== 'task') continue;
    const below = (band.get(e.source) ?? 1) + 1;
    band.set(e.target, Math.max(band.get(e.target) ?? 0, below));
  }
  // Only volumes nobody mounts are left: they go where volumes go.
  const placed = (n: GraphNode): GraphNode => ({ ...n, band: band.get(n.id) ?? 2 });
  return { nodes: model.nodes.map(placed), edges: model.edges, layout: hints };
}
