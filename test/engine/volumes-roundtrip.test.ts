// Back up, restore and clone volumes against the real engine: every byte, mode, owner, symlink,
// hard link and empty folder must survive, and no helper may be left behind.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { VolumeTools } from '../../client/src/volumes/core/tools';
import {
  createVolume,
  engine,
  engineUnavailableReason,
  ensureTestImage,
  testLabels,
  Tracker,
  uniqueName,
} from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import { fillVolume, fingerprint, leftovers, richFixture, sortedEntries } from './volumes-fixtures';

void describe('volume backup, restore and clone', () => {
  const tracker = new Tracker();
  let reason: string | undefined;
  let tools: VolumeTools;
  let dir: string;

  before(async () => {
    reason = await engineUnavailableReason();
    if (reason) return;
    await ensureTestImage();
    tools = new VolumeTools(engine(), { labels: testLabels(), browseIdleMs: 100 });
    dir = await mkdtemp(join(tmpdir(), 'berth-volumes-'));
  });

  afterEach(async () => {
    if (reason) return;
    await tools.dispose();
    assert.deepEqual(await leftovers(), [], 'helper containers or temporary volumes left behind');
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await tracker.cleanup();
  });

  async function filledVolume(): Promise<string> {
    const volume = await createVolume(tracker);
    await fillVolume(tracker, volume, richFixture());
    return volume;
  }

  void test('backup to .tar.gz, remove, restore into a new volume: identical, verified', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const volume = await filledVolume();
    const before = await fingerprint(tracker, volume);
    assert.equal(before.get('suid')?.mode, '4755', 'fixture keeps its set-uid bit');

    const file = join(dir, 'rich.tar.gz');
    let lastBytes = 0;
    const result = await tools.backup({
      volume,
      destination: file,
      onProgress: (bytes) => (lastBytes = bytes),
    });
    assert.equal(result.counts.entries, before.size);
    assert.equal(result.counts.hardlinks, 1);
    assert.equal(result.counts.symlinks, 3);
    assert.ok(lastBytes > 300_000, `progress reported ${lastBytes} bytes`);
    assert.deepEqual(
      (await readdir(dir)).filter((name) => name.includes('partial')),
      [],
    );

    await engine().getVolume(volume).remove();
    await tools.restore({ archive: file, volume, mode: 'new', labels: testLabels() });
    const after = await fingerprint(tracker, volume);
    assert.deepEqual(sortedEntries(after), sortedEntries(before));
  });

  void test('restore with replace removes what the archive does not have', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const source = await filledVolume();
    const expected = await fingerprint(tracker, source);
    const file = join(dir, 'replace.tar');
    await tools.backup({ volume: source, destination: file });

    const target = await createVolume(tracker);
    await fillVolume(tracker, target, [
      { name: 'extra', type: 'file', mode: 0o644, body: Buffer.from('stays only with merge') },
      { name: 'secret', type: 'file', mode: 0o644, body: Buffer.from('old') },
    ]);
    assert.equal(await tools.isEmpty(target), false);
    await tools.restore({ archive: file, volume: target, mode: 'replace' });
    assert.deepEqual(sortedEntries(await fingerprint(tracker, target)), sortedEntries(expected));
    const info = await engine().getVolume(target).inspect();
    assert.equal(info.Labels?.['berth.test'], testLabels()['berth.test'], 'labels survive the replace');
  });

  void test('restore with merge overwrites the same paths and keeps the others', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const source = await filledVolume();
    const expected = await fingerprint(tracker, source);
    const file = join(dir, 'merge.tar');
    await tools.backup({ volume: source, destination: file });

    const target = await createVolume(tracker);
    await fillVolume(tracker, target, [
      { name: 'extra', type: 'file', mode: 0o600, uid: 7, gid: 8, body: Buffer.from('kept') },
      { name: 'secret', type: 'file', mode: 0o644, body: Buffer.from('old') },
    ]);
    const extra = (await fingerprint(tracker, target)).get('extra');
    await tools.restore({ archive: file, volume: target, mode: 'merge' });
    const merged = await fingerprint(tracker, target);
    assert.deepEqual(merged.get('extra'), extra);
    merged.delete('extra');
    assert.deepEqual(sortedEntries(merged), sortedEntries(expected));
  });

  void test('clone copies contents and labels into a new volume', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const source = await filledVolume();
    const target = uniqueName('clone');
    await tools.clone(source, target);
    tracker.track('volume', target);
    assert.deepEqual(
      sortedEntries(await fingerprint(tracker, target)),
      sortedEntries(await fingerprint(tracker, source)),
    );
    const info = await engine().getVolume(target).inspect();
    assert.equal(info.Labels?.['berth.test'], testLabels()['berth.test']);
  });

  void test('clone refuses an existing or invalid name before touching the engine', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const source = await createVolume(tracker);
    await assert.rejects(tools.clone(source, source), /already exists/);
    await assert.rejects(tools.clone(source, '-bad'), /starts with a letter or digit/);
  });

  void test('backup of an empty volume, and restore of it, give an empty volume', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const volume = await createVolume(tracker);
    assert.equal(await tools.isEmpty(volume), true);
    const file = join(dir, 'empty.tar');
    const result = await tools.backup({ volume, destination: file });
    assert.equal(result.counts.entries, 1, 'only the root folder');
    const restored = uniqueName('restored');
    await tools.restore({ archive: file, volume: restored, mode: 'new', labels: testLabels() });
    tracker.track('volume', restored);
    assert.equal(await tools.isEmpty(restored), true);
  });
});
