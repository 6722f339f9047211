// The network map in a real VS Code, on an engine view that holds only this suite's objects (a
// ScopedEngine relay: five networks, five containers, a volume, a published port, and Docker's
// built-in networks): what it draws, that its first view is readable (labels at least 11 px on
// screen, measured in the webview from the graph's zoom and the labels' font size), that the empty
// built-in networks stay off the map until asked, and that the search box focuses one container's
// neighbourhood. Screenshots go to test-results/.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import {
  createContainer,
  createNetwork,
  createVolume,
  engine,
  ensureTestImage,
  runId,
  Tracker,
  uniqueName,
} from '../harness/engine';
import { guarded, screenshot } from '../harness/evidence';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import { labelled, mapWhen, openMap, type DrawnMap } from './mapView';
import { ScopedEngine } from './scopedEngine';

const roles = ['web', 'api', 'db', 'redis', 'worker'] as const;
type Role = (typeof roles)[number];
const networkRoles = ['front', 'back', 'cache', 'jobs', 'spare'] as const;
type NetworkRole = (typeof networkRoles)[number];

/** Which networks each container joins: web shares front with api and back with db. */
const joins: Record<Role, NetworkRole[]> = {
  web: ['front', 'back'],
  api: ['front'],
  db: ['back'],
  redis: ['cache'],
  worker: ['jobs'],
};

const builtins = ['bridge', 'host', 'none'];

void describe('Network map in a real VS Code', () => {
  const tracker = new Tracker();
  let relay: ScopedEngine | undefined;
  const names = {} as Record<Role | NetworkRole | 'volume', string>;
  const suite = workbenchSuite(true, async (scratch) => {
    await ensureTestImage();
    relay = await ScopedEngine.start({ scope: (labels) => labels?.['berth.test'] === runId });
    for (const role of networkRoles)
      names[role] = (await createNetwork(tracker, { name: uniqueName(role) })).name;
    names.volume = await createVolume(tracker, uniqueName('data'));
    for (const role of roles) {
      const [first, ...more] = joins[role].map((n) => names[n]);
      names[role] = uniqueName(role);
      const created = await createContainer(tracker, {
        name: names[role],
        networkMode: first,
        networks: { [first]: {} },
        ports: role === 'web' ? [{ container: 80 }] : undefined,
        volumes: role === 'web' ? [{ name: names.volume, destination: '/data' }] : undefined,
      });
      // Engines before API 1.44 take one network at create time; the others are joined after.
      for (const net of more) await engine().getNetwork(net).connect({ Container: created.id });
      await created.start();
    }
    return { workspace: emptyWorkspace(scratch, 'map e2e'), options: { env: { DOCKER_HOST: relay.host } } };
  });

  after(async () => {
    await relay?.dispose();
    await tracker.cleanup();
  });

  let frame: Frame | undefined;
  const complete = (map: DrawnMap) =>
    [...roles, ...networkRoles].every((role) => labelled(map, names[role])) && !!labelled(map, names.volume);

  void test('the map draws every network, container and volume, joined as on the engine', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'network-map', async () => {
      const opened = await openMap(w.page, 'the map with all five networks and containers', complete);
      frame = opened.frame;
      const map = opened.map;
      for (const role of roles) {
        const container = labelled(map, names[role]);
        assert.equal(container?.kind, 'container');
        for (const net of joins[role]) {
          const network = labelled(map, names[net]);
          assert.equal(network?.kind, 'network');
          const joined = map.edges.some((e) => e.source === network?.id && e.target === container?.id);
          assert.ok(joined, `an edge joins ${names[net]} to ${names[role]}`);
        }
      }
      assert.equal(labelled(map, names.volume)?.kind, 'volume');
      assert.ok(
        map.nodes.some((n) => n.kind === 'port'),
        'the published port is drawn',
      );
    });
  });

  void test('its first view is readable: every label is drawn at 11 px or more', async (t) => {
    const w = suite.workbench(t);
    if (!w || !frame) return;
    const drawn = frame;
    await guarded(w.page, 'network-map-readable', async () => {
      const map = await mapWhen(drawn, 'the laid-out map', complete);
      assert.ok(map.nodes.length <= 30, `a small map (${map.nodes.length} nodes)`);
      for (const node of map.nodes) {
        assert.ok(node.drawn, `${node.label}'s label is drawn`);
        assert.ok(node.px >= 11, `${node.label}'s label is ${node.px.toFixed(1)} px on screen`);
        assert.ok(node.onScreen, `${node.label} is in the first view`);
      }
      await screenshot(w.page, 'network-map-5-networks.png');
    });
  });

  void test('empty built-in networks stay off the map until the toolbar asks for them', async (t) => {
    const w = suite.workbench(t);
    if (!w || !frame) return;
    const drawn = frame;
    await guarded(w.page, 'network-map-builtins', async () => {
      const first = await mapWhen(drawn, 'the laid-out map', complete);
      for (const name of builtins) assert.equal(labelled(first, name), undefined, `${name} is hidden`);
      const toggle = drawn.locator('#builtins');
      const label = drawn.locator('#builtins-toggle');
      const shown = (want: boolean) => (map: DrawnMap) =>
        builtins.every((name) => (labelled(map, name) !== undefined) === want) && complete(map);
      for (const want of [true, false]) {
        await mapWhen(drawn, `the built-in networks ${want ? 'shown' : 'hidden'}`, (map) => {
          if (shown(want)(map)) return true;
          // A click that did not take is tried again, as a person would.
          // Its label takes the pointer; a try the page outlived or refused is simply the next poll's.
          void toggle
            .isChecked()
            .then((checked) => (checked === want ? undefined : label.click({ timeout: 2_000 })))
            .catch(() => undefined);
          return false;
        });
      }
    });
  });

  void test('the search box focuses one container and what shares its networks; the rest is dimmed', async (t) => {
    const w = suite.workbench(t);
    if (!w || !frame) return;
    const drawn = frame;
    await guarded(w.page, 'network-map-focus', async () => {
      const search = drawn.locator('#search');
      await search.fill(names.web);
      const near = [names.web, names.api, names.db, names.front, names.back, names.volume];
      const far = [names.redis, names.worker, names.cache, names.jobs, names.spare];
      const map = await mapWhen(drawn, `the map focused on ${names.web}`, (m) =>
        far.every((name) => labelled(m, name)?.dimmed === true),
      );
      for (const name of near) assert.equal(labelled(map, name)?.dimmed, false, `${name} is in focus`);
      assert.ok(
        map.nodes.filter((n) => n.kind === 'port').every((n) => !n.dimmed),
        'its published port is in focus',
      );
      await screenshot(w.page, 'network-map-focus.png');
      await search.fill('');
      await mapWhen(drawn, 'the focus cleared', (m) => m.nodes.every((n) => !n.dimmed));
    });
  });
});
