// The notes' worked example (seeds 000), done the way a user does it in Berth: two services on
// the default bridge, a user-defined network made with "Create Network…", each service connected
// from its context menu, one disconnected again from its row under the network.
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createContainer,
  createVolume,
  engine,
  freeSubnet,
  runId,
  Tracker,
  uniqueName,
} from '../harness/engine';
import { editorText } from '../harness/editor';
import { guarded } from '../harness/evidence';
import { runFromContextMenu } from '../harness/menu';
import {
  answerEachAsked,
  answerIfAsked,
  answerPrompt,
  quickPick,
  runCommand,
  validationMessage,
} from '../harness/quickInput';
import { fixtureWorkspace, workbenchSuite } from '../harness/suite';
import {
  expandTreeItem,
  expandView,
  expectTreeItem,
  expectTreeItemGone,
  openBerthView,
  treeItem,
} from '../harness/views';
import { waitFor } from '../harness/wait';

const fixture = path.resolve(__dirname, '..', 'fixtures', 'workspace');

interface Scene {
  order: string;
  user: string;
  network: string;
  subnet: string;
  volume: string;
}

async function engineHasNetwork(name: string): Promise<boolean> {
  return (await engine().listNetworks({ filters: { name: [name] } })).some((n) => n.Name === name);
}

/** The IPv4 address the engine gave `container` on `network`, or undefined when not attached. */
async function engineAddress(network: string, container: string): Promise<string | undefined> {
  const info = (await engine().getNetwork(network).inspect()) as {
    Containers?: Record<string, { Name: string; IPv4Address: string }>;
  };
  const endpoint = Object.values(info.Containers ?? {}).find((c) => c.Name === container);
  return endpoint?.IPv4Address.split('/')[0];
}

void describe('Networks view in a real VS Code: the notes’ orderservice / userservice example', () => {
  const tracker = new Tracker();
  let scene: Scene | undefined;
  const suite = workbenchSuite(true, async (scratch) => {
    const volume = await createVolume(tracker, uniqueName('orders-data'));
    const order = uniqueName('orderservice');
    const user = uniqueName('userservice');
    await createContainer(tracker, {
      name: order,
      start: true,
      volumes: [{ name: volume, destination: '/data' }],
    });
    await createContainer(tracker, { name: user, start: true });
    scene = { order, user, volume, network: uniqueName('my_net'), subnet: await freeSubnet(7) };
    // Created through Berth's own dialog below; tracked now so that it goes even if a step fails.
    tracker.track('network', scene.network);
    return { workspace: fixtureWorkspace(scratch, fixture) };
  });

  after(() => tracker.cleanup());

  void test('both services show under the default bridge with their addresses', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene) return;
    const s = scene;
    await guarded(w.page, 'net-bridge', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      await expandTreeItem(treeItem(networks, 'bridge'));
      for (const name of [s.order, s.user]) {
        const row = treeItem(networks, name);
        await expectTreeItem(row);
        const ip = await engineAddress('bridge', name);
        assert.ok(ip, `the engine has no bridge address for ${name}`);
        assert.match(await row.innerText(), new RegExp(ip.replaceAll('.', '\\.')));
      }
    });
  });

  void test('Create Network… rejects a bad subnet with a message, then creates my_net', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene) return;
    const s = scene;
    await guarded(w.page, 'net-create', async () => {
      await runCommand(w.page, 'Berth: Create Network…');
      await answerPrompt(w.page, /Network name/, s.network);
      await quickPick(w.page, 'bridge');
      const subnetPrompt = /Subnet in CIDR form/;
      await validationMessage(w.page, subnetPrompt, '10.0.0.0/33', /is not a subnet in CIDR notation/);
      const input = w.page.locator('.quick-input-widget input');
      await input.press('Enter');
      // Still on the subnet step with the message: a bad subnet never reaches the engine.
      assert.match(await w.page.locator('.quick-input-widget').innerText(), /Create Network \(3\/\d+\)/);
      await validationMessage(
        w.page,
        /Create Network \(3\//,
        '10.0.0.0/33',
        /is not a subnet in CIDR notation/,
      );
      assert.equal(await engineHasNetwork(s.network), false);
      await input.fill('');
      await answerPrompt(w.page, subnetPrompt, s.subnet);
      await answerPrompt(w.page, /Gateway inside/, '');
      await answerPrompt(w.page, /IP range inside/, '');
      await answerPrompt(w.page, /Options \(none selected is fine\)/, '');
      await answerPrompt(w.page, /Labels \(optional\)/, `berth.test=${runId}`); // so the harness owns it
      await answerPrompt(w.page, /Driver options \(optional\)/, '');
      const info = await waitFor('the engine to have the new network', async () =>
        engine()
          .getNetwork(s.network)
          .inspect()
          .catch(() => undefined),
      );
      assert.equal((info as { IPAM: { Config: { Subnet: string }[] } }).IPAM.Config[0].Subnet, s.subnet);
      const networks = await expandView(w.page, 'Networks');
      await expectTreeItem(treeItem(networks, s.network));
    });
  });

  void test('Connect to Network… from each container’s context menu puts both on my_net', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene) return;
    const s = scene;
    await guarded(w.page, 'net-connect', async () => {
      const containers = await expandView(w.page, 'Containers');
      const input = w.page.locator('.quick-input-widget input');
      for (const name of [s.order, s.user]) {
        await runFromContextMenu(treeItem(containers, name), 'Connect to Network…', {
          what: 'the pick of the network (or of the container)',
          shows: () => input.isVisible(),
        });
        await answerIfAsked(
          w.page,
          'Container to connect',
          name,
          async () =>
            (await input.isVisible()) &&
            (await input.getAttribute('placeholder')) === `Network to connect ${name} to`,
        );
        await quickPick(w.page, s.network);
        await answerPrompt(w.page, /Network aliases \(optional\)/, '');
        // Offered because my_net has a user-configured subnet.
        await answerPrompt(w.page, /Static IPv4 address in/, '');
        await waitFor(`the engine to attach ${name}`, () => engineAddress(s.network, name));
      }
      const networks = await expandView(w.page, 'Networks');
      await expandTreeItem(treeItem(networks, s.network));
      for (const name of [s.order, s.user]) {
        const ip = await engineAddress(s.network, name);
        assert.ok(
          ip?.startsWith(s.subnet.split('.').slice(0, 3).join('.') + '.'),
          `${ip} is not in ${s.subnet}`,
        );
        await expectTreeItem(treeItem(networks, name, ip));
      }
    });
  });

  void test('Disconnect from Network on userservice’s row under my_net removes it there and in the engine', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene) return;
    const s = scene;
    await guarded(w.page, 'net-disconnect', async () => {
      const networks = await expandView(w.page, 'Networks');
      await expandTreeItem(treeItem(networks, s.network));
      const ip = await engineAddress(s.network, s.user);
      assert.ok(ip);
      const row = treeItem(networks, s.user, ip);
      const input = w.page.locator('.quick-input-widget input');
      await runFromContextMenu(row, 'Disconnect from Network', {
        what: `the engine to disconnect ${s.user} (or a pick of what to disconnect)`,
        shows: async () =>
          (await input.isVisible()) || (await engineAddress(s.network, s.user)) === undefined,
      });
      await answerEachAsked(
        w.page,
        [
          ['Container to disconnect', s.user],
          [`Network to disconnect ${s.user} from`, s.network],
        ],
        async () => (await engineAddress(s.network, s.user)) === undefined,
      );
      await expectTreeItemGone(row);
      assert.ok(await engineAddress(s.network, s.order), 'orderservice must stay on my_net');
    });
  });

  void test('a volume lists the container that mounts it, and Inspect Volume opens its JSON', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene) return;
    const s = scene;
    await guarded(w.page, 'net-volume', async () => {
      const volumes = await expandView(w.page, 'Volumes');
      const volume = treeItem(volumes, s.volume);
      await expandTreeItem(volume);
      await expectTreeItem(treeItem(volumes, s.order, '/data'));
      const input = w.page.locator('.quick-input-widget input');
      const tab = w.page.locator('.tabs-container .tab.active', { hasText: `${s.volume}.json` });
      await runFromContextMenu(volume, 'Inspect Volume', {
        what: 'the inspect document (or the pick of the volume)',
        shows: async () => (await input.isVisible()) || (await tab.isVisible()),
      });
      await answerIfAsked(w.page, 'Volume to inspect', s.volume, async () =>
        (await editorText(w.page).catch(() => '')).includes(`"Name": "${s.volume}"`),
      );
      assert.match(await editorText(w.page), /"Driver": "local"/);
    });
  });
});
