// Volume files in a real VS Code against the real engine: browse into an editor, edit and save
// (the engine's copy changes, its mode stays), back the volume up through the save dialog, and
// delete a file from the Volumes tree after a confirmation that names it.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import * as path from 'node:path';
import { createGunzip } from 'node:zlib';
import { describe, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from 'tar-stream';
import { createVolume, engine, ensureTestImage, Tracker } from '../harness/engine';
import { answerSaveDialog, dialogButton, dialogMessage, expectNotification } from '../harness/dialogs';
import { editorText, typeAtTop } from '../harness/editor';
import { guarded } from '../harness/evidence';
import { runFromContextMenu } from '../harness/menu';
import { answerIfAsked, quickPick, runCommand } from '../harness/quickInput';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import {
  expandTreeItem,
  expectTreeItem,
  expectTreeItemGone,
  openBerthView,
  treeItem,
} from '../harness/views';
import { waitFor } from '../harness/wait';
import { fillVolume, fingerprint, type FixtureEntry } from '../engine/volumes-fixtures';

const todo = 'buy milk\nwalk the whale\n';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const files: FixtureEntry[] = [
  { name: './', type: 'directory', mode: 0o755 },
  { name: 'hello.txt', type: 'file', mode: 0o644, body: Buffer.from('hello from a volume\n') },
  { name: 'notes', type: 'directory', mode: 0o755 },
  { name: 'notes/todo.md', type: 'file', mode: 0o644, body: Buffer.from(todo) },
];

/** The entry names of a .tar.gz on disk, without a leading `./` or trailing `/`. */
async function archiveNames(file: string): Promise<string[]> {
  const reader = extract();
  createReadStream(file).pipe(createGunzip()).pipe(reader);
  const names: string[] = [];
  for await (const entry of reader) {
    names.push(entry.header.name.replace(/^\.\//, '').replace(/\/$/, ''));
    entry.resume();
  }
  return names.filter(Boolean).sort();
}

/** Berth's own helper containers that still mount `volume` (it keeps one briefly for browsing). */
async function helpersUsing(volume: string): Promise<string[]> {
  const containers = await engine().listContainers({
    all: true,
    filters: { label: ['berth.helper'], volume: [volume] },
  });
  return containers.map((c) => c.Id);
}

void describe('Volume tools in a real VS Code', () => {
  const tracker = new Tracker();
  let volume = '';
  const suite = workbenchSuite(true, async (scratch) => {
    await ensureTestImage();
    volume = await createVolume(tracker);
    await fillVolume(tracker, volume, files);
    return { workspace: emptyWorkspace(scratch, 'volumes e2e') };
  });

  after(async () => {
    // The workbench is closed by now; a browse helper it left must not keep the volume alive.
    if (volume) {
      await waitFor('Berth to drop its browse helper', async () =>
        (await helpersUsing(volume)).length === 0 ? true : undefined,
      ).catch(async () => {
        for (const id of await helpersUsing(volume)) await engine().getContainer(id).remove({ force: true });
      });
    }
    await tracker.cleanup();
  });

  void test('"Browse Files" opens a file that is edited and saved into the volume', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'volume-edit', async () => {
      const volumes = await openBerthView(w.page, 'Volumes');
      const row = treeItem(volumes, volume);
      await expectTreeItem(row, 60_000);
      const input = w.page.locator('.quick-input-widget input');
      // The browse pick opens at once, busy until the listing comes; or the pick of the volume.
      await runFromContextMenu(row, 'Browse Files', {
        what: 'the browse pick (or the pick of the volume)',
        shows: () => input.isVisible(),
      });
      const notes = w.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'notes' });
      await answerIfAsked(w.page, 'Volume to browse', volume, () => notes.first().isVisible());
      await quickPick(w.page, 'notes');
      await quickPick(w.page, 'todo.md');
      await w.page.locator('.tabs-container .tab.active').filter({ hasText: 'todo.md' }).waitFor();
      const shown = await waitFor('the file content in the editor', async () => {
        const text = await editorText(w.page);
        return text.includes('walk the whale') ? text : undefined;
      });
      assert.match(shown, /buy milk/);

      await typeAtTop(w.page, 'call mum\n');
      await runCommand(w.page, 'File: Save');
      const saved = `call mum\n${todo}`;
      const entry = await waitFor('the engine copy of notes/todo.md to change', async () => {
        const now = (await fingerprint(tracker, volume)).get('notes/todo.md');
        return now?.sha256 === sha(saved) ? now : undefined;
      });
      assert.equal(entry.mode, '644', 'the saved file keeps its mode');
      assert.equal(entry.size, Buffer.byteLength(saved));
    });
  });

  void test('"Back Up Volume…" writes an archive through the save dialog and reports it', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    const target = path.join(suite.scratch, 'backup.tar.gz');
    await guarded(w.page, 'volume-backup', async () => {
      const volumes = await openBerthView(w.page, 'Volumes');
      await expectTreeItem(treeItem(volumes, volume));
      const input = w.page.locator('.quick-input-widget input');
      // The command asks for the volume or shows the save dialog, both inputs.
      await runFromContextMenu(treeItem(volumes, volume), 'Back Up Volume…', {
        what: 'the backup to ask where to save',
        shows: () => input.isVisible(),
      });
      await answerIfAsked(
        w.page,
        'Volume to back up',
        volume,
        async () => (await input.isVisible()) && (await input.inputValue()).startsWith('/'),
      );
      await answerSaveDialog(w.page, target);
      const done = await expectNotification(w.page, `of volume ${volume} to ${target};`);
      assert.match(done, /Backed up 2 files and 2 folders/);
      assert.ok(existsSync(target), `${target} exists`);
      assert.deepEqual(await archiveNames(target), ['hello.txt', 'notes', 'notes/todo.md']);
    });
  });
  void test('"Delete…" in the Volumes tree asks, naming the file, then removes it from the volume', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'volume-delete', async () => {
      const volumes = await openBerthView(w.page, 'Volumes');
      await expectTreeItem(treeItem(volumes, volume));
      await expandTreeItem(treeItem(volumes, volume));
      await expectTreeItem(treeItem(volumes, 'Files'));
      await expandTreeItem(treeItem(volumes, 'Files'));
      const file = treeItem(volumes, 'hello.txt');
      await expectTreeItem(file, 60_000);
      await runFromContextMenu(file, 'Delete…', {
        what: 'the delete confirmation',
        shows: () => w.page.locator('.monaco-dialog-box').isVisible(),
      });
      const asked = await dialogMessage(w.page);
      assert.match(asked, new RegExp(`Delete /hello\\.txt from volume "${volume}"\\?`));
      await dialogButton(w.page, 'Delete');
      await waitFor('hello.txt to be gone from the engine', async () =>
        (await fingerprint(tracker, volume)).has('hello.txt') ? undefined : true,
      );
      assert.ok((await fingerprint(tracker, volume)).has('notes/todo.md'), 'only hello.txt went');
      await expectTreeItemGone(file);
    });
  });
});
