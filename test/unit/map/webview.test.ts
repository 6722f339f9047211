// The map webview in a real Chromium: our HTML under its own CSP, the vendored cytoscape and
// map.js, fed a graph with hostile labels. Nothing may violate the CSP, no markup may come alive,
// and every node must be laid out. VS Code's webview host is stood in for by a route and a stub
// `acquireVsCodeApi`; the full editor round trip is the e2e layer's job.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { buildGraph, type GraphModel } from '../../../client/src/map/graphModel';
import { requireOrSkip } from '../../harness/require';
import { container, endpoint, network, snapshot } from '../reach/fixtures';
import { chromiumPath, laidOut, openMap, postGraph, recorded, root, type Recorded } from './webviewPage';

const payload = '<img src=x onerror=alert(1)>';

function hostileModel(): GraphModel {
  const net = network('my_net', { ipam: [{ subnet: '172.18.0.0/16', gateway: '172.18.0.1' }] });
  const evil = network(`<script>alert(2)</script>`);
  const a = container(payload, {
    endpoints: [endpoint(net, payload, '172.18.0.2'), endpoint(evil, payload, '10.9.0.2')],
    ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }],
  });
  const b = container('userservice', { endpoints: [endpoint(net, 'userservice', '172.18.0.3')] });
  // Networks nobody uses are components of their own; the layout must keep them apart too.
  const idle = ['host', 'none', 'spare'].map((name) => network(name));
  return buildGraph(snapshot([net, evil, ...idle], [a, b]));
}

void describe('network map webview in Chromium', () => {
  let browser: Browser | undefined;
  const available = existsSync(chromiumPath);

  before(async () => {
    // The vendored libraries as the VSIX ships them (the build makes them; so does this).
    execFileSync(process.execPath, [path.join(root, 'scripts/build-vendor.mjs')]);
    if (available)
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--no-sandbox', '--disable-gpu'],
      });
  });
  after(async () => {
    await browser?.close();
  });

  void it('renders hostile labels inertly, under the strict CSP, and lays out every node', async (t) => {
    if (!requireOrSkip(t, available && !!browser, `Chromium is not installed at ${chromiumPath}`)) return;
    const { page, errors, dialogs } = await openMap(browser as Browser);
    await page.waitForFunction(() =>
      (globalThis as unknown as { recorded: Recorded }).recorded.posted.some((m) => m.type === 'ready'),
    );
    const model = hostileModel();
    await postGraph(page, model);
    await laidOut(page, model.nodes.length);

    await page.click('#export');
    await page.waitForFunction(() =>
      (globalThis as unknown as { recorded: Recorded }).recorded.posted.some((m) => m.type === 'export'),
    );
    const log = await recorded(page);
    const exported = log.posted.find((m) => m.type === 'export') as unknown as {
      positions: Record<string, { x: number; y: number }>;
      colors: Record<string, string>;
    };
    for (const node of model.nodes) {
      const p = exported.positions[node.id];
      assert.ok(p && Number.isFinite(p.x) && Number.isFinite(p.y), `${node.id} has a position`);
    }
    const distinct = new Set(model.nodes.map((n) => `${Math.round(exported.positions[n.id]?.x ?? 0)}`));
    assert.ok(distinct.size > 1, 'the layout spread the nodes out');
    assert.match(exported.colors.background ?? '', /\S/);

    assert.deepEqual(log.violations, [], 'no CSP violations');
    assert.deepEqual(dialogs, [], 'no injected script ran');
    assert.equal(await page.locator('img, #graph script').count(), 0, 'no markup from engine strings');
    assert.deepEqual(errors, []);
    mkdirSync(path.join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-results', 'network-map-webview.png') });
  });

  void it('keeps positions on a live update and places a new container under its network', async (t) => {
    if (!requireOrSkip(t, available && !!browser, `Chromium is not installed at ${chromiumPath}`)) return;
    const { page } = await openMap(browser as Browser);
    const model = hostileModel();
    await postGraph(page, model);
    await laidOut(page, model.nodes.length);
    const positionsAfterExport = async () => {
      await page.evaluate(() => {
        (globalThis as unknown as { recorded: Recorded }).recorded.posted.length = 0;
      });
      await page.click('#export');
      await page.waitForFunction(() =>
        (globalThis as unknown as { recorded: Recorded }).recorded.posted.some((m) => m.type === 'export'),
      );
      const log = await recorded(page);
      return (
        log.posted.find((m) => m.type === 'export') as unknown as {
          positions: Record<string, { x: number; y: number }>;
        }
      ).positions;
    };
    const first = await positionsAfterExport();
    const net = network('my_net', { ipam: [{ subnet: '172.18.0.0/16', gateway: '172.18.0.1' }] });
    const extra = buildGraph(
      snapshot([net], [container('newcomer', { endpoints: [endpoint(net, 'newcomer', '172.18.0.9')] })]),
    );
    const grown: GraphModel = {
      nodes: [...model.nodes, ...extra.nodes.filter((n) => n.kind === 'container')],
      edges: [...model.edges, ...extra.edges],
    };
    await postGraph(page, grown);
    await laidOut(page, grown.nodes.length);
    const second = await positionsAfterExport();
    for (const node of model.nodes)
      assert.deepEqual(second[node.id], first[node.id], `${node.id} stayed put`);
    const newcomer = second['container:id-newcomer'];
    const anchor = second['network:net-my_net'];
    assert.ok(newcomer && anchor);
    // In the containers' band under its network, beside the two containers already there.
    assert.ok(
      newcomer.y - anchor.y > 50 && newcomer.y - anchor.y < 250,
      'placed in the band under its network',
    );
    assert.ok(Math.abs(newcomer.x - anchor.x) < 700, 'placed near its network');
  });

  void it('a click reveals the node; dropping a container on a network asks to connect and puts it back', async (t) => {
    if (!requireOrSkip(t, available && !!browser, `Chromium is not installed at ${chromiumPath}`)) return;
    const { page } = await openMap(browser as Browser);
    const net = network('my_net', { ipam: [{ subnet: '172.18.0.0/16', gateway: '172.18.0.1' }] });
    const other = network('other');
    const web = container('web', { endpoints: [endpoint(other, 'web', '10.0.0.2')] });
    await postGraph(page, buildGraph(snapshot([net, other], [web])));
    await laidOut(page, 3);
    // Cytoscape registers its instance on the container element; only this test reaches in.
    const screenPoint = (id: string) =>
      page.evaluate((nodeId) => {
        type Cy = { getElementById(id: string): { renderedPosition(): { x: number; y: number } } };
        type Host = { _cyreg: { cy: Cy }; getBoundingClientRect(): { left: number; top: number } };
        const doc = (globalThis as unknown as { document: { getElementById(id: string): Host } }).document;
        const host = doc.getElementById('graph');
        const p = host._cyreg.cy.getElementById(nodeId).renderedPosition();
        const box = host.getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      }, id);
    const posted = async (type: string) => {
      await page.waitForFunction(
        (wanted) =>
          (globalThis as unknown as { recorded: Recorded }).recorded.posted.some((m) => m.type === wanted),
        type,
      );
      return (await recorded(page)).posted.filter((m) => m.type === type);
    };

    const netPoint = await screenPoint('network:net-my_net');
    await page.mouse.click(netPoint.x, netPoint.y);
    assert.deepEqual(await posted('reveal'), [{ type: 'reveal', kind: 'network', id: 'net-my_net' }]);

    const from = await screenPoint('container:id-web');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) {
      await page.mouse.move(
        from.x + ((netPoint.x - from.x) * step) / 10,
        from.y + ((netPoint.y - from.y) * step) / 10,
      );
    }
    await page.mouse.up();
    assert.deepEqual(await posted('connect'), [
      { type: 'connect', containerId: 'id-web', networkId: 'net-my_net' },
    ]);
    const back = await screenPoint('container:id-web');
    assert.ok(Math.hypot(back.x - from.x, back.y - from.y) < 1, 'the container went back to where it was');
  });
});
