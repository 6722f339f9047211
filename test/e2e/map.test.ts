// Issue 5 in a real VS Code: "Berth: Show Network Map" draws a user network with its two
// containers, read from the cytoscape graph inside the webview, and leaves a screenshot.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { createContainer, createNetwork, ensureTestImage, Tracker } from '../harness/engine';
import { guarded, screenshot } from '../harness/evidence';
import { runCommand } from '../harness/quickInput';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import { waitFor } from '../harness/wait';
import { webviewFrame } from '../harness/webview';

interface DrawnGraph {
  nodes: { id: string; kind: string; label: string }[];
  edges: { kind: string; source: string; target: string }[];
}

/**
 * What the map's canvas shows, from the cytoscape instance that its library registers on the
 * graph element (the script keeps its own reference private). A string, because this project
 * compiles without the DOM library.
 */
const readGraph = `(() => {
  const cy = document.getElementById('graph')?._cyreg?.cy;
  if (!cy) return undefined;
  return {
    nodes: cy.nodes().map((n) => ({ id: n.id(), kind: n.data('kind'), label: n.data('label') })),
    edges: cy.edges().map((e) => ({ kind: e.data('kind'), source: e.data('source'), target: e.data('target') })),
  };
})()`;

void describe('Network map in a real VS Code', () => {
  const tracker = new Tracker();
  const names = { network: '', web: '', db: '' };
  const ids = { network: '', web: '', db: '' };
  const suite = workbenchSuite(true, async (scratch) => {
    await ensureTestImage();
    const network = await createNetwork(tracker);
    names.network = network.name;
    ids.network = network.id;
    for (const role of ['web', 'db'] as const) {
      const container = await createContainer(tracker, {
        name: `${network.name}-${role}`,
        start: true,
        networkMode: network.name,
        networks: { [network.name]: {} },
      });
      names[role] = `${network.name}-${role}`;
      ids[role] = container.id;
    }
    return { workspace: emptyWorkspace(scratch, 'map e2e') };
  });

  after(() => tracker.cleanup());

  void test('"Berth: Show Network Map" shows the network and both containers joined to it', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'network-map', async () => {
      await runCommand(w.page, 'Berth: Show Network Map');
      const frame: Frame = await webviewFrame(w.page, '#graph', 90_000);
      const graph = await waitFor(
        `the map to draw ${names.network}, ${names.web} and ${names.db}`,
        async () => {
          const drawn = await frame.evaluate<DrawnGraph | undefined>(readGraph);
          const labels = new Set(drawn?.nodes.map((n) => n.label));
          return [names.network, names.web, names.db].every((name) => labels.has(name)) ? drawn : undefined;
        },
        90_000,
      );
      const node = (label: string) => graph.nodes.find((n) => n.label === label);
      assert.equal(node(names.network)?.kind, 'network');
      assert.equal(node(names.network)?.id, `network:${ids.network}`);
      for (const role of ['web', 'db'] as const) {
        assert.equal(node(names[role])?.kind, 'container');
        const joined = graph.edges.some(
          (e) =>
            [e.source, e.target].includes(`container:${ids[role]}`) &&
            [e.source, e.target].includes(`network:${ids.network}`),
        );
        assert.ok(joined, `an edge joins ${names[role]} to ${names.network}`);
      }
      await frame.locator('#fit').click();
      await screenshot(w.page, 'network-map.png');
    });
  });
});
