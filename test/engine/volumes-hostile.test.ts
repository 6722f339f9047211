// Hostile archives and cancels against the real engine: a rejected, failed or cancelled restore
// leaves the target exactly as it was, and leaves no helper or temporary volume behind.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { describe, test } from 'node:test';
import { pack, type Header } from 'tar-stream';
import { ArchiveRejectedError } from '../../client/src/archiveFiles/core/archiveRules';
import { CancelledError } from '../../client/src/shared/failures';
import type { RestoreMode } from '../../client/src/volumes/core/restore';
import { createVolume, testLabels, uniqueName } from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import {
  fillVolume,
  fingerprint,
  richFixture,
  sortedEntries,
  tarOf,
  type FixtureEntry,
} from './volumes-fixtures';
import { useVolumeToolsSuite } from './volumes-suite';

type RawEntry = Partial<Header> & { name: string; body?: Buffer };

async function writeTar(path: string, entries: RawEntry[]): Promise<void> {
  const archive = pack();
  for (const { body, ...header } of entries) {
    if (body) archive.entry(header, body);
    else archive.entry(header);
  }
  archive.finalize();
  await pipeline(archive, createWriteStream(path));
}

const file = (name: string, text = 'x'): RawEntry & FixtureEntry => ({
  name,
  type: 'file',
  mode: 0o644,
  body: Buffer.from(text),
});

const hostile: { what: string; entries: RawEntry[]; entry: string; reason: RegExp }[] = [
  { what: 'a ".." path', entries: [file('ok'), file('../x')], entry: '../x', reason: /"\.\."/ },
  { what: 'a nested ".." path', entries: [file('a/../../x')], entry: 'a/../../x', reason: /"\.\."/ },
  { what: 'an absolute path', entries: [file('/etc/passwd')], entry: '/etc/passwd', reason: /absolute path/ },
  {
    what: 'a symlink to /',
    entries: [{ name: 'root', type: 'symlink', linkname: '/' }],
    entry: 'root',
    reason: /absolute path "\/"/,
  },
  {
    what: 'a symlink climbing out',
    entries: [{ name: 'd/up', type: 'symlink', linkname: '../../etc' }],
    entry: 'd/up',
    reason: /outside the volume/,
  },
  {
    what: 'a symlink escaping through another symlink',
    entries: [
      { name: 'd', type: 'directory', mode: 0o755 },
      { name: 'd/top', type: 'symlink', linkname: '..' },
      { name: 'sneaky', type: 'symlink', linkname: 'd/top/..' },
    ],
    entry: 'sneaky',
    reason: /outside the volume/,
  },
  {
    what: 'a file written through a symlink',
    entries: [{ name: 'l', type: 'symlink', linkname: 'd' }, file('l/x')],
    entry: 'l/x',
    reason: /under the symbolic link "l"/,
  },
  {
    what: 'a hard link outside',
    entries: [{ name: 'h', type: 'link', linkname: '../../etc/passwd' }],
    entry: 'h',
    reason: /hard link/,
  },
  {
    what: 'a hard link to nothing in the archive',
    entries: [{ name: 'h', type: 'link', linkname: 'missing' }],
    entry: 'h',
    reason: /not a file earlier in the archive/,
  },
  {
    what: 'a character device',
    entries: [
      file('fine'),
      { name: 'null', type: 'character-device', mode: 0o666, devmajor: 1, devminor: 3 },
    ],
    entry: 'null',
    reason: /character device/,
  },
  {
    what: 'a block device',
    entries: [{ name: 'sda', type: 'block-device', mode: 0o660, devmajor: 8, devminor: 0 }],
    entry: 'sda',
    reason: /block device/,
  },
  { what: 'a FIFO', entries: [{ name: 'pipe', type: 'fifo', mode: 0o644 }], entry: 'pipe', reason: /FIFO/ },
];

void describe('volume restore under attack and cancel', () => {
  const suite = useVolumeToolsSuite('berth-hostile-');

  void test('rejects every hostile archive, naming the entry, and changes nothing', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const target = await createVolume(suite.tracker);
    await fillVolume(suite.tracker, target, [file('keep', 'original')]);
    const before = await fingerprint(suite.tracker, target);
    for (const [index, sample] of hostile.entries()) {
      await t.test(sample.what, async () => {
        const archive = join(suite.dir, `hostile-${index}.tar`);
        await writeTar(archive, sample.entries);
        for (const mode of ['merge', 'replace'] as RestoreMode[]) {
          await assert.rejects(suite.tools.restore({ archive, volume: target, mode }), (error: unknown) => {
            assert.ok(error instanceof ArchiveRejectedError, String(error));
            assert.equal(error.problem.entry, sample.entry);
            assert.match(error.problem.reason, sample.reason);
            assert.ok(error.message.includes(`"${sample.entry}"`));
            return true;
          });
        }
        const fresh = uniqueName('never');
        await assert.rejects(
          suite.tools.restore({ archive, volume: fresh, mode: 'new' }),
          ArchiveRejectedError,
        );
        assert.equal(
          await suite.tools.helpers.volumeExists(fresh),
          false,
          'no volume created for a rejected archive',
        );
      });
    }
    assert.deepEqual(sortedEntries(await fingerprint(suite.tracker, target)), sortedEntries(before));
  });

  let big: string | undefined;
  async function bigArchive(): Promise<string> {
    if (big) return big;
    const path = join(suite.dir, 'big.tar');
    const entries = [
      ...richFixture(),
      { name: 'big.bin', type: 'file' as const, mode: 0o644, body: randomBytes(32 << 20) },
    ];
    await pipeline(tarOf(entries), createWriteStream(path));
    big = path;
    return path;
  }

  for (const mode of ['merge', 'replace'] as RestoreMode[]) {
    void test(`cancel while uploading (${mode}) leaves the target as it was`, async (t) => {
      if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
      const target = await createVolume(suite.tracker);
      await fillVolume(suite.tracker, target, [file('keep', 'original'), file('big.bin', 'small')]);
      const before = await fingerprint(suite.tracker, target);
      const controller = new AbortController();
      let cancelledAt = 0;
      const restoring = suite.tools.restore({
        archive: await bigArchive(),
        volume: target,
        mode,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'uploading' && p.bytes > 4 << 20 && !controller.signal.aborted) {
            cancelledAt = p.bytes;
            controller.abort();
          }
        },
      });
      await assert.rejects(restoring, CancelledError);
      assert.ok(cancelledAt > 0 && cancelledAt < 32 << 20, `cancelled mid-upload at ${cancelledAt} bytes`);
      assert.deepEqual(sortedEntries(await fingerprint(suite.tracker, target)), sortedEntries(before));
    });

    void test(`cancel while applying (${mode}) rolls the target back`, async (t) => {
      if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
      const target = await createVolume(suite.tracker);
      await fillVolume(suite.tracker, target, richFixture().slice(0, 8));
      const before = await fingerprint(suite.tracker, target);
      const controller = new AbortController();
      const phases: string[] = [];
      const restoring = suite.tools.restore({
        archive: await bigArchive(),
        volume: target,
        mode,
        signal: controller.signal,
        onProgress: (p) => {
          if (phases.at(-1) !== p.phase) phases.push(p.phase);
          if (p.phase === 'applying') controller.abort();
        },
      });
      await assert.rejects(restoring, CancelledError);
      assert.deepEqual(phases, ['checking', 'uploading', 'saving', 'applying', 'rolling back']);
      assert.deepEqual(sortedEntries(await fingerprint(suite.tracker, target)), sortedEntries(before));
    });
  }

  void test('a new volume is removed again when its restore is cancelled', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const controller = new AbortController();
    const volume = uniqueName('cancelled');
    const restoring = suite.tools.restore({
      archive: await bigArchive(),
      volume,
      mode: 'new',
      labels: testLabels(),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'uploading' && p.bytes > 1 << 20) controller.abort();
      },
    });
    await assert.rejects(restoring, CancelledError);
    assert.equal(await suite.tools.helpers.volumeExists(volume), false);
  });

  void test('a cancelled backup leaves no file, partial or final', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const volume = await createVolume(suite.tracker);
    await fillVolume(suite.tracker, volume, [file('big.bin', randomBytes(32 << 20).toString('base64'))]);
    const controller = new AbortController();
    const destination = join(suite.dir, 'cancelled.tar.gz');
    await assert.rejects(
      suite.tools.backup({
        volume,
        destination,
        signal: controller.signal,
        onProgress: (bytes) => {
          if (bytes > 1 << 20) controller.abort();
        },
      }),
      CancelledError,
    );
    assert.deepEqual(
      (await readdir(suite.dir)).filter((name) => name.startsWith('cancelled')),
      [],
    );
  });

  void test('replace is refused up front while a container uses the volume', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const target = await createVolume(suite.tracker);
    const archive = join(suite.dir, 'small.tar');
    await writeTar(archive, [file('a')]);
    const { createContainer } = await import('../harness/engine');
    const user = await createContainer(suite.tracker, { volumes: [{ name: target, destination: '/data' }] });
    const name = (await user.inspect()).Name.replace(/^\//, '');
    await assert.rejects(
      suite.tools.restore({ archive, volume: target, mode: 'replace' }),
      new RegExp(`used by ${name}.*restore with Merge`),
    );
    await user.remove({ force: true });
  });
});
