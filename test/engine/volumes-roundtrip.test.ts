// Back up, restore and clone volumes against the real engine: every byte, mode, owner, symlink,
// hard link and empty folder must survive, and no helper may be left behind.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createVolume, engine, testLabels, uniqueName } from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import { fillVolume, fingerprint, richFixture, sortedEntries } from './volumes-fixtures';
import { useVolumeToolsSuite } from './volumes-suite';

void describe('volume backup, restore and clone', () => {
  const suite = useVolumeToolsSuite('berth-volumes-');

  async function filledVolume(): Promise<string> {
    const volume = await createVolume(suite.tracker);
    await fillVolume(suite.tracker, volume, richFixture());
    return volume;
  }

  void test('backup to .tar.gz, remove, restore into a new volume: identical, verified', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await filledVolume();
    const before = await fingerprint(suite.tracker, volume);
    assert.equal(before.get('suid')?.mode, '4755', 'fixture keeps its set-uid bit');

    const file = join(suite.dir, 'rich.tar.gz');
    let lastBytes = 0;
    const result = await suite.tools.backup({
      volume,
      destination: file,
      onProgress: (bytes) => (lastBytes = bytes),
    });
    assert.equal(result.counts.entries, before.size);
    assert.equal(result.counts.hardlinks, 1);
    assert.equal(result.counts.symlinks, 3);
    assert.ok(lastBytes > 300_000, `progress reported ${lastBytes} bytes`);
    assert.deepEqual(
      (await readdir(suite.dir)).filter((name) => name.includes('partial')),
      [],
    );

    await engine().getVolume(volume).remove();
    await suite.tools.restore({ archive: file, volume, mode: 'new', labels: testLabels() });
    const after = await fingerprint(suite.tracker, volume);
    assert.deepEqual(sortedEntries(after), sortedEntries(before));
  });

  void test('restore with replace removes what the archive does not have', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const source = await filledVolume();
    const expected = await fingerprint(suite.tracker, source);
    const file = join(suite.dir, 'replace.tar');
    await suite.tools.backup({ volume: source, destination: file });

    const target = await createVolume(suite.tracker);
    await fillVolume(suite.tracker, target, [
      { name: 'extra', type: 'file', mode: 0o644, body: Buffer.from('stays only with merge') },
      { name: 'secret', type: 'file', mode: 0o644, body: Buffer.from('old') },
    ]);
    assert.equal(await suite.tools.isEmpty(target), false);
    await suite.tools.restore({ archive: file, volume: target, mode: 'replace' });
    assert.deepEqual(sortedEntries(await fingerprint(suite.tracker, target)), sortedEntries(expected));
    const info = await engine().getVolume(target).inspect();
    assert.equal(info.Labels?.['berth.test'], testLabels()['berth.test'], 'labels survive the replace');
  });

  void test('restore with merge overwrites the same paths and keeps the others', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const source = await filledVolume();
    const expected = await fingerprint(suite.tracker, source);
    const file = join(suite.dir, 'merge.tar');
    await suite.tools.backup({ volume: source, destination: file });

    const target = await createVolume(suite.tracker);
    await fillVolume(suite.tracker, target, [
      { name: 'extra', type: 'file', mode: 0o600, uid: 7, gid: 8, body: Buffer.from('kept') },
      { name: 'secret', type: 'file', mode: 0o644, body: Buffer.from('old') },
    ]);
    const extra = (await fingerprint(suite.tracker, target)).get('extra');
    await suite.tools.restore({ archive: file, volume: target, mode: 'merge' });
    const merged = await fingerprint(suite.tracker, target);
    assert.deepEqual(merged.get('extra'), extra);
    merged.delete('extra');
    assert.deepEqual(sortedEntries(merged), sortedEntries(expected));
  });

  void test('clone copies contents and labels into a new volume', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const source = await filledVolume();
    const target = uniqueName('clone');
    await suite.tools.clone(source, target);
    suite.tracker.track('volume', target);
    assert.deepEqual(
      sortedEntries(await fingerprint(suite.tracker, target)),
      sortedEntries(await fingerprint(suite.tracker, source)),
    );
    const info = await engine().getVolume(target).inspect();
    assert.equal(info.Labels?.['berth.test'], testLabels()['berth.test']);
  });

  void test('clone refuses an existing or invalid name before touching the engine', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const source = await createVolume(suite.tracker);
    await assert.rejects(suite.tools.clone(source, source), /already exists/);
    await assert.rejects(suite.tools.clone(source, '-bad'), /starts with a letter or digit/);
  });

  void test('backup of an empty volume, and restore of it, give an empty volume', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await createVolume(suite.tracker);
    assert.equal(await suite.tools.isEmpty(volume), true);
    const file = join(suite.dir, 'empty.tar');
    const result = await suite.tools.backup({ volume, destination: file });
    assert.equal(result.counts.entries, 1, 'only the root folder');
    const restored = uniqueName('restored');
    await suite.tools.restore({ archive: file, volume: restored, mode: 'new', labels: testLabels() });
    suite.tracker.track('volume', restored);
    assert.equal(await suite.tools.isEmpty(restored), true);
  });
});
