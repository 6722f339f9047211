// Swarm overlay networks in a real VS Code, on a single-node swarm in a throwaway engine (never
// the shared engine's swarm state), which Berth reaches through berth.dockerHost: an attachable
// overlay, a service from the offline busybox image, and a standalone container connected to the
// overlay through "Connect to Network…". Then what a user checks: the service and its task (node
// and address) under the overlay, the task's address copied and pasted, the reachability verdict
// for the service, the service and task on the map and a click on them selecting their rows, the
// service's inspect document, and Remove Service with its confirmation.
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import Docker from 'dockerode';
import type { Page } from 'playwright-core';
import { dialogButton, dialogMessage } from '../harness/dialogs';
import { editorText, focusEditor } from '../harness/editor';
import { ensureTestImage, testImage, testLabels, uniqueName } from '../harness/engine';
import { guarded, screenshot } from '../harness/evidence';
import { menuEntries, runFromContextMenu } from '../harness/menu';
import { answerIfAsked, answerPrompt, quickPick, runCommand } from '../harness/quickInput';
import { requireOrSkip } from '../harness/require';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import {
  startThrowawayEngine,
  throwawayEngineMissingReason,
  type ThrowawayEngine,
} from '../harness/throwawayEngine';
import {
  collapseTreeItem,
  expandTreeItem,
  expandView,
  expectTreeItem,
  expectTreeItemGone,
  openBerthView,
  selectTreeItems,
  statusBarText,
  treeItem,
  treeRows,
} from '../harness/views';
import { retryUntil, waitFor } from '../harness/wait';
import { clickMapNode, labelled, openMap, type DrawnMap } from './mapView';

interface Scene {
  docker: Docker;
  overlay: { id: string; name: string };
  service: { id: string; name: string };
  probe: { id: string; name: string };
  /** The swarm node's hostname, as a task row names it. */
  node: string;
}

/** The task's address on the overlay, as the engine gives it (without prefix length). */
async function taskAddress(s: Scene): Promise<string | undefined> {
  const tasks = (await s.docker.listTasks({ filters: { service: [s.service.id] } })) as {
    Status?: { State?: string };
    NetworksAttachments?: { Network?: { ID?: string }; Addresses?: string[] }[];
  }[];
  const running = tasks.find((task) => task.Status?.State === 'running');
  const attachment = running?.NetworksAttachments?.find((a) => a.Network?.ID === s.overlay.id);
  return attachment?.Addresses?.[0]?.split('/')[0];
}

async function serviceVirtualIp(s: Scene): Promise<string | undefined> {
  const inspected = (await s.docker.getService(s.service.id).inspect()) as {
    Endpoint?: { VirtualIPs?: { NetworkID?: string; Addr?: string }[] };
  };
  return inspected.Endpoint?.VirtualIPs?.find((v) => v.NetworkID === s.overlay.id)?.Addr?.split('/')[0];
}

async function probeNetworks(s: Scene): Promise<string[]> {
  const info = await s.docker.getContainer(s.probe.id).inspect();
  return Object.keys(info.NetworkSettings.Networks);
}

/** Closes the modal dialog that is open, as a person presses Escape. */
async function closeDialog(page: Page): Promise<void> {
  await retryUntil(
    'the dialog to close',
    () => page.keyboard.press('Escape'),
    async () => !(await page.locator('.monaco-dialog-box').isVisible()),
  );
}

const missing = throwawayEngineMissingReason();

void describe('Swarm overlay networks in a real VS Code', () => {
  let throwaway: ThrowawayEngine | undefined;
  let scene: Scene | undefined;
  const suite = workbenchSuite(true, async (scratch) => {
    if (missing) throw new Error(missing);
    throwaway = await startThrowawayEngine();
    const docker = new Docker({ socketPath: throwaway.socketPath });
    await ensureTestImage(docker);
    await docker.swarmInit({ ListenAddr: '127.0.0.1', AdvertiseAddr: '127.0.0.1' });
    const overlayName = uniqueName('swarm-overlay');
    const overlay = (await docker.createNetwork({
      Name: overlayName,
      Driver: 'overlay',
      Attachable: true,
      Labels: testLabels(),
    })) as { id: string };
    const serviceName = uniqueName('svc');
    const created = (await docker.createService({
      Name: serviceName,
      Labels: testLabels(),
      TaskTemplate: {
        ContainerSpec: { Image: testImage, Command: ['sleep', '3600'], Labels: testLabels() },
        Networks: [{ Target: overlay.id }],
      },
    })) as { ID?: string; id?: string };
    const probeName = uniqueName('probe');
    const probe = await docker.createContainer({
      name: probeName,
      Image: testImage,
      Cmd: ['sleep', '3600'],
      Labels: testLabels(),
    });
    await probe.start();
    const [node] = (await docker.listNodes()) as { Description?: { Hostname?: string } }[];
    scene = {
      docker,
      overlay: { id: overlay.id, name: overlayName },
      service: { id: created.ID ?? created.id ?? '', name: serviceName },
      probe: { id: probe.id, name: probeName },
      node: node?.Description?.Hostname ?? '',
    };
    const s = scene;
    await waitFor('the service task to run on the overlay', () => taskAddress(s), 90_000);
    // A machine-overridable setting: code-server reads it from the workspace, not the user settings.
    return {
      workspace: emptyWorkspace(scratch, 'swarm e2e', {
        'berth.dockerHost': `unix://${throwaway.socketPath}`,
      }),
    };
  });

  // The whole engine, its swarm and everything in it go with its namespace.
  after(() => throwaway?.stop());

  function ready(t: TestContext) {
    if (!requireOrSkip(t, missing === undefined, missing ?? '')) return undefined;
    const w = suite.workbench(t);
    return w && scene ? { w, s: scene } : undefined;
  }

  void test('Connect to Network… puts the standalone container on the attachable overlay', async (t) => {
    const r = ready(t);
    if (!r) return;
    const { w, s } = r;
    await guarded(w.page, 'swarm-connect', async () => {
      const containers = await openBerthView(w.page, 'Containers');
      const input = w.page.locator('.quick-input-widget input');
      await runFromContextMenu(treeItem(containers, s.probe.name), 'Connect to Network…', {
        what: 'the pick of the network (or of the container)',
        shows: () => input.isVisible(),
      });
      await answerIfAsked(
        w.page,
        'Container to connect',
        s.probe.name,
        async () =>
          (await input.isVisible()) &&
          (await input.getAttribute('placeholder')) === `Network to connect ${s.probe.name} to`,
      );
      await quickPick(w.page, s.overlay.name);
      await answerPrompt(w.page, /Network aliases \(optional\)/, '');
      // Offered because the engine reports the overlay's subnet.
      await answerPrompt(w.page, /Static IPv4 address in/, '');
      await waitFor('the engine to attach the container to the overlay', async () =>
        (await probeNetworks(s)).includes(s.overlay.name) ? true : undefined,
      );
    });
  });

  void test('the overlay lists the service, and the service its task with node and address', async (t) => {
    const r = ready(t);
    if (!r) return;
    const { w, s } = r;
    await guarded(w.page, 'swarm-tree', async () => {
      const address = await taskAddress(s);
      const vip = await serviceVirtualIp(s);
      assert.ok(address && vip, 'the engine gave the task an address and the service a virtual IP');
      const networks = await expandView(w.page, 'Networks');
      const overlay = treeItem(networks, s.overlay.name);
      await overlay.filter({ hasText: 'attachable' }).waitFor();
      await expandTreeItem(overlay);
      const service = treeItem(networks, s.service.name);
      await service
        .filter({ hasText: '1/1 tasks running' })
        .filter({ hasText: `virtual IP ${vip}` })
        .waitFor();
      await expandTreeItem(service);
      const task = treeItem(networks, `${s.service.name}.1`);
      await task
        .filter({ hasText: `on ${s.node}` })
        .filter({ hasText: address })
        .waitFor();
      // The task's container shows as its task row, and the connected container as itself.
      await expectTreeItem(treeItem(networks, s.probe.name));
      assert.equal(
        await treeRows(networks)
          .filter({ hasText: `${s.service.name}.1.` })
          .count(),
        0,
        'no second row for the task container',
      );
    });
  });

  void test('Copy Task Address copies the task’s address on the overlay, which pastes into an editor', async (t) => {
    const r = ready(t);
    if (!r) return;
    const { w, s } = r;
    await guarded(w.page, 'swarm-copy-address', async () => {
      const address = await taskAddress(s);
      assert.ok(address, 'the engine gave the task an address');
      const networks = await expandView(w.page, 'Networks');
      await expandTreeItem(treeItem(networks, s.overlay.name));
      await expandTreeItem(treeItem(networks, s.service.name));
      const copied = new RegExp(`Copied ${address.replaceAll('.', '\\.')}$`);
      // The status bar shows it for 3 s only, which a poll every 250 ms cannot miss.
      await runFromContextMenu(treeItem(networks, `${s.service.name}.1`), 'Copy Task Address', {
        what: 'the status bar to say what was copied',
        shows: async () => (await statusBarText(w.page, copied)) !== undefined,
      });
      await runCommand(w.page, 'File: New Untitled Text File');
      await focusEditor(w.page);
      await w.page.keyboard.press('Control+V');
      await waitFor('the address pasted into the editor', async () =>
        (await editorText(w.page)).trim() === address ? true : undefined,
      );
      await runCommand(w.page, 'View: Revert and Close Editor');
    });
  });

  void test('Check Connectivity To… says the container reaches the service by name at its virtual IP', async (t) => {
    const r = ready(t);
    if (!r) return;
    const { w, s } = r;
    await guarded(w.page, 'swarm-reach', async () => {
      const vip = await serviceVirtualIp(s);
      const containers = await expandView(w.page, 'Containers');
      const input = w.page.locator('.quick-input-widget input');
      await runFromContextMenu(treeItem(containers, s.probe.name), 'Check Connectivity To…', {
        what: 'the pick of the target',
        shows: () => input.isVisible(),
      });
      await quickPick(w.page, s.service.name);
      const verdict = await waitFor('the verdict', async () => {
        const text = await dialogMessage(w.page).catch(() => '');
        return text ? text : undefined;
      });
      assert.match(verdict, new RegExp(`^${s.probe.name} can reach the service ${s.service.name} by name `));
      assert.ok(verdict.endsWith(`at its virtual IP ${vip}`), verdict);
      await closeDialog(w.page);
    });
  });

  void test('the map draws the service on the overlay and its task with node and address, readable', async (t) => {
    const r = ready(t);
    if (!r) return;
    const { w, s } = r;
    await guarded(w.page, 'swarm-map', async () => {
      const address = (await taskAddress(s)) ?? '';
      const taskName = `${s.service.name}.1`;
      const complete = (map: DrawnMap) =>
        !!labelled(map, s.service.name) && !!labelled(map, taskName) && !!labelled(map, s.probe.name);
      const { map } = await openMap(w.page, 'the service, its task and the probe on the map', complete);
      await screenshot(w.page, 'swarm-map.png');
      const overlay = labelled(map, s.overlay.name);
      const service = labelled(map, s.service.name);
      const task = labelled(map, taskName);
      const probe = labelled(map, s.probe.name);
      assert.ok(overlay && service && task && probe);
      assert.equal(service.kind, 'service');
      assert.equal(task.kind, 'task');
      assert.ok(
        map.edges.some((e) => e.kind === 'service' && e.source === overlay.id && e.target === service.id),
        'the service hangs from the overlay',
      );
      assert.ok(map.edges.some((e) => e.kind === 'task' && e.source === service.id && e.target === task.id));
      assert.ok(
        map.edges.some((e) => e.kind === 'endpoint' && e.source === overlay.id && e.target === probe.id),
      );
      assert.match(task.text, new RegExp(`${s.node}.*${address.replaceAll('.', '\\.')}`));
      assert.equal(
        map.nodes.filter((n) => n.kind === 'container' && n.label.startsWith(`${taskName}.`)).length,
        0,
        'the task container is drawn once, as its task',
      );
      for (const node of [overlay, service, task, probe]) {
        assert.ok(node.drawn && node.px >= 11, `${node.label} is drawn at ${node.px} px`);
        assert.ok(node.onScreen, `${node.label} is on screen`);
      }
    });
  });

  void test('a click on the service or its task in the map selects its row under the overlay', async (t) => {
    const r = ready(t);
    if (!r) return;
    const { w, s } = r;
    await guarded(w.page, 'swarm-map-reveal', async () => {
      const taskName = `${s.service.name}.1`;
      const networks = await expandView(w.page, 'Networks');
      const { frame, map } = await openMap(w.page, 'the service and its task on the map', (drawn) =>
        [s.service.name, taskName].every((label) => labelled(drawn, label)?.onScreen),
      );
      for (const label of [s.service.name, taskName]) {
        const node = labelled(map, label);
        assert.ok(node);
        const row = treeItem(networks, label);
        // Another row first, so that only the map's click can select this one.
        await selectTreeItems([treeItem(networks, s.overlay.name)]);
        assert.notEqual(
          await row
            .first()
            .getAttribute('aria-selected', { timeout: 2_000 })
            .catch(() => null),
          'true',
        );
        await retryUntil(
          `the ${node.kind} ${label} selected in the Networks view`,
          // A click the map took while it was still settling is made again.
          () => clickMapNode(frame, node.id),
          async () => (await row.count()) > 0 && (await row.first().getAttribute('aria-selected')) === 'true',
          { retryAfterMs: 5_000 },
        );
      }
    });
  });

  void test('Inspect Service opens the engine’s JSON of the service', async (t) => {
    const r = ready(t);
    if (!r) return;
    const { w, s } = r;
    await guarded(w.page, 'swarm-inspect', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      const overlay = treeItem(networks, s.overlay.name);
      await expandTreeItem(overlay);
      const tab = w.page.locator('.tabs-container .tab.active', { hasText: `${s.service.name}.json` });
      await runFromContextMenu(treeItem(networks, s.service.name), 'Inspect Service', {
        what: 'the inspect document of the service',
        shows: () => tab.isVisible(),
      });
      await waitFor('the service JSON', async () =>
        (await editorText(w.page).catch(() => '')).includes(`"ID": "${s.service.id}"`) ? true : undefined,
      );
    });
  });

  void test("docker_gwbridge shows the task's container as the swarm's way out, which is copied but not disconnected by hand", async (t) => {
    const r = ready(t);
    if (!r) return;
    const { w, s } = r;
    await guarded(w.page, 'swarm-gwbridge', async () => {
      const bridge = (await s.docker.getNetwork('docker_gwbridge').inspect()) as {
        Containers?: Record<string, { IPv4Address?: string }>;
      };
      const taskContainers = await s.docker.listContainers({
        filters: { label: [`com.docker.swarm.service.id=${s.service.id}`] },
      });
      const task = taskContainers[0];
      const address = bridge.Containers?.[task?.Id ?? '']?.IPv4Address?.split('/')[0];
      assert.ok(task && address, "the engine lists the task's container on docker_gwbridge");
      const networks = await openBerthView(w.page, 'Networks');
      const gwbridge = treeItem(networks, 'docker_gwbridge');
      await expectTreeItem(gwbridge);
      await expandTreeItem(gwbridge);
      const row = treeItem(networks, task.Names[0].replace(/^\//, ''));
      await row.filter({ hasText: address }).filter({ hasText: "the swarm's way out" }).waitFor();
      const entries = await menuEntries(row);
      assert.ok(entries.includes('Copy IP Address'), entries.join(', '));
      assert.ok(!entries.some((entry) => entry.startsWith('Disconnect')), entries.join(', '));
      await collapseTreeItem(gwbridge);
    });
  });

  void test('Remove Service… names the service and its task, then the engine removes it', async (t) => {
    const r = ready(t);
    if (!r) return;
    const { w, s } = r;
    await guarded(w.page, 'swarm-remove', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      const overlay = treeItem(networks, s.overlay.name);
      await expandTreeItem(overlay);
      const row = treeItem(networks, s.service.name);
      await runFromContextMenu(row, 'Remove Service…', {
        what: 'the confirmation',
        shows: () => w.page.locator('.monaco-dialog-box').isVisible(),
      });
      const asked = await waitFor('the confirmation', async () => {
        const text = await dialogMessage(w.page).catch(() => '');
        return text ? text : undefined;
      });
      assert.equal(asked, `Remove service "${s.service.name}"?`);
      const detail = await w.page.locator('.monaco-dialog-box .dialog-message-detail').innerText();
      assert.match(detail, new RegExp(`${s.service.name}\\.1 on ${s.node}`));
      assert.equal((await s.docker.listServices()).length, 1, 'nothing removed before confirming');
      await dialogButton(w.page, 'Remove Service');
      await waitFor('the engine to remove the service', async () =>
        (await s.docker.listServices()).length === 0 ? true : undefined,
      );
      await expectTreeItemGone(row);
    });
  });
});
