// What the network map's webview shows, read from the cytoscape instance that its library
// registers on the graph element (the map's script keeps its own reference private). Strings,
// because this project compiles without the DOM library.
import type { Frame, Page } from 'playwright-core';
import { runCommand } from '../harness/quickInput';
import { waitFor } from '../harness/wait';
import { webviewFrame } from '../harness/webview';

export interface DrawnNode {
  id: string;
  kind: string;
  label: string;
  /** The text cytoscape draws for it now (name and detail, or name and count). */
  text: string;
  /** The label's height on screen: the graph's zoom times the label's font size. */
  px: number;
  /** Whether cytoscape draws the label at all (it leaves out those below min-zoomed-font-size). */
  drawn: boolean;
  /** Whether its centre is inside the panel. */
  onScreen: boolean;
  dimmed: boolean;
}

export interface DrawnMap {
  zoom: number;
  nodes: DrawnNode[];
  edges: { kind: string; source: string; target: string }[];
}

const readMap = `(() => {
  const cy = document.getElementById('graph')?._cyreg?.cy;
  if (!cy || !document.body.dataset.laidOut) return undefined;
  const z = cy.zoom();
  const w = cy.width();
  const h = cy.height();
  return {
    zoom: z,
    nodes: cy.nodes().map((n) => {
      const px = z * parseFloat(n.style('font-size'));
      const p = n.renderedPosition();
      return {
        id: n.id(),
        kind: n.data('kind'),
        label: n.data('label'),
        text: String(n.style('label')),
        px,
        drawn: px >= parseFloat(n.style('min-zoomed-font-size')),
        onScreen: p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h,
        dimmed: n.hasClass('dimmed'),
      };
    }),
    edges: cy.edges().map((e) => ({ kind: e.data('kind'), source: e.data('source'), target: e.data('target') })),
  };
})()`;

export async function drawnMap(frame: Frame): Promise<DrawnMap | undefined> {
  return frame.evaluate<DrawnMap | undefined>(readMap);
}

/** Opens the map and waits until it has laid out a graph that `ready` accepts. */
export async function openMap(
  page: Page,
  what: string,
  ready: (map: DrawnMap) => boolean,
  timeoutMs = 120_000,
): Promise<{ frame: Frame; map: DrawnMap }> {
  await runCommand(page, 'Berth: Show Network Map');
  const frame = await webviewFrame(page, '#graph', 90_000);
  const map = await mapWhen(frame, what, ready, timeoutMs);
  return { frame, map };
}

/** Waits until the laid-out map satisfies `ready`. */
export async function mapWhen(
  frame: Frame,
  what: string,
  ready: (map: DrawnMap) => boolean,
  timeoutMs = 90_000,
): Promise<DrawnMap> {
  return waitFor(
    what,
    async () => {
      const map = await drawnMap(frame);
      return map && ready(map) ? map : undefined;
    },
    timeoutMs,
  );
}

export const labelled = (map: DrawnMap, label: string) => map.nodes.find((n) => n.label === label);

/** Clicks a node of the map where cytoscape draws it now, as a person would. */
export async function clickMapNode(frame: Frame, id: string): Promise<void> {
  const at = await frame.evaluate<{ x: number; y: number } | undefined>(`(() => {
    const node = document.getElementById('graph')?._cyreg?.cy?.getElementById(${JSON.stringify(id)});
    if (!node || node.empty()) return undefined;
    const p = node.renderedPosition();
    return { x: p.x, y: p.y };
  })()`);
  if (!at) throw new Error(`the map has no node ${id}`);
  await frame.locator('#graph').click({ position: at });
}
