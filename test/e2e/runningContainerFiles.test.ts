// A running container's own files in a real VS Code against the real engine: the first save into
// it asks first, naming the container; Cancel leaves the engine's copy as it was and Write Anyway
// writes it. A file dragged from the Explorer onto a folder under a running container's Files asks
// the same question and, once accepted, lands in the container.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import type Docker from 'dockerode';
import type { Page } from 'playwright-core';
import { readArchivedFile, seedFiles } from '../harness/archive';
import { dialogButton, dialogMessage, expectNotification } from '../harness/dialogs';
import { focusEditor, openTreeFile, typeAtTop } from '../harness/editor';
import { createContainer, ensureTestImage, Tracker } from '../harness/engine';
import { guarded } from '../harness/evidence';
import { runCommand } from '../harness/quickInput';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import {
  dragExplorerFileOnto,
  expandTreeItem,
  expectTreeItem,
  openBerthView,
  openContainerFiles,
  treeItem,
} from '../harness/views';
import { waitFor } from '../harness/wait';

const dropped = 'dropped into a running container\n';

interface Running {
  container: Docker.Container;
  name: string;
}

async function runningWithFiles(tracker: Tracker, file: string): Promise<Running> {
  const container = await createContainer(tracker, { start: true });
  await seedFiles(container, [{ name: file, body: 'port=80\n' }]);
  return { container, name: (await container.inspect()).Name.replace(/^\//, '') };
}

/** The consent modal Berth shows before the first write into running container `name`. */
async function consentAsked(page: Page, name: string): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  const message = await dialogMessage(page);
  assert.match(message, new RegExp(`Container "${name}" is running`));
}

void describe("A running container's files in a real VS Code", () => {
  const tracker = new Tracker();
  let edited: Running | undefined;
  let dropTarget: Running | undefined;
  const suite = workbenchSuite(true, async (scratch) => {
    await ensureTestImage();
    edited = await runningWithFiles(tracker, 'srv/app.conf');
    dropTarget = await runningWithFiles(tracker, 'inbox/keep.txt');
    // Sticky scroll would pin a parent row over the rows the test clicks. In a browser VS Code
    // saves after a delay by default, and such a save would ask for consent on its own, between
    // the test's explicit saves.
    const workspace = emptyWorkspace(scratch, 'running container files e2e', {
      'workbench.tree.enableStickyScroll': false,
      'files.autoSave': 'off',
    });
    writeFileSync(path.join(workspace, 'drop-me.txt'), dropped);
    return { workspace };
  });

  after(() => tracker.cleanup());

  void test('the first save asks, naming the container: Cancel keeps the engine copy, Write Anyway writes', async (t) => {
    const w = suite.workbench(t);
    if (!w || !edited) return;
    const { container, name } = edited;
    await guarded(w.page, 'running-container-consent', async () => {
      const containers = await openBerthView(w.page, 'Containers');
      await openContainerFiles(containers, name);
      const srv = treeItem(containers, 'srv');
      await expectTreeItem(srv, 60_000);
      await expandTreeItem(srv);
      await openTreeFile(w.page, treeItem(containers, 'app.conf'), 'app.conf', 'port=80');
      await typeAtTop(w.page, '# edited while running\n');

      await runCommand(w.page, 'File: Save');
      await consentAsked(w.page, name);
      await dialogButton(w.page, 'Cancel');
      await expectNotification(w.page, 'cancelled');
      assert.equal(
        (await readArchivedFile(container, '/srv/app.conf')).body,
        'port=80\n',
        "Cancel left the engine's copy untouched",
      );

      await focusEditor(w.page);
      await runCommand(w.page, 'File: Save');
      await consentAsked(w.page, name);
      await dialogButton(w.page, 'Write Anyway');
      await waitFor("the running container's copy of /srv/app.conf to change", async () =>
        (await readArchivedFile(container, '/srv/app.conf')).body === '# edited while running\nport=80\n'
          ? true
          : undefined,
      );
      assert.equal((await container.inspect()).State.Running, true, 'the container kept running');
    });
  });

  void test("a file dragged from the Explorer onto a running container's folder asks, then lands there", async (t) => {
    const w = suite.workbench(t);
    if (!w || !dropTarget) return;
    const { container, name } = dropTarget;
    await guarded(w.page, 'running-container-drop', async () => {
      const containers = await openBerthView(w.page, 'Containers');
      await openContainerFiles(containers, name, edited ? [edited.name] : []);
      const inbox = treeItem(containers, 'inbox');
      await expectTreeItem(inbox, 60_000);

      await dragExplorerFileOnto(w.page, 'drop-me.txt', inbox, () =>
        w.page.locator('.monaco-dialog-box').isVisible(),
      );

      await consentAsked(w.page, name);
      await dialogButton(w.page, 'Write Anyway');
      await expectNotification(w.page, `into /inbox of container "${name}"`);
      const landed = await readArchivedFile(container, '/inbox/drop-me.txt');
      assert.equal(landed.body, dropped);
    });
  });
});
