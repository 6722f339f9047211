// The map's graph as the webview and the SVG export read it (built in graphModel.ts).
export type NodeKind = 'network' | 'container' | 'port' | 'volume' | 'service' | 'task';
/** `service`: an overlay network to a Swarm service on it; `task`: a service to one of its tasks. */
export type EdgeKind = 'endpoint' | 'port' | 'mount' | 'joined' | 'service' | 'task';

/** Graph ids: one namespace per kind, so a network and a container never share one. */
export const nodeId = {
  network: (id: string) => `network:${id}`,
  container: (id: string) => `container:${id}`,
  volume: (name: string) => `volume:${name}`,
  port: (containerId: string, key: string) => `port:${containerId}:${key}`,
  service: (id: string) => `service:${id}`,
  task: (id: string) => `task:${id}`,
};

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /**
   * The engine id (network, container, service, task) or name (volume) that `berth.reveal` and
   * connect take.
   */
  ref: string;
  label: string;
  /** A second line: driver and subnet, image and state, and so on. */
  detail: string;
  /**
   * Extra state for styling: `running`, `stopped`, `builtin`, `internal`, `anonymous`, `dangling`,
   * `overlay`.
   */
  tags: string[];
  /** Networks: how many containers are attached, shown in place of the detail when zoomed out. */
  count?: number;
  /** Overlay networks: how many Swarm services are on it, shown beside the count when zoomed out. */
  services?: number;
  /** The layout's band, top to bottom (see bands.ts). */
  band: number;
}

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label: string;
}

/**
 * How the layered layout should read the graph where it differs from what is drawn (bands.ts):
 * edges it leaves out, and links (never drawn) it follows instead.
 */
export interface LayoutHints {
  skip: string[];
  links: { source: string; target: string }[];
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  layout?: LayoutHints;
}
