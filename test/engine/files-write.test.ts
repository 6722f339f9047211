// Writing a volume's files through never-started helpers, read back through a second container
// that the harness makes itself: edit, create, rename and delete round trips keep owner, group and
// mode, and no helper is left behind (checked by label after every test).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { NotAFileError, PathExistsError, PathNotFoundError } from '../../client/src/archiveFiles/core/errors';
import { createVolume } from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import {
  binaryBody,
  fillVolume,
  fingerprint,
  richFixture,
  sortedEntries,
  type Fingerprint,
} from './volumes-fixtures';
import { useVolumeToolsSuite } from './volumes-suite';

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Scratch names Berth uses while writing: none may survive an operation. */
function scratch(entries: Map<string, Fingerprint>): string[] {
  return [...entries.keys()].filter((name) => name.split('/').some((part) => part.startsWith('.berth-')));
}

void describe('volume files: edit, create, rename and delete', () => {
  const suite = useVolumeToolsSuite('berth-files-');

  async function filledVolume(): Promise<string> {
    const volume = await createVolume(suite.tracker);
    await fillVolume(suite.tracker, volume, richFixture());
    return volume;
  }

  void test('an edited file has the new content and keeps its owner, group and mode', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await filledVolume();
    const before = await fingerprint(suite.tracker, volume);
    const files = suite.tools.files;
    await files.writeFile(volume, 'secret', Buffer.from('new secret\n'), { create: false, overwrite: true });
    await files.writeFile(volume, 'suid', Buffer.from('still set-uid'), { create: false, overwrite: true });
    const after = await fingerprint(suite.tracker, volume);
    assert.deepEqual(after.get('secret'), { ...before.get('secret'), size: 11, sha256: sha('new secret\n') });
    assert.equal(after.get('secret')?.owner, '33:33');
    assert.equal(after.get('secret')?.mode, '600');
    assert.equal(after.get('suid')?.mode, '4755', 'set-uid survives an edit');
    assert.deepEqual(scratch(after), []);
    const untouched = (map: Map<string, Fingerprint>) =>
      sortedEntries(map).filter(([name]) => !['secret', 'suid', 'suid-link'].includes(name));
    assert.deepEqual(untouched(after), untouched(before));
  });

  void test('writing through a symlink changes its target and keeps the link', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await filledVolume();
    await suite.tools.files.writeFile(volume, 'link', Buffer.from('through the link'), {
      create: false,
      overwrite: true,
    });
    const after = await fingerprint(suite.tracker, volume);
    assert.equal(after.get('link')?.type, 'symlink');
    assert.equal(after.get('dir/sub/deep.txt')?.sha256, sha('through the link'));
    assert.equal(after.get('dir/sub/deep.txt')?.owner, '70:71');
  });

  void test('new files and folders take their folder’s owner; create and overwrite flags hold', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await filledVolume();
    const files = suite.tools.files;
    await files.writeFile(volume, 'dir/sub/new.txt', Buffer.from('fresh'), {
      create: true,
      overwrite: false,
    });
    await files.createFolder(volume, 'dir/sub/made');
    await files.writeFile(volume, '数据/新.txt', Buffer.from('中文'), { create: true, overwrite: false });
    const after = await fingerprint(suite.tracker, volume);
    assert.deepEqual(after.get('dir/sub/new.txt'), {
      type: 'file',
      mode: '644',
      owner: '70:71',
      size: 5,
      sha256: sha('fresh'),
      linkname: undefined,
    });
    assert.equal(after.get('dir/sub/made')?.type, 'directory');
    assert.equal(after.get('dir/sub/made')?.owner, '70:71');
    assert.equal(after.get('数据/新.txt')?.sha256, sha('中文'));
    await assert.rejects(
      files.writeFile(volume, 'nope.txt', Buffer.from('x'), { create: false, overwrite: true }),
      PathNotFoundError,
    );
    await assert.rejects(
      files.writeFile(volume, 'secret', Buffer.from('x'), { create: true, overwrite: false }),
      PathExistsError,
    );
    await assert.rejects(
      files.writeFile(volume, 'missing-folder/x', Buffer.from('x'), { create: true, overwrite: true }),
      PathNotFoundError,
    );
    await assert.rejects(
      files.writeFile(volume, 'dir', Buffer.from('x'), { create: true, overwrite: true }),
      NotAFileError,
    );
    await assert.rejects(files.createFolder(volume, 'dir'), PathExistsError);
    assert.deepEqual(scratch(await fingerprint(suite.tracker, volume)), []);
  });

  void test('rename moves files and whole folders with every mode, owner, link and hard link', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await filledVolume();
    const before = await fingerprint(suite.tracker, volume);
    const files = suite.tools.files;
    await files.rename(volume, 'secret', 'dir/secret-moved', false);
    await files.rename(volume, 'dir', 'renamed', false);
    await files.rename(volume, 'link', 'link2', false);
    const after = await fingerprint(suite.tracker, volume);
    assert.equal(after.has('secret'), false);
    assert.equal(after.has('dir'), false);
    assert.deepEqual(after.get('renamed/secret-moved'), before.get('secret'));
    for (const [name, entry] of before) {
      if (!name.startsWith('dir/')) continue;
      assert.deepEqual(after.get(name.replace(/^dir\//, 'renamed/')), entry, name);
    }
    assert.deepEqual(after.get('renamed'), before.get('dir'), "the folder's own mode and owner");
    assert.deepEqual(after.get('link2'), before.get('link'));
    await assert.rejects(files.rename(volume, 'zero', 'script.sh', false), PathExistsError);
    await assert.rejects(files.rename(volume, 'renamed', 'renamed/sub/inside', false), /into itself/);
    await files.rename(volume, 'zero', 'script.sh', true);
    const replaced = await fingerprint(suite.tracker, volume);
    assert.deepEqual(replaced.get('script.sh'), before.get('zero'));
    assert.deepEqual(scratch(replaced), []);
  });

  void test('delete removes a file, a link (not its target) and a folder with everything in it', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await filledVolume();
    const before = await fingerprint(suite.tracker, volume);
    const files = suite.tools.files;
    await files.remove(volume, 'secret');
    await files.remove(volume, 'link');
    await files.remove(volume, 'dir');
    const after = await fingerprint(suite.tracker, volume);
    const expected = sortedEntries(before).filter(
      ([name]) => name !== 'secret' && name !== 'link' && name !== 'dir' && !name.startsWith('dir/'),
    );
    assert.deepEqual(sortedEntries(after), expected);
    await assert.rejects(files.remove(volume, 'secret'), PathNotFoundError);
    await assert.rejects(files.remove(volume, ''), /top folder/);
  });

  void test('reads after writes come back through Berth too, byte for byte', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await filledVolume();
    const big = Buffer.alloc(2_000_000, 7);
    await suite.tools.files.writeFile(volume, 'big.bin', big, { create: true, overwrite: false });
    assert.ok((await suite.tools.readFile(volume, 'big.bin')).equals(big));
    const listing = await suite.tools.list(volume, '');
    assert.ok(listing.entries.some((entry) => entry.name === 'big.bin' && entry.size === big.length));
  });

  void test('a local folder uploads into a volume folder and downloads back the same', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await filledVolume();
    const before = await fingerprint(suite.tracker, volume);
    const local = join(suite.dir, 'site');
    await mkdir(join(local, 'assets'), { recursive: true });
    await writeFile(join(local, 'index.html'), '<h1>hi</h1>');
    await writeFile(join(local, 'run.sh'), '#!/bin/sh\n');
    await chmod(join(local, 'run.sh'), 0o750);
    await writeFile(join(local, 'assets', 'big.bin'), binaryBody(1_500_000));
    await symlink('../index.html', join(local, 'assets', 'home'));
    const files = suite.tools.files;
    const result = await files.upload(
      volume,
      'dir',
      [{ path: local }, { name: 'note.txt', data: Buffer.from('dropped') }],
      {
        overwrite: false,
      },
    );
    assert.deepEqual(result, { files: 4, folders: 2, links: 1, bytes: 1_500_000 + 11 + 10 + 7 });
    const after = await fingerprint(suite.tracker, volume);
    assert.equal(after.get('dir/site/index.html')?.sha256, sha('<h1>hi</h1>'));
    assert.equal(after.get('dir/site/run.sh')?.mode, '750');
    assert.equal(after.get('dir/site/assets/big.bin')?.sha256, sha(binaryBody(1_500_000)));
    assert.equal(after.get('dir/site/assets/home')?.linkname, '../index.html');
    assert.equal(after.get('dir/note.txt')?.owner, '70:70', "uploads take the folder's owner");
    assert.deepEqual(scratch(after), []);
    for (const [name, entry] of before) assert.deepEqual(after.get(name), entry, `${name} untouched`);
    await assert.rejects(
      files.upload(volume, 'dir', [{ path: local }], { overwrite: false }),
      PathExistsError,
    );

    const back = join(suite.dir, 'back');
    const down = await files.download(volume, 'dir/site', back);
    assert.deepEqual(
      { ...down, skipped: down.skipped.length },
      { files: 3, folders: 1, links: 1, bytes: 1_500_000 + 21, skipped: 0 },
    );
    assert.equal(await readFile(join(back, 'index.html'), 'utf8'), '<h1>hi</h1>');
    assert.ok((await readFile(join(back, 'assets', 'big.bin'))).equals(binaryBody(1_500_000)));
    assert.equal(await readlink(join(back, 'assets', 'home')), '../index.html');
    assert.equal((await stat(join(back, 'run.sh'))).mode & 0o777, 0o750);
    const one = join(suite.dir, 'secret-copy');
    await files.download(volume, 'link', one);
    assert.equal(await readFile(one, 'utf8'), 'deep\n', 'a link downloads as what it points to');
    await assert.rejects(files.download(volume, 'secret', one), PathExistsError);
  });

  void test('emptying a volume removes everything in it and keeps its top folder', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await filledVolume();
    const before = await fingerprint(suite.tracker, volume);
    const removed = await suite.tools.files.empty(volume, '');
    assert.ok(removed.includes('dir') && removed.includes('数据'), removed.join(', '));
    const after = await fingerprint(suite.tracker, volume);
    assert.deepEqual(
      sortedEntries(after),
      sortedEntries(before).filter(([name]) => name === '.'),
    );
    assert.deepEqual(await suite.tools.files.empty(volume, ''), [], 'an empty volume stays as it is');
  });
});
