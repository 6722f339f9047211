// Two engines side by side in a real VS Code: berth.engines lists the system engine and a
// throwaway one. Each is a root of the views; a container of the throwaway engine is connected
// from its context menu, and only the throwaway engine changes, though the system engine has a
// network of the very same name. A volume file and a container file of the throwaway engine are
// edited and saved there, and its volume of a name the system engine shares is removed there only.
// berth.compose.engine names the throwaway engine: a Compose file is checked against it, and its
// quick fix creates the missing network there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Docker from 'dockerode';
import {
  createNetwork,
  createVolume,
  engine,
  testImage,
  ensureTestImage,
  testLabels,
  Tracker,
  uniqueName,
} from '../harness/engine';
import { guarded } from '../harness/evidence';
import { runFromContextMenu } from '../harness/menu';
import { answerIfAsked, answerPrompt, quickPick, runCommand } from '../harness/quickInput';
import { requireOrSkip } from '../harness/require';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import {
  startThrowawayEngine,
  throwawayEngineMissingReason,
  type ThrowawayEngine,
} from '../harness/throwawayEngine';
import {
  badgeOf,
  collapseTreeItem,
  dragAndDrop,
  expandTreeItem,
  expandView,
  expectTreeItem,
  openBerthView,
  statusBarText,
  treeItem,
} from '../harness/views';
import { readArchivedFile, seedFiles } from '../harness/archive';
import { dialogButton, dialogMessage, expectNotification } from '../harness/dialogs';
import {
  applyQuickFix,
  clickEditorText,
  editorText,
  openFile,
  openTreeFile,
  typeAtTop,
} from '../harness/editor';
import { expectProblem, problems } from '../harness/panel';
import { waitFor } from '../harness/wait';

interface Scene {
  throwaway: Docker;
  container: string;
  network: string;
  /** On the throwaway engine only, holding `note.txt`. */
  volume: string;
  /** On both engines. */
  namesake: string;
  /** A never-started container of the throwaway engine, holding /srv/app.conf. */
  stopped: string;
  /** External networks of compose.yaml: one on the throwaway engine only, one on neither. */
  composeThere: string;
  composeMissing: string;
}

const note = 'written on the throwaway engine\n';

/** `work` on a never-started container of `docker` that mounts `volume` at /data, removed after. */
async function onVolume<T>(
  docker: Docker,
  volume: string,
  work: (container: Docker.Container) => Promise<T>,
): Promise<T> {
  const helper = await docker.createContainer({
    Image: testImage,
    Cmd: ['true'],
    Labels: testLabels(),
    HostConfig: { Binds: [`${volume}:/data`] },
  });
  try {
    return await work(helper);
  } finally {
    await helper.remove({ force: true });
  }
}

/** Whether `docker` has a volume named `name`. */
async function hasVolume(docker: Docker, name: string): Promise<boolean> {
  return docker
    .getVolume(name)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

/** The names of the containers on `network` of `docker`. */
async function attached(docker: Docker, network: string): Promise<string[]> {
  const info = (await docker.getNetwork(network).inspect()) as {
    Containers?: Record<string, { Name: string }>;
  };
  return Object.values(info.Containers ?? {}).map((container) => container.Name);
}

void describe('several engines side by side in a real VS Code', () => {
  const tracker = new Tracker();
  let throwaway: ThrowawayEngine | undefined;
  const missing = throwawayEngineMissingReason();
  let scene: Scene | undefined;
  const suite = workbenchSuite(true, async (scratch) => {
    if (!missing) {
      throwaway = await startThrowawayEngine();
      const docker = new Docker({ socketPath: throwaway.socketPath });
      await ensureTestImage(docker);
      const network = uniqueName('side');
      // The same name on both engines: only the engine of the clicked container may be used.
      await createNetwork(tracker, { name: network, subnet: false });
      await docker.createNetwork({ Name: network, Driver: 'bridge', Labels: testLabels() });
      const container = uniqueName('second');
      const created = await docker.createContainer({
        name: container,
        Image: testImage,
        Cmd: ['sleep', '3600'],
        Labels: testLabels(),
      });
      await created.start();
      const volume = uniqueName('files');
      await docker.createVolume({ Name: volume, Labels: testLabels() });
      await onVolume(docker, volume, (helper) => seedFiles(helper, [{ name: 'data/note.txt', body: note }]));
      const namesake = uniqueName('twin');
      await docker.createVolume({ Name: namesake, Labels: testLabels() });
      await createVolume(tracker, namesake);
      const stopped = uniqueName('files');
      const never = await docker.createContainer({
        name: stopped,
        Image: testImage,
        Cmd: ['true'],
        Labels: testLabels(),
      });
      await seedFiles(never, [{ name: 'srv/app.conf', body: 'port=80\n' }]);
      const composeThere = uniqueName('composed');
      await docker.createNetwork({ Name: composeThere, Driver: 'bridge', Labels: testLabels() });
      const composeMissing = uniqueName('wanted');
      // The quick fix must create it on the throwaway engine; should it land here, it goes too.
      tracker.trackByName('network', composeMissing);
      scene = {
        throwaway: docker,
        container,
        network,
        volume,
        namesake,
        stopped,
        composeThere,
        composeMissing,
      };
    }
    // A machine-overridable setting: code-server reads it from the workspace, not the user settings.
    const workspace = emptyWorkspace(scratch, 'Two engines', {
      'berth.engines': [
        { name: 'system', host: 'unix:///var/run/docker.sock' },
        { name: 'throwaway', host: `unix://${throwaway?.socketPath ?? '/nonexistent.sock'}` },
      ],
      'berth.compose.engine': 'throwaway',
    });
    fs.writeFileSync(
      path.join(workspace, 'compose.yaml'),
      [
        'services:',
        '  web:',
        '    image: busybox',
        '    networks: [there, wanted]',
        'networks:',
        '  there:',
        '    external: true',
        `    name: ${scene?.composeThere ?? 'there'}`,
        '  wanted:',
        '    external: true',
        `    name: ${scene?.composeMissing ?? 'wanted'}`,
        '',
      ].join('\n'),
    );
    return { workspace };
  });

  after(async () => {
    await tracker.cleanup();
    await throwaway?.stop();
  });

  void test('the Networks view shows one root per engine, each with its own networks', async (t) => {
    const w = suite.workbench(t);
    if (!w || !requireOrSkip(t, missing === undefined && scene !== undefined, missing ?? 'no scene')) return;
    const s = scene!;
    await guarded(w.page, 'engines-roots', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      const system = treeItem(networks, 'system');
      await expectTreeItem(system);
      // The shared engine lists many networks: fold it so that the second engine is in sight.
      await collapseTreeItem(system);
      const second = treeItem(networks, 'throwaway');
      await expectTreeItem(second);
      await expandTreeItem(second);
      await expectTreeItem(treeItem(networks, s.network));
      assert.equal(await second.getAttribute('aria-level'), '1');
      assert.equal(await treeItem(networks, s.network).getAttribute('aria-level'), '2');
    });
  });

  void test('the status bar names each engine, and the map opened on an engine root names it', async (t) => {
    const w = suite.workbench(t);
    if (!w || !requireOrSkip(t, missing === undefined && scene !== undefined, missing ?? 'no scene')) return;
    await guarded(w.page, 'engines-status-map', async () => {
      const { Version } = await scene!.throwaway.version();
      for (const name of ['system', 'throwaway'])
        await waitFor(`the status bar item of ${name}`, () =>
          statusBarText(w.page, new RegExp(`^${name} · \\d`)),
        );
      assert.equal(await statusBarText(w.page, /^throwaway · /), `throwaway · ${Version}`);
      const networks = await expandView(w.page, 'Networks');
      const map = w.page.locator('.tab', { hasText: 'Network Map: throwaway' });
      await runFromContextMenu(treeItem(networks, 'throwaway'), 'Show Network Map', {
        what: 'the map of throwaway',
        shows: () => map.isVisible(),
      });
    });
  });

  void test('Connect to Network… on a container of the second engine connects it there only', async (t) => {
    const w = suite.workbench(t);
    if (!w || !requireOrSkip(t, missing === undefined && scene !== undefined, missing ?? 'no scene')) return;
    const s = scene!;
    await guarded(w.page, 'engines-connect', async () => {
      const containers = await expandView(w.page, 'Containers');
      const system = treeItem(containers, 'system');
      await expectTreeItem(system);
      await collapseTreeItem(system);
      await expandTreeItem(treeItem(containers, 'throwaway'));
      const input = w.page.locator('.quick-input-widget input');
      await runFromContextMenu(treeItem(containers, s.container), 'Connect to Network…', {
        what: 'the pick of the network (or of the container)',
        shows: () => input.isVisible(),
      });
      await answerIfAsked(
        w.page,
        'Container to connect',
        s.container,
        async () =>
          (await input.isVisible()) &&
          (await input.getAttribute('placeholder')) === `Network to connect ${s.container} to`,
      );
      await quickPick(w.page, s.network);
      await answerPrompt(w.page, /Network aliases \(optional\)/, '');
      await waitFor('the throwaway engine to attach the container', async () =>
        (await attached(s.throwaway, s.network)).includes(s.container) ? true : undefined,
      );
      assert.deepEqual(await attached(engine(), s.network), [], 'the system engine is untouched');
      // The tree of the second engine shows it under the network, from that engine's events.
      const networks = await expandView(w.page, 'Networks');
      await expandTreeItem(treeItem(networks, s.network));
      await expectTreeItem(treeItem(networks, s.container));
    });
  });

  void test('Inspect Network on the second engine shows the network of that engine, not its namesake', async (t) => {
    const w = suite.workbench(t);
    if (!w || !requireOrSkip(t, missing === undefined && scene !== undefined, missing ?? 'no scene')) return;
    const s = scene!;
    await guarded(w.page, 'engines-inspect', async () => {
      const { Id: secondId } = (await s.throwaway.getNetwork(s.network).inspect()) as { Id: string };
      const { Id: systemId } = (await engine().getNetwork(s.network).inspect()) as { Id: string };
      const networks = await expandView(w.page, 'Networks');
      // The system root is folded: the one row of that name is the second engine's.
      const input = w.page.locator('.quick-input-widget input');
      const tab = w.page.locator('.tabs-container .tab.active', { hasText: `${s.network}.json` });
      await runFromContextMenu(treeItem(networks, s.network), 'Inspect Network', {
        what: 'the inspect document (or the pick of the network)',
        shows: async () => (await input.isVisible()) || (await tab.isVisible()),
      });
      await waitFor('the inspect document of the network of the second engine', async () =>
        (await editorText(w.page).catch(() => '')).includes(`"Id": "${secondId}"`) ? true : undefined,
      );
      assert.ok(!(await editorText(w.page)).includes(systemId));
    });
  });

  void test('a container dropped on a network of another engine is refused, naming both engines', async (t) => {
    const w = suite.workbench(t);
    if (!w || !requireOrSkip(t, missing === undefined && scene !== undefined, missing ?? 'no scene')) return;
    const s = scene!;
    await guarded(w.page, 'engines-drop', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      await collapseTreeItem(treeItem(networks, 'throwaway'));
      await expandTreeItem(treeItem(networks, 'system'));
      // Other tests may have left the shared engine many networks: bring this one into sight.
      await expectTreeItem(treeItem(networks, s.network));
      const containers = await expandView(w.page, 'Containers');
      // The throwaway engine's container onto the system engine's network of the same name.
      await dragAndDrop(treeItem(containers, s.container), treeItem(networks, s.network));
      await expectNotification(
        w.page,
        'The container is on the engine throwaway and the network on system: a container can only join networks of its own engine.',
      );
      assert.deepEqual(await attached(engine(), s.network), [], 'the system engine is untouched');
      assert.deepEqual(await attached(s.throwaway, s.network), [s.container]);
    });
  });

  void test('a volume file of the second engine opens from the Volumes view and saves into that engine', async (t) => {
    const w = suite.workbench(t);
    if (!w || !requireOrSkip(t, missing === undefined && scene !== undefined, missing ?? 'no scene')) return;
    const s = scene!;
    await guarded(w.page, 'engines-volume-file', async () => {
      const volumes = await openBerthView(w.page, 'Volumes');
      const system = treeItem(volumes, 'system');
      await system.waitFor();
      await collapseTreeItem(system);
      await expandTreeItem(treeItem(volumes, 'throwaway'));
      await expandTreeItem(treeItem(volumes, s.volume));
      await expandTreeItem(treeItem(volumes, 'Files'));
      await openTreeFile(
        w.page,
        treeItem(volumes, 'note.txt'),
        'note.txt',
        'written on the throwaway engine',
      );
      await typeAtTop(w.page, 'saved from VS Code\n');
      await runCommand(w.page, 'File: Save');
      const saved = `saved from VS Code\n${note}`;
      await waitFor('the throwaway engine to hold the saved note.txt', async () => {
        const now = await onVolume(s.throwaway, s.volume, (helper) =>
          readArchivedFile(helper, '/data/note.txt'),
        );
        return now.body === saved ? true : undefined;
      });
      assert.equal(await hasVolume(engine(), s.volume), false, 'the system engine has no such volume');
    });
  });

  void test('Remove Volume… on the second engine removes its volume, not the namesake of the first', async (t) => {
    const w = suite.workbench(t);
    if (!w || !requireOrSkip(t, missing === undefined && scene !== undefined, missing ?? 'no scene')) return;
    const s = scene!;
    await guarded(w.page, 'engines-volume-remove', async () => {
      const volumes = await openBerthView(w.page, 'Volumes');
      await collapseTreeItem(treeItem(volumes, 'system'));
      await expandTreeItem(treeItem(volumes, 'throwaway'));
      // The system root is folded: the one row of that name is the second engine's.
      const row = treeItem(volumes, s.namesake);
      await row.waitFor();
      await runFromContextMenu(row, 'Remove Volume…', {
        what: 'the remove confirmation',
        shows: () => w.page.locator('.monaco-dialog-box').isVisible(),
      });
      assert.match(await dialogMessage(w.page), new RegExp(`Remove volume "${s.namesake}"`));
      await dialogButton(w.page, 'Remove');
      await waitFor('the throwaway engine to remove the volume', async () =>
        (await hasVolume(s.throwaway, s.namesake)) ? undefined : true,
      );
      assert.equal(await hasVolume(engine(), s.namesake), true, 'the system engine keeps its namesake');
      await row.waitFor({ state: 'detached', timeout: 60_000 });
    });
  });

  void test("a container file of the second engine saves into that engine's container and shows its A", async (t) => {
    const w = suite.workbench(t);
    if (!w || !requireOrSkip(t, missing === undefined && scene !== undefined, missing ?? 'no scene')) return;
    const s = scene!;
    await guarded(w.page, 'engines-container-file', async () => {
      const containers = await expandView(w.page, 'Containers');
      const system = treeItem(containers, 'system');
      await system.waitFor();
      await collapseTreeItem(system);
      await expandTreeItem(treeItem(containers, 'throwaway'));
      await expandTreeItem(treeItem(containers, s.stopped));
      await expandTreeItem(treeItem(containers, 'Files'));
      const srv = treeItem(containers, 'srv');
      await expandTreeItem(srv);
      await openTreeFile(w.page, treeItem(containers, 'app.conf'), 'app.conf', 'port=80');
      await typeAtTop(w.page, '# second engine\n');
      await runCommand(w.page, 'File: Save');
      const container = s.throwaway.getContainer(s.stopped);
      await waitFor("the throwaway container's /srv/app.conf to change", async () =>
        (await readArchivedFile(container, '/srv/app.conf')).body === '# second engine\nport=80\n'
          ? true
          : undefined,
      );
      // The marks come from the throwaway engine's list of the container's changes.
      await waitFor('the A badge on srv', async () => ((await badgeOf(srv)) === 'A' ? true : undefined));
    });
  });

  void test('berth.compose.engine: a Compose file is checked against the engine it names, and its quick fix creates the network there', async (t) => {
    const w = suite.workbench(t);
    if (!w || !requireOrSkip(t, missing === undefined && scene !== undefined, missing ?? 'no scene')) return;
    const s = scene!;
    await guarded(w.page, 'engines-compose', async () => {
      await openFile(w.page, 'compose.yaml');
      const problem = `The external network \`${s.composeMissing}\` does not exist on the engine`;
      const rows = await expectProblem(w.page, problem);
      assert.ok(
        rows.some((row) => row.includes(problem) && row.includes('berth · throwaway')),
        `the problem names the engine it was checked against: ${rows.join(' | ')}`,
      );
      // The facts that reported it are the throwaway engine's: it has the other network.
      assert.ok(!rows.some((row) => row.includes(s.composeThere)), rows.join(' | '));
      await clickEditorText(w.page, 'wanted:');
      await applyQuickFix(w.page, `Create network \`${s.composeMissing}\``);
      await waitFor(`the throwaway engine to have ${s.composeMissing}`, async () =>
        (await s.throwaway.listNetworks({ filters: { name: [s.composeMissing] } })).some(
          (n) => n.Name === s.composeMissing,
        )
          ? true
          : undefined,
      );
      await waitFor('the problem to go away', async () =>
        (await problems(w.page)).some((row) => row.includes(problem)) ? undefined : true,
      );
      const onSystem = await engine().listNetworks({ filters: { name: [s.composeMissing] } });
      assert.ok(!onSystem.some((n) => n.Name === s.composeMissing), 'the system engine is untouched');
    });
  });
});
