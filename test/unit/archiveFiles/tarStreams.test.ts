import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { extract, pack, type Header } from 'tar-stream';
import { ArchiveRejectedError } from '../../../client/src/archiveFiles/core/archiveRules';
import { decodeGoMode, insideRoot } from '../../../client/src/archiveFiles/core/archive';
import { wantsGzip } from '../../../client/src/volumes/core/backup';
import { volumeNameProblem } from '../../../client/src/volumes/core/names';
import { cleanPath } from '../../../client/src/archiveFiles/core/paths';
import {
  countTar,
  openArchive,
  rebaseTar,
  scanArchive,
} from '../../../client/src/archiveFiles/core/tarStreams';

type Entry = Partial<Header> & { name: string; body?: string };

async function tarBytes(entries: Entry[]): Promise<Buffer> {
  const archive = pack();
  for (const { body, ...header } of entries) {
    if (body !== undefined) archive.entry(header, body);
    else archive.entry(header);
  }
  archive.finalize();
  return buffer(archive);
}

async function headers(bytes: Buffer): Promise<{ header: Header; body: string }[]> {
  const reader = extract();
  Readable.from([bytes]).pipe(reader);
  const out: { header: Header; body: string }[] = [];
  for await (const entry of reader)
    out.push({ header: entry.header, body: (await buffer(entry)).toString() });
  return out;
}

const sample: Entry[] = [
  { name: './', type: 'directory', mode: 0o755 },
  { name: './a.txt', mode: 0o4755, uid: 7, gid: 8, body: 'hello' },
  { name: './h', type: 'link', linkname: './a.txt' },
  { name: './l', type: 'symlink', linkname: 'a.txt' },
  { name: './d/', type: 'directory', mode: 0o700 },
  { name: `./d/${'n'.repeat(150)}`, body: 'long' },
];

void test('rebaseTar moves names and hard-link targets under the root, keeping bodies and modes', async () => {
  const out = await headers(await buffer(rebaseTar(Readable.from([await tarBytes(sample)]), 'v')));
  assert.deepEqual(
    out.map((e) => e.header.name),
    ['v', 'v/a.txt', 'v/h', 'v/l', 'v/d', `v/d/${'n'.repeat(150)}`],
  );
  assert.equal(out[1].body, 'hello');
  assert.equal(out[1].header.mode & 0o7777, 0o4755);
  assert.equal(out[1].header.uid, 7);
  assert.equal(out[2].header.linkname, 'v/a.txt', 'hard link target follows the entry');
  assert.equal(out[3].header.linkname, 'a.txt', 'symlink target stays as written');
  assert.equal(out[5].body, 'long');
});

void test('scanArchive counts a .tar.gz by content and rejects the first bad entry', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'berth-unit-'));
  try {
    const good = join(dir, 'good.bin');
    await writeFile(good, gzipSync(await tarBytes(sample)));
    const scanned = await scanArchive(await openArchive(good));
    assert.deepEqual(scanned.counts, {
      entries: 6,
      files: 2,
      directories: 2,
      symlinks: 1,
      hardlinks: 1,
      bytes: 9,
    });
    assert.deepEqual(await countTar(await openArchive(good)), scanned.counts);

    const bad = join(dir, 'bad.tar');
    await writeFile(
      bad,
      await tarBytes([...sample, { name: '../../escape', body: 'x' }, { name: 'later', body: 'y' }]),
    );
    await assert.rejects(scanArchive(await openArchive(bad)), (error: unknown) => {
      assert.ok(error instanceof ArchiveRejectedError);
      assert.equal(error.problem.entry, '../../escape');
      return true;
    });

    const corrupt = join(dir, 'corrupt.tar.gz');
    await writeFile(corrupt, gzipSync(await tarBytes(sample)).subarray(0, 40));
    await assert.rejects(scanArchive(await openArchive(corrupt)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

void test('the engine path-stat mode decodes Go file-mode bits', () => {
  assert.deepEqual(decodeGoMode(2 ** 31 + 0o755), { kind: 'directory', mode: 0o755 });
  assert.deepEqual(decodeGoMode(134218239), { kind: 'symlink', mode: 0o777 });
  assert.deepEqual(decodeGoMode(2 ** 23 + 0o755), { kind: 'file', mode: 0o4755 });
  assert.deepEqual(decodeGoMode(2 ** 31 + 2 ** 20 + 0o777), { kind: 'directory', mode: 0o1777 });
  assert.equal(decodeGoMode(2 ** 26 + 0o600).kind, 'other');
  const volume = { base: 'v' };
  assert.equal(insideRoot(volume, '/v/a/b'), 'a/b');
  assert.equal(insideRoot(volume, '/v'), '');
  assert.equal(insideRoot(volume, '/etc/passwd'), undefined);
  assert.equal(insideRoot(volume, '/vx/a'), undefined);
  assert.equal(insideRoot({ base: '' }, '/etc/passwd'), 'etc/passwd', "a container's root holds every path");
});

void test('volume names and browse paths are checked before the engine sees them', () => {
  assert.equal(volumeNameProblem('pg_data-1.2'), undefined);
  assert.match(volumeNameProblem('') ?? '', /Enter/);
  assert.match(volumeNameProblem('a') ?? '', /2 characters/);
  assert.match(volumeNameProblem('-x') ?? '', /starts with a letter/);
  assert.match(volumeNameProblem('a b') ?? '', /only letters/);
  assert.equal(cleanPath('/a/./b/'), 'a/b');
  assert.throws(() => cleanPath('a/../../x'), /climbs out/);
  assert.equal(wantsGzip('x.tar.gz'), true);
  assert.equal(wantsGzip('x.TGZ'), true);
  assert.equal(wantsGzip('x.tar'), false);
});
