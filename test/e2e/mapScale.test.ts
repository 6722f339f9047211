// The network map at 300 networks in a real VS Code, on a throwaway engine of its own (where a
// network costs milliseconds and nobody else's objects show): the first view names every network
// in readable type without one name running into another, and every label it draws is at least
// 11 px on screen, measured inside the webview from the graph's zoom and the labels' font size.
// The screenshot in test-results/ is for a person to look at.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import Docker from 'dockerode';
import { runId, testLabels } from '../harness/engine';
import { guarded, screenshot } from '../harness/evidence';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import {
  startThrowawayEngine,
  throwawayEngineMissingReason,
  type ThrowawayEngine,
} from '../harness/throwawayEngine';
import { openMap, type DrawnMap } from './mapView';

const networkCount = 300;
const prefix = `berth-scale-${runId}-`;

/**
 * Creates the networks a few at a time. The default address pools hold about 30 networks, so
 * each gets its own /24; the throwaway engine has a network namespace of its own, so they clash
 * with nothing on the host.
 */
async function seedNetworks(docker: Docker): Promise<void> {
  const indexes = Array.from({ length: networkCount }, (_, i) => i);
  const worker = async () => {
    for (let i = indexes.shift(); i !== undefined; i = indexes.shift())
      await docker.createNetwork({
        Name: `${prefix}${String(i).padStart(3, '0')}`,
        Driver: 'bridge',
        Labels: testLabels(),
        IPAM: { Config: [{ Subnet: `10.${200 + Math.floor(i / 250)}.${i % 250}.0/24` }] },
      });
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

interface LabelBox {
  label: string;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** Where each network's label is drawn, on screen. */
const readNetworkLabels = `(() => {
  const cy = document.getElementById('graph')._cyreg.cy;
  return cy.nodes('[kind = "network"]').map((n) => {
    const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    return { label: n.data('label'), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 };
  });
})()`;

function firstOverlap(boxes: readonly LabelBox[]): [string, string] | undefined {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) return [a.label, b.label];
    }
  return undefined;
}

void describe('Network map at 300 networks in a real VS Code', () => {
  let throwaway: ThrowawayEngine | undefined;
  const suite = workbenchSuite(true, async (scratch) => {
    const missing = throwawayEngineMissingReason();
    if (missing) throw new Error(`no throwaway engine: ${missing}`);
    throwaway = await startThrowawayEngine();
    await seedNetworks(new Docker({ socketPath: throwaway.socketPath }));
    const host = `unix://${throwaway.socketPath}`;
    return {
      workspace: emptyWorkspace(scratch, 'map at scale e2e'),
      options: { settings: { 'berth.dockerHost': host }, env: { DOCKER_HOST: host } },
    };
  });

  after(async () => {
    // The engine and everything on it go with it.
    await throwaway?.stop();
  });

  const seeded = (map: DrawnMap) =>
    map.nodes.filter((node) => node.kind === 'network' && node.label.startsWith(prefix)).length ===
    networkCount;

  void test('its first view names all 300 networks, and every drawn label is 11 px or more', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'network-map-300', async () => {
      const { frame, map } = await openMap(
        w.page,
        `the map with all ${networkCount} networks`,
        seeded,
        240_000,
      );
      const networks = map.nodes.filter((node) => node.kind === 'network');
      // It opens at its top left corner, readable, rather than fit 300 networks in one panel.
      for (const node of networks) assert.ok(node.drawn, `${node.label} is named on the first view`);
      const boxes = await frame.evaluate<LabelBox[]>(readNetworkLabels);
      const clash = firstOverlap(boxes);
      assert.equal(clash, undefined, `two network labels run into each other: ${clash?.join(' and ')}`);
      const drawn = map.nodes.filter((node) => node.drawn);
      for (const node of drawn)
        assert.ok(node.px >= 11, `${node.label}'s label is ${node.px.toFixed(1)} px on screen`);
      t.diagnostic(
        `${map.nodes.length} nodes, zoom ${map.zoom.toFixed(3)}, smallest drawn label ${Math.min(...drawn.map((n) => n.px)).toFixed(1)} px`,
      );
      await screenshot(w.page, 'network-map-300-networks.png');
    });
  });
});
