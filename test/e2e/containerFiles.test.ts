// A stopped container's own files in a real VS Code against the real engine: its Files node in
// the Containers view lists folders lazily, a file opens in an editor, an edit saved there lands
// in the container (read back through the engine's archive endpoint), and the files the container
// added or changed relative to its image carry A and C. A folder the container deleted keeps a
// row of its own, marked D, in the folder that held it.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { readArchivedFile, seedFiles } from '../harness/archive';
import { createContainer, ensureTestImage, Tracker } from '../harness/engine';
import { openTreeFile, typeAtTop } from '../harness/editor';
import { guarded, screenshot } from '../harness/evidence';
import { runCommand } from '../harness/quickInput';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import {
  badgeOf,
  expandTreeItem,
  expectTreeItem,
  openBerthView,
  openContainerFiles,
  treeItem,
} from '../harness/views';
import { waitFor } from '../harness/wait';
import type Docker from 'dockerode';

void describe("A stopped container's files in a real VS Code", () => {
  const tracker = new Tracker();
  let container: Docker.Container | undefined;
  let name = '';
  let deleterName = '';
  const suite = workbenchSuite(true, async (scratch) => {
    await ensureTestImage();
    // Created, never started: its files are reached through the archive endpoints alone.
    container = await createContainer(tracker, { cmd: ['true'] });
    name = (await container.inspect()).Name.replace(/^\//, '');
    await seedFiles(container, [
      { name: 'srv/app.conf', body: 'port=80\n', uid: 33, mode: 0o640 },
      { name: 'tmp/note.txt', body: 'scratch\n' },
    ]);
    // Ran once and exited, having deleted the image's /tmp.
    const deleter = await createContainer(tracker, { cmd: ['rm', '-rf', '/tmp'] });
    await deleter.start();
    const exit = (await deleter.wait()) as { StatusCode: number };
    if (exit.StatusCode !== 0) throw new Error(`rm -rf /tmp exited with ${exit.StatusCode}`);
    deleterName = (await deleter.inspect()).Name.replace(/^\//, '');
    return { workspace: emptyWorkspace(scratch, 'container files e2e') };
  });

  after(() => tracker.cleanup());

  void test('expand Files, open a file, edit and save it into the container; A and C show', async (t) => {
    const w = suite.workbench(t);
    if (!w || !container) return;
    const stopped = container;
    await guarded(w.page, 'container-files', async () => {
      const containers = await openBerthView(w.page, 'Containers');
      await openContainerFiles(containers, name, [deleterName]);
      const srv = treeItem(containers, 'srv');
      await expectTreeItem(srv, 60_000);
      // Relative to the image, tmp (which the image has) changed; bin is as it was. Read before
      // srv is expanded pushes tmp further down.
      const tmp = treeItem(containers, 'tmp');
      await expectTreeItem(tmp);
      await waitFor('the C badge on tmp', async () => ((await badgeOf(tmp)) === 'C' ? true : undefined));
      assert.equal(await badgeOf(treeItem(containers, 'bin')), '', 'bin is as in the image');
      await expandTreeItem(srv);
      const file = treeItem(containers, 'app.conf');
      await expectTreeItem(file, 60_000);

      await openTreeFile(w.page, file, 'app.conf', 'port=80');
      await typeAtTop(w.page, '# edited in Berth\n');
      await runCommand(w.page, 'File: Save');
      const saved = await waitFor("the container's copy of /srv/app.conf to change", async () => {
        const now = await readArchivedFile(stopped, '/srv/app.conf');
        return now.body === '# edited in Berth\nport=80\n' ? now : undefined;
      });
      assert.deepEqual([saved.uid, saved.gid, saved.mode], [33, 33, 0o640], 'owner, group and mode kept');
      assert.equal((await stopped.inspect()).State.Status, 'created', 'the save did not start the container');

      await waitFor('the A badge on app.conf', async () =>
        (await badgeOf(file)) === 'A' ? true : undefined,
      );
      // The save made the decorations be read again: wait for them to come back.
      await waitFor('the A badge on srv, which the image does not have', async () =>
        (await badgeOf(srv)) === 'A' ? true : undefined,
      );
    });
  });

  void test('a folder the container deleted shows as its own row, marked D, with nothing to open', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'container-files-deleted', async () => {
      const containers = await openBerthView(w.page, 'Containers');
      await openContainerFiles(containers, deleterName, [name]);
      const tmp = treeItem(containers, 'tmp');
      await expectTreeItem(tmp);
      await waitFor('the D badge on the deleted tmp', async () =>
        (await badgeOf(tmp)) === 'D' ? true : undefined,
      );
      assert.match(await tmp.innerText(), /deleted/);
      assert.equal(await tmp.getAttribute('aria-expanded'), null, 'a deleted path has nothing to expand');
      assert.equal(await badgeOf(treeItem(containers, 'bin')), '', 'bin is as in the image');
      await screenshot(w.page, 'container-files-deleted.png');
    });
  });
});
