// The map webview in Chromium at 5 and at 300 networks: what its first view draws. A small map
// opens with every label at 11 px or more on screen; a large one fits the panel, leaves out the
// labels that would be smaller, and names each network with its container count in readable
// type instead. Screenshots go to test-results/ for a person to look at.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { buildGraph, type GraphModel } from '../../../client/src/map/graphModel';
import { requireOrSkip } from '../../harness/require';
import { container, endpoint, network, snapshot } from '../reach/fixtures';
import { chromiumPath, laidOut, openMap, postGraph, root } from './webviewPage';

/** `networks` networks and `containers` containers, one in four of them on a second network. */
function model(networks: number, containers: number): GraphModel {
  const nets = Array.from({ length: networks }, (_, i) => network(`net-${String(i).padStart(3, '0')}`));
  const list = Array.from({ length: containers }, (_, i) => {
    const name = `svc-${String(i).padStart(3, '0')}`;
    const on = [nets[i % networks], ...(i % 4 === 0 ? [nets[(i * 7 + 1) % networks]] : [])];
    return container(name, {
      endpoints: on.flatMap((n) => (n ? [endpoint(n, name, undefined)] : [])),
    });
  });
  return buildGraph(snapshot(nets, list));
}

interface Label {
  kind: string;
  px: number;
  drawn: boolean;
  text: string;
}

/** Each node's label as drawn: the graph's zoom times its font size, and whether it is drawn. */
const readLabels = `(() => {
  const cy = document.getElementById('graph')._cyreg.cy;
  const z = cy.zoom();
  return cy.nodes().map((n) => {
    const px = z * parseFloat(n.style('font-size'));
    return { kind: n.data('kind'), px, drawn: px >= parseFloat(n.style('min-zoomed-font-size')), text: String(n.style('label')) };
  });
})()`;

void describe('network map webview at scale', () => {
  let browser: Browser | undefined;
  const available = existsSync(chromiumPath);

  before(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-vendor.mjs')]);
    if (available)
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--no-sandbox', '--disable-gpu'],
      });
    mkdirSync(path.join(root, 'test-results'), { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  for (const [networks, containers] of [
    [5, 5],
    [300, 60],
  ] as const) {
    void it(`at ${networks} networks every drawn label is at least 11 px on screen`, async (t) => {
      if (!requireOrSkip(t, available && !!browser, `Chromium is not installed at ${chromiumPath}`)) return;
      const { page, errors } = await openMap(browser as Browser, { width: 1280, height: 800 });
      const graph = model(networks, containers);
      const started = Date.now();
      await postGraph(page, graph);
      await laidOut(page, graph.nodes.length);
      t.diagnostic(`${graph.nodes.length} nodes laid out and drawn in ${Date.now() - started} ms`);
      const labels = await page.evaluate<Label[]>(readLabels);
      for (const label of labels.filter((l) => l.drawn))
        assert.ok(label.px >= 11, `a drawn label "${label.text}" is ${label.px.toFixed(1)} px`);
      const networkLabels = labels.filter((l) => l.kind === 'network');
      assert.ok(
        networkLabels.every((l) => l.drawn),
        'every network is named on the first view',
      );
      if (networks <= 5)
        assert.ok(
          labels.every((l) => l.drawn),
          'a small map draws every label',
        );
      else
        assert.ok(
          networkLabels.every((l) => /\d+ containers?$/.test(l.text)),
          'zoomed out, networks show their container count',
        );
      assert.deepEqual(errors, []);
      await page.screenshot({
        path: path.join(root, 'test-results', `network-map-webview-${networks}-networks.png`),
      });
    });
  }
});
