// Issue 3's container actions in a real VS Code, each checked against the engine as well as on
// screen: logs that follow, a shell through exec, a container dragged onto a network, two volumes
// removed with one confirmation, and an Inspect document that follows its object.
// Names start with "berth-a-": the views sort by name and render only the rows on screen, and
// other suites may fill the shared engine with many "berth-b…" and later objects meanwhile.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { createContainer, createNetwork, createVolume, engine, Tracker, uniqueName } from '../harness/engine';
import { dialogButton, dialogMessage } from '../harness/dialogs';
import { editorText, focusEditor } from '../harness/editor';
import { guarded } from '../harness/evidence';
import { runFromContextMenu } from '../harness/menu';
import { expectTerminalText, focusTerminal, readableTerminalSettings, terminalText } from '../harness/panel';
import { answerIfAsked } from '../harness/quickInput';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import {
  dragAndDrop,
  expandTreeItem,
  expandView,
  expectTreeItem,
  expectTreeItemGone,
  openBerthView,
  selectTreeItems,
  treeItem,
} from '../harness/views';
import { waitFor } from '../harness/wait';

const firstLine = 'berth-log-first-line';
const laterLine = 'berth-log-later-line';
/** Prints one line, then another only once the test creates /tmp/go: proof that logs follow. */
const loggerCommand = [
  'sh',
  '-c',
  `echo ${firstLine}; while [ ! -e /tmp/go ]; do sleep 0.1; done; echo ${laterLine}; exec sleep 3600`,
];

/** Runs `argv` in `container` through the Engine API and waits until it exits. */
async function execIn(container: Docker.Container, argv: string[]): Promise<void> {
  const exec = await container.exec({ Cmd: argv, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  await new Promise<void>((resolve, reject) => {
    stream.on('end', resolve).on('close', resolve).on('error', reject);
    stream.resume();
  });
}

async function networksOf(id: string): Promise<string[]> {
  const info = await engine().getContainer(id).inspect();
  return Object.keys(info.NetworkSettings.Networks ?? {});
}

interface Scene {
  logger: { name: string; container: Docker.Container };
  app: { name: string; container: Docker.Container };
  dropNetwork: string;
}

void describe('Container actions in a real VS Code', () => {
  const tracker = new Tracker();
  let scene: Scene | undefined;
  const suite = workbenchSuite(true, async (scratch) => {
    const loggerName = uniqueName('a-logger');
    const appName = uniqueName('a-app');
    scene = {
      logger: {
        name: loggerName,
        container: await createContainer(tracker, { name: loggerName, cmd: loggerCommand, start: true }),
      },
      app: { name: appName, container: await createContainer(tracker, { name: appName, start: true }) },
      dropNetwork: (await createNetwork(tracker, { name: uniqueName('a-drop_net') })).name,
    };
    return {
      workspace: emptyWorkspace(scratch, 'actions e2e'),
      options: { settings: { ...readableTerminalSettings } },
    };
  });

  after(() => tracker.cleanup());

  void test('Show Logs prints the container’s output and follows lines printed later', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene) return;
    const { logger } = scene;
    await guarded(w.page, 'actions-logs', async () => {
      const containers = await openBerthView(w.page, 'Containers');
      const input = w.page.locator('.quick-input-widget input');
      await runFromContextMenu(treeItem(containers, logger.name), 'Show Logs', {
        what: 'the logs (or the pick of the container)',
        shows: async () =>
          (await input.isVisible()) || new RegExp(firstLine).test(await terminalText(w.page)),
      });
      await answerIfAsked(w.page, 'Container whose logs to show', logger.name, async () =>
        new RegExp(firstLine).test(await terminalText(w.page)),
      );
      const before = await expectTerminalText(w.page, new RegExp(firstLine));
      assert.doesNotMatch(before, new RegExp(laterLine), 'the later line is printed only after /tmp/go');

      await execIn(logger.container, ['touch', '/tmp/go']);
      const after = await expectTerminalText(w.page, new RegExp(`${firstLine}[\\s\\S]*${laterLine}`));
      assert.equal(after.split(firstLine).length - 1, 1, 'the first line is shown once, not replayed');
      const engineLogs = (await logger.container.logs({ stdout: true, stderr: true })).toString('utf8');
      assert.ok(engineLogs.includes(laterLine), 'the engine has the later line too');
    });
  });

  void test('Open Shell runs /bin/sh through exec and answers typed commands', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene) return;
    const { app } = scene;
    await guarded(w.page, 'actions-shell', async () => {
      const containers = await openBerthView(w.page, 'Containers');
      const execsBefore = (await app.container.inspect()).ExecIDs ?? [];
      const newExec = async () =>
        ((await app.container.inspect()).ExecIDs ?? []).find((id) => !execsBefore.includes(id));
      const input = w.page.locator('.quick-input-widget input');
      await runFromContextMenu(treeItem(containers, app.name), 'Open Shell', {
        what: 'a shell exec in the engine (or the pick of the container)',
        shows: async () => (await input.isVisible()) || (await newExec()) !== undefined,
      });
      await answerIfAsked(
        w.page,
        'Container to open a shell in',
        app.name,
        async () => (await newExec()) !== undefined,
      );
      const execId = await waitFor('the engine to run a shell exec in the container', newExec);
      const exec = await engine().getExec(execId).inspect();
      assert.deepEqual(
        [exec.ProcessConfig.entrypoint, ...exec.ProcessConfig.arguments],
        ['/bin/sh'],
        'the shell is argv /bin/sh, no command string',
      );
      assert.equal(exec.ProcessConfig.tty, true);
      // The shell's prompt says it is ready for input.
      await expectTerminalText(w.page, /[#$]\s*$/);
      await focusTerminal(w.page);
      await w.page.keyboard.type('echo berth-$((6*7))');
      await w.page.keyboard.press('Enter');
      await expectTerminalText(w.page, /^berth-42\s*$/m);
    });
  });

  void test('dragging a container onto a network connects it after the confirmation', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene) return;
    const { app, dropNetwork } = scene;
    await guarded(w.page, 'actions-drop', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      const containers = await expandView(w.page, 'Containers');
      assert.ok(!(await networksOf(app.container.id)).includes(dropNetwork));
      await dragAndDrop(treeItem(containers, app.name), treeItem(networks, dropNetwork));
      await waitFor('the confirmation naming the container and the network', async () => {
        const message = await dialogMessage(w.page);
        return message.includes(app.name) && message.includes(dropNetwork) ? true : undefined;
      });
      assert.equal(
        await dialogMessage(w.page),
        `Connect ${app.name} to network "${dropNetwork}"?`,
        'the confirmation names exactly what happens',
      );
      assert.ok(!(await networksOf(app.container.id)).includes(dropNetwork), 'nothing before confirming');
      await dialogButton(w.page, 'Connect');
      await waitFor('the engine to connect the dropped container', async () =>
        (await networksOf(app.container.id)).includes(dropNetwork) ? true : undefined,
      );
      await expandTreeItem(treeItem(networks, dropNetwork));
      const info = await app.container.inspect();
      const ip = info.NetworkSettings.Networks[dropNetwork]?.IPAddress;
      assert.ok(ip, 'the engine gave the container an address on the network');
      await expectTreeItem(treeItem(networks, app.name, ip));
    });
  });

  void test('removing two selected volumes asks once, naming both, and removes both', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    const volumes = [
      await createVolume(tracker, uniqueName('a-vol1')),
      await createVolume(tracker, uniqueName('a-vol2')),
    ];
    await guarded(w.page, 'actions-multi-remove', async () => {
      const pane = await openBerthView(w.page, 'Volumes');
      const [first, second] = volumes.map((name) => treeItem(pane, name));
      await selectTreeItems([first, second]);
      await runFromContextMenu(second, 'Remove Volume…', {
        what: 'the removal confirmation',
        shows: () => w.page.locator('.monaco-dialog-box').isVisible(),
      });
      const message = await waitFor('the removal confirmation', async () => {
        const text = await dialogMessage(w.page);
        return text ? text : undefined;
      });
      assert.equal(message, `Remove 2 volumes: ${volumes.join(', ')}?`);
      await dialogButton(w.page, 'Remove');
      await waitFor('the engine to remove both volumes', async () => {
        const left = await engine().listVolumes({ filters: { name: volumes } });
        return (left.Volumes ?? []).some((v) => volumes.includes(v.Name)) ? undefined : true;
      });
      for (const row of [first, second]) await expectTreeItemGone(row);
    });
  });

  void test('an open Inspect Network document follows a container connected in the engine', async (t) => {
    const w = suite.workbench(t);
    if (!w || !scene) return;
    const { logger } = scene;
    const network = await createNetwork(tracker, { name: uniqueName('a-inspect_net') });
    await guarded(w.page, 'actions-inspect-follow', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      const input = w.page.locator('.quick-input-widget input');
      const tab = w.page.locator('.tabs-container .tab.active', { hasText: `${network.name}.json` });
      await runFromContextMenu(treeItem(networks, network.name), 'Inspect Network', {
        what: 'the inspect document (or the pick of the network)',
        shows: async () => (await input.isVisible()) || (await tab.isVisible()),
      });
      await answerIfAsked(w.page, 'Network to inspect', network.name, async () =>
        (await editorText(w.page).catch(() => '')).includes(`"Name": "${network.name}"`),
      );
      assert.doesNotMatch(await editorText(w.page), new RegExp(logger.name));

      await engine().getNetwork(network.id).connect({ Container: logger.container.id });
      await waitFor('the open document to show the connected container', async () => {
        // The Containers block sits near the end of the JSON, below what fits on screen.
        await focusEditor(w.page);
        await w.page.keyboard.press('Control+End');
        return (await editorText(w.page)).includes(`"Name": "${logger.name}"`) ? true : undefined;
      });
    });
  });
});
