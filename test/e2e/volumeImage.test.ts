// A volume as an image, and files dragged into a volume, in a real VS Code against the real
// engine: Export Volume to Image… from the Volumes tree's context menu makes the image the user
// named, Import Volume from Image… puts it back into an existing volume after asking or into a
// new one the user names, and a file dragged from the Explorer onto a volume folder lands in the
// volume.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createVolume, engine, ensureTestImage, runId, Tracker } from '../harness/engine';
import { dialogButton, dialogMessage, expectNotification } from '../harness/dialogs';
import { guarded } from '../harness/evidence';
import { runFromContextMenu } from '../harness/menu';
import {
  answerEachAsked,
  answerIfAsked,
  answerPrompt,
  runCommand,
  validationMessage,
} from '../harness/quickInput';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import {
  dragExplorerFileOnto,
  expandTreeItem,
  expectTreeItem,
  openBerthView,
  treeItem,
} from '../harness/views';
import { waitFor } from '../harness/wait';
import { fillVolume, fingerprint, type FixtureEntry } from '../engine/volumes-fixtures';

const dropped = 'dropped from the explorer\n';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const files: FixtureEntry[] = [
  { name: './', type: 'directory', mode: 0o755 },
  { name: 'hello.txt', type: 'file', mode: 0o640, uid: 42, gid: 43, body: Buffer.from('hello\n') },
  { name: 'inbox', type: 'directory', mode: 0o755 },
];

/** True while the quick input shows `text` (a prompt, a title or a placeholder). */
async function showsText(page: Page, text: RegExp): Promise<boolean> {
  const box = page.locator('.quick-input-widget');
  if (!(await box.isVisible())) return false;
  const placeholder = (await box.locator('input').getAttribute('placeholder')) ?? '';
  return text.test(`${await box.innerText()}\n${placeholder}`);
}

/** Berth's own helper containers that still mount `volume` (it keeps them briefly for browsing). */
async function helpersUsing(volume: string): Promise<string[]> {
  const containers = await engine().listContainers({
    all: true,
    filters: { label: ['berth.helper'], volume: [volume] },
  });
  return containers.map((c) => c.Id);
}

void describe('Volume images and drops in a real VS Code', () => {
  const tracker = new Tracker();
  const image = `berth-e2e/volume-image-${runId}:snap-1`;
  // Made by Berth as a user's volume would be, so without the run's label.
  const imported = `berth-e2e-imported-${runId}`;
  let volume = '';
  let target = '';
  const suite = workbenchSuite(true, async (scratch) => {
    await ensureTestImage();
    volume = await createVolume(tracker);
    await fillVolume(tracker, volume, files);
    target = await createVolume(tracker);
    await fillVolume(tracker, target, [
      { name: './', type: 'directory', mode: 0o755 },
      { name: 'old.txt', type: 'file', mode: 0o644, body: Buffer.from('replaced by the image\n') },
    ]);
    const workspace = emptyWorkspace(scratch, 'volume images e2e');
    writeFileSync(path.join(workspace, 'drop-me.txt'), dropped);
    return { workspace };
  });

  after(async () => {
    // The workbench is closed by now; a browse helper it left must not keep the volume alive.
    for (const name of [volume, target].filter(Boolean)) {
      await waitFor('Berth to drop its browse helpers', async () =>
        (await helpersUsing(name)).length === 0 ? true : undefined,
      ).catch(async () => {
        for (const id of await helpersUsing(name)) await engine().getContainer(id).remove({ force: true });
      });
    }
    await engine()
      .getVolume(imported)
      .remove()
      .catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404) throw error;
      });
    // Made by Berth as a user's image would be, so without the run's label: removed by its exact name.
    await engine()
      .getImage(image)
      .remove({ force: true })
      .catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404) throw error;
      });
    await tracker.cleanup();
  });

  void test('"Export Volume to Image…" refuses a bad name as it is typed, then makes the image', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'volume-export-image', async () => {
      const volumes = await openBerthView(w.page, 'Volumes');
      const row = treeItem(volumes, volume);
      await expectTreeItem(row, 60_000);
      const prompt = /Name and tag of the new image/;
      const input = w.page.locator('.quick-input-widget input');
      await runFromContextMenu(row, 'Export Volume to Image…', {
        what: 'the image name prompt',
        shows: async () =>
          (await input.isVisible()) && (await input.getAttribute('placeholder')) !== 'Volume to export',
      });
      await answerIfAsked(w.page, 'Volume to export', volume, async () =>
        prompt.test(await w.page.locator('.quick-input-widget').innerText()),
      );
      const refused = await validationMessage(w.page, prompt, 'Backups/Data:1', /lower case/);
      assert.match(refused, /use "backups\/data:1"/);
      // A valid name brings the prompt back in place of the message; then it is answered.
      await input.fill(image);
      await answerPrompt(w.page, prompt, image);
      const done = await expectNotification(w.page, `of volume ${volume} to image ${image}.`);
      assert.match(done, /Exported 1 files and 2 folders/);
      const info = await engine().getImage(image).inspect();
      assert.equal(info.Config.Labels?.['berth.volume.exported'], volume);
    });
  });

  void test('"Import Volume from Image…" on a volume that has files asks, naming it, then replaces them', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    // The image the export test made, which holds hello.txt and inbox/.
    await guarded(w.page, 'volume-import-image', async () => {
      const expected = await fingerprint(tracker, volume);
      const volumes = await openBerthView(w.page, 'Volumes');
      const row = treeItem(volumes, target);
      await expectTreeItem(row, 60_000);
      const dialog = w.page.locator('.monaco-dialog-box');
      await runFromContextMenu(row, 'Import Volume from Image…', {
        what: 'the image pick',
        shows: () => w.page.locator('.quick-input-widget input').isVisible(),
      });
      await answerEachAsked(w.page, [['Image to import (its files in /volume-data)', image]], () =>
        dialog.isVisible(),
      );
      const asked = await dialogMessage(w.page);
      assert.match(
        asked,
        new RegExp(`Volume ${target} is not empty\\. How should image ${image} be imported into it\\?`),
      );
      await dialogButton(w.page, 'Replace');
      const done = await expectNotification(w.page, `from image ${image} into volume ${target}.`);
      assert.match(done, /Imported 1 files and 2 folders/);
      assert.deepEqual(
        [...(await fingerprint(tracker, target)).entries()].sort(),
        [...expected.entries()].sort(),
        'the volume holds exactly the image’s files, owners and modes',
      );
    });
  });

  void test('"Import Volume from Image…" into a new volume named by the user makes it with the image\'s files', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'volume-import-image-new', async () => {
      const expected = await fingerprint(tracker, volume);
      await runCommand(w.page, 'Berth: Import Volume from Image…');
      const prompt = /Name of the new volume/;
      await answerEachAsked(
        w.page,
        [
          ['Image to import (its files in /volume-data)', image],
          [`Import ${image} into…`, 'New volume…'],
        ],
        async () => showsText(w.page, prompt),
      );
      // The suggestion comes from the image's name; the user types their own.
      await answerPrompt(w.page, prompt, imported);
      const done = await expectNotification(w.page, `from image ${image} into volume ${imported}.`);
      assert.match(done, /Imported 1 files and 2 folders/);
      const info = await engine().getVolume(imported).inspect();
      assert.equal(info.Name, imported);
      assert.deepEqual(
        [...(await fingerprint(tracker, imported)).entries()].sort(),
        [...expected.entries()].sort(),
        'the new volume holds exactly the image’s files, owners and modes',
      );
    });
  });

  void test('a file dragged from the Explorer onto a volume folder is uploaded into it', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'volume-drop-file', async () => {
      const volumes = await openBerthView(w.page, 'Volumes');
      await expandTreeItem(treeItem(volumes, volume));
      await expandTreeItem(treeItem(volumes, 'Files'));
      const inbox = treeItem(volumes, 'inbox');
      await expectTreeItem(inbox, 60_000);

      const uploaded = `into /inbox of volume "${volume}"`;
      await dragExplorerFileOnto(w.page, 'drop-me.txt', inbox, () =>
        w.page.locator('.notification-list-item').filter({ hasText: uploaded }).first().isVisible(),
      );

      await expectNotification(w.page, uploaded);
      const entry = await waitFor('the dropped file in the engine copy of the volume', async () => {
        const now = (await fingerprint(tracker, volume)).get('inbox/drop-me.txt');
        return now?.sha256 === sha(dropped) ? now : undefined;
      });
      assert.equal(entry.size, Buffer.byteLength(dropped));
      assert.equal(entry.type, 'file');
    });
  });
});
