// Prune Unused Networks… and Prune Unused Volumes… in a real VS Code, run for real.
//
// Engine safety: Berth's prune is not the engine's /prune. It previews every unused network or
// volume it sees (no label filter) and, once confirmed, removes exactly those one by one
// (client/src/commands/networks.ts and volumes.ts). On the shared engine that list would include
// other suites' objects, so Berth is pointed (DOCKER_HOST) at ScopedEngine: a relay that lists
// only this suite's scoped objects and refuses to delete anything else. The preview must name
// exactly our unused objects, Cancel must remove nothing, and Remove must remove exactly them;
// an object of this run outside the scope proves the relay's view held, and the engine itself
// is checked for every object.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  createContainer,
  createNetwork,
  engine,
  runId,
  testLabels,
  Tracker,
  uniqueName,
} from '../harness/engine';
import { dialogButton, expectNotification } from '../harness/dialogs';
import { guarded } from '../harness/evidence';
import { runCommand } from '../harness/quickInput';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import { expectTreeItem, expectTreeItemGone, openBerthView, treeItem } from '../harness/views';
import { waitFor } from '../harness/wait';
import { ScopedEngine } from './scopedEngine';

const scopeLabel = 'berth.e2e.scope';
const scopeValue = `prune-${runId}`;
const scoped = { [scopeLabel]: scopeValue };

interface Scene {
  unusedNetworks: { id: string; name: string; subnet?: string }[];
  usedNetwork: string;
  outsideNetwork: string;
  unusedVolumes: string[];
  usedVolume: string;
  outsideVolume: string;
}

async function labelledVolume(tracker: Tracker, prefix: string, labels: Record<string, string>) {
  const name = uniqueName(prefix);
  await engine().createVolume({ Name: name, Labels: { ...labels, ...testLabels() } });
  tracker.track('volume', name);
  return name;
}

const networkExists = (name: string) =>
  engine()
    .getNetwork(name)
    .inspect()
    .then(
      () => true,
      () => false,
    );
const volumeExists = (name: string) =>
  engine()
    .getVolume(name)
    .inspect()
    .then(
      () => true,
      () => false,
    );

/** The open modal's message and detail, once it shows a message matching `message`. */
async function modal(page: Page, message: RegExp): Promise<{ message: string; detail: string }> {
  const box = page.locator('.monaco-dialog-box');
  return waitFor(`a confirmation matching ${String(message)}`, async () => {
    if (!(await box.isVisible())) return undefined;
    const text = await box.locator('.dialog-message-text').innerText();
    if (!message.test(text)) return undefined;
    return { message: text, detail: await box.locator('.dialog-message-detail').innerText() };
  });
}

/** The "• name …" lines of a preview, as names (up to the first space). */
function previewNames(detail: string): string[] {
  return detail
    .split('\n')
    .filter((line) => line.startsWith('• '))
    .map((line) => line.slice(2).split(' ')[0])
    .sort();
}

void describe('Prune in a real VS Code, on an engine view that holds only this suite’s objects', () => {
  const tracker = new Tracker();
  let relay: ScopedEngine | undefined;
  let scene: Scene | undefined;
  const suite = workbenchSuite(true, async (scratch) => {
    relay = await ScopedEngine.start({
      scope: (labels) => labels?.['berth.test'] === runId && labels[scopeLabel] === scopeValue,
    });
    const unusedNetworks = [
      await createNetwork(tracker, { name: uniqueName('prune-a'), labels: scoped }),
      await createNetwork(tracker, { name: uniqueName('prune-b'), labels: scoped }),
    ];
    const usedNetwork = (await createNetwork(tracker, { name: uniqueName('prune-used'), labels: scoped }))
      .name;
    const outsideNetwork = (await createNetwork(tracker, { name: uniqueName('prune-outside') })).name;
    const unusedVolumes = [
      await labelledVolume(tracker, 'prune-va', scoped),
      await labelledVolume(tracker, 'prune-vb', scoped),
    ];
    const usedVolume = await labelledVolume(tracker, 'prune-vused', scoped);
    const outsideVolume = await labelledVolume(tracker, 'prune-voutside', {});
    await createContainer(tracker, {
      labels: scoped,
      networkMode: usedNetwork,
      volumes: [{ name: usedVolume, destination: '/data' }],
    });
    scene = { unusedNetworks, usedNetwork, outsideNetwork, unusedVolumes, usedVolume, outsideVolume };
    return { workspace: emptyWorkspace(scratch, 'prune e2e'), options: { env: { DOCKER_HOST: relay.host } } };
  });

  after(async () => {
    await relay?.dispose();
    await tracker.cleanup();
  });

  void test('Prune Unused Networks… previews exactly the unused ones; Cancel keeps them, Remove removes them', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene || !relay) return;
    const s = scene;
    const { requests } = relay;
    const unusedNames = s.unusedNetworks.map((n) => n.name).sort();
    await guarded(w.page, 'prune-networks', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      for (const name of [...unusedNames, s.usedNetwork]) await expectTreeItem(treeItem(networks, name));
      assert.equal(await treeItem(networks, s.outsideNetwork).count(), 0, 'the relay hides the outsider');

      await runCommand(w.page, 'Berth: Prune Unused Networks…');
      const cancelled = await modal(w.page, /^Remove 2 unused networks\?$/);
      assert.deepEqual(previewNames(cancelled.detail), unusedNames, cancelled.detail);
      for (const network of s.unusedNetworks)
        assert.match(cancelled.detail, new RegExp(`• ${network.name} \\(bridge, ${network.subnet}\\)`));
      await dialogButton(w.page, 'Cancel');
      for (const name of [...unusedNames, s.usedNetwork, s.outsideNetwork])
        assert.ok(await networkExists(name), `${name} must survive a cancelled prune`);
      assert.ok(!requests.some((r) => r.startsWith('DELETE')), 'Cancel sends no removal');

      await runCommand(w.page, 'Berth: Prune Unused Networks…');
      const confirmed = await modal(w.page, /^Remove 2 unused networks\?$/);
      assert.deepEqual(previewNames(confirmed.detail), unusedNames);
      await dialogButton(w.page, 'Remove');
      await expectNotification(w.page, 'Removed 2 networks.');
      for (const name of unusedNames) {
        assert.equal(await networkExists(name), false, `${name} was pruned`);
        await expectTreeItemGone(treeItem(networks, name));
      }
      assert.ok(await networkExists(s.usedNetwork), 'the network in use stays');
      assert.ok(await networkExists(s.outsideNetwork), 'the network outside the view stays');
      const deletes = requests.filter((r) => r.startsWith('DELETE'));
      assert.deepEqual(
        deletes.map((r) => r.replace(/^DELETE (\/v[\d.]+)?\/networks\//, '').replace(/\?.*$/, '')).sort(),
        s.unusedNetworks.map((n) => n.id).sort(),
        'one removal per previewed network, nothing else',
      );
    });
  });

  void test('Prune Unused Volumes… previews exactly the unused ones with sizes; Delete Volumes removes them', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene || !relay) return;
    const s = scene;
    const { requests } = relay;
    const unused = [...s.unusedVolumes].sort();
    await guarded(w.page, 'prune-volumes', async () => {
      const volumes = await openBerthView(w.page, 'Volumes');
      for (const name of [...unused, s.usedVolume]) await expectTreeItem(treeItem(volumes, name));
      const before = requests.length;

      await runCommand(w.page, 'Berth: Prune Unused Volumes…');
      const cancelled = await modal(w.page, /^Delete 2 unused volumes \(.+\)\?$/);
      assert.deepEqual(previewNames(cancelled.detail), unused, cancelled.detail);
      for (const name of unused) assert.match(cancelled.detail, new RegExp(`• ${name} — \\d+ B`));
      await dialogButton(w.page, 'Cancel');
      for (const name of [...unused, s.usedVolume, s.outsideVolume])
        assert.ok(await volumeExists(name), `${name} must survive a cancelled prune`);

      await runCommand(w.page, 'Berth: Prune Unused Volumes…');
      const confirmed = await modal(w.page, /^Delete 2 unused volumes \(.+\)\?$/);
      assert.deepEqual(previewNames(confirmed.detail), unused);
      await dialogButton(w.page, 'Delete Volumes');
      await expectNotification(w.page, 'Deleted 2 volumes.');
      for (const name of unused) {
        assert.equal(await volumeExists(name), false, `${name} was pruned`);
        await expectTreeItemGone(treeItem(volumes, name));
      }
      assert.ok(await volumeExists(s.usedVolume), 'the volume in use stays');
      assert.ok(await volumeExists(s.outsideVolume), 'the volume outside the view stays');
      const deletes = requests.slice(before).filter((r) => r.startsWith('DELETE'));
      assert.deepEqual(
        deletes
          .map((r) =>
            decodeURIComponent(r.replace(/^DELETE (\/v[\d.]+)?\/volumes\//, '').replace(/\?.*$/, '')),
          )
          .sort(),
        unused,
      );
    });
  });
});
