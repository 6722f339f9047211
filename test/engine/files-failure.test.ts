// A failed write leaves the old content: uploads cut part-way by a relay in front of the engine
// (as a network or a crash would cut them) never leave half a file, a scratch file or a staging
// folder. Hostile names and links that lead out of a volume are refused, most of them before a
// single request reaches the engine.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import Docker from 'dockerode';
import { PathRefusedError } from '../../client/src/archiveFiles/core/errors';
import { VolumeTools } from '../../client/src/volumes/core/tools';
import {
  createVolume,
  engineUnavailableReason,
  ensureTestImage,
  testLabels,
  Tracker,
} from '../harness/engine';
import { EngineProxy } from '../harness/engineProxy';
import { requireOrSkip } from '../harness/require';
import { connectCounted } from './connectCounted';
import {
  binaryBody,
  fillVolume,
  fingerprint,
  leftovers,
  richFixture,
  sortedEntries,
} from './volumes-fixtures';

void describe('volume files: failures halfway and hostile names', () => {
  const tracker = new Tracker();
  const proxy = new EngineProxy();
  let reason: string | undefined;
  let tools: VolumeTools;
  let dir = '';

  before(async () => {
    reason = await engineUnavailableReason();
    if (reason) return;
    await ensureTestImage();
    await proxy.start();
    tools = new VolumeTools(new Docker({ socketPath: proxy.socketPath }), {
      labels: testLabels(),
      browseIdleMs: 100,
    });
    dir = await mkdtemp(join(tmpdir(), 'berth-files-failure-'));
  });

  afterEach(async () => {
    if (reason) return;
    await tools.dispose();
    assert.deepEqual(await leftovers(), [], 'helper containers or temporary volumes left behind');
  });

  after(async () => {
    await proxy.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
    await tracker.cleanup();
  });

  async function filledVolume(): Promise<string> {
    const volume = await createVolume(tracker);
    await fillVolume(tracker, volume, richFixture());
    return volume;
  }

  void test('an upload cut halfway through the new content leaves the old file whole', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const volume = await filledVolume();
    const before = await fingerprint(tracker, volume);
    const cut = proxy.cutArchiveUpload(1_000_000);
    await assert.rejects(
      tools.files.writeFile(volume, 'bin.dat', binaryBody(4_000_000), { create: false, overwrite: true }),
    );
    await cut;
    assert.deepEqual(sortedEntries(await fingerprint(tracker, volume)), sortedEntries(before));
  });

  void test('a cut while the new content is moved into place changes nothing either', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const volume = await filledVolume();
    const before = await fingerprint(tracker, volume);
    // The first upload (the scratch file) passes; the link that would replace the file is cut
    // before its header is complete.
    const cut = proxy.cutArchiveUpload(100, 1);
    await assert.rejects(
      tools.files.writeFile(volume, 'secret', Buffer.from('never seen'), { create: false, overwrite: true }),
    );
    await cut;
    assert.deepEqual(sortedEntries(await fingerprint(tracker, volume)), sortedEntries(before));
  });

  void test('an upload of a folder cut halfway adds nothing to the volume', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const volume = await filledVolume();
    const before = await fingerprint(tracker, volume);
    const local = join(dir, 'site');
    await mkdir(join(local, 'assets'), { recursive: true });
    await writeFile(join(local, 'index.html'), '<h1>hi</h1>');
    await writeFile(join(local, 'assets', 'big.bin'), binaryBody(3_000_000));
    const cut = proxy.cutArchiveUpload(800_000);
    await assert.rejects(tools.files.upload(volume, 'dir', [{ path: local }], { overwrite: false }));
    await cut;
    assert.deepEqual(sortedEntries(await fingerprint(tracker, volume)), sortedEntries(before));
  });

  void test('"..", and local links that lead out of the volume, are refused before any request', async (t) => {
    const live = await connectCounted({ count: 0 });
    if (!requireOrSkip(t, live.ok, live.ok ? '' : live.reason) || !live.ok) return;
    const counter = { count: 0 };
    const counted = await connectCounted(counter);
    assert.ok(counted.ok);
    const direct = new VolumeTools(counted.docker, { labels: testLabels() });
    const local = join(dir, 'hostile');
    await mkdir(local, { recursive: true });
    await writeFile(join(local, 'ok.txt'), 'fine');
    await symlink('/etc/passwd', join(local, 'passwd'));
    const climbing = join(dir, 'climbing');
    await mkdir(climbing, { recursive: true });
    await symlink('../../../../outside', join(climbing, 'up'));
    const start = counter.count;
    const volume = 'any-volume';
    const content = Buffer.from('x');
    const attempts: [string, () => Promise<unknown>][] = [
      [
        'write ../x',
        () => direct.files.writeFile(volume, '../x', content, { create: true, overwrite: true }),
      ],
      [
        'write a/../../x',
        () => direct.files.writeFile(volume, 'a/../../x', content, { create: true, overwrite: true }),
      ],
      ['folder ../../etc', () => direct.files.createFolder(volume, '../../etc')],
      ['rename to ../x', () => direct.files.rename(volume, 'a', '../x', false)],
      ['delete ..', () => direct.files.remove(volume, '..')],
      ['read ../../etc/passwd', () => direct.files.readFile(volume, '../../etc/passwd')],
      [
        'upload a link to /etc/passwd',
        () => direct.files.upload(volume, '', [{ path: local }], { overwrite: false }),
      ],
      [
        'upload a link climbing out',
        () => direct.files.upload(volume, 'a', [{ path: climbing }], { overwrite: false }),
      ],
      [
        'upload named ..',
        () => direct.files.upload(volume, '', [{ name: '..', data: content }], { overwrite: false }),
      ],
      [
        'upload named /etc/x',
        () => direct.files.upload(volume, '', [{ name: '/etc/x', data: content }], { overwrite: false }),
      ],
    ];
    for (const [what, attempt] of attempts)
      await assert.rejects(attempt(), (error: unknown) => {
        assert.ok(error instanceof PathRefusedError, `${what}: ${String(error)}`);
        assert.ok(error.message.length > 20, `${what} says why: ${error.message}`);
        return true;
      });
    assert.equal(counter.count - start, 0, 'no request reached the engine');
    await direct.dispose();
  });

  void test('links in the volume that lead outside are not written or read through', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const volume = await createVolume(tracker);
    await fillVolume(tracker, volume, [
      { name: './', type: 'directory', mode: 0o755 },
      { name: 'escape', type: 'symlink', mode: 0o777, linkname: '/etc' },
      { name: 'up', type: 'symlink', mode: 0o777, linkname: '../..' },
      { name: 'passwd', type: 'symlink', mode: 0o777, linkname: '/etc/passwd' },
    ]);
    const before = await fingerprint(tracker, volume);
    const content = Buffer.from('owned');
    const options = { create: true, overwrite: true };
    await assert.rejects(tools.files.writeFile(volume, 'escape/passwd', content, options), PathRefusedError);
    await assert.rejects(tools.files.writeFile(volume, 'up/etc/x', content, options), PathRefusedError);
    await assert.rejects(tools.files.writeFile(volume, 'passwd', content, options), PathRefusedError);
    await assert.rejects(tools.files.readFile(volume, 'passwd'), PathRefusedError);
    await assert.rejects(tools.files.createFolder(volume, 'escape/new'), PathRefusedError);
    await assert.rejects(
      tools.files.upload(volume, 'escape', [{ name: 'x', data: content }], { overwrite: true }),
      PathRefusedError,
    );
    assert.deepEqual(sortedEntries(await fingerprint(tracker, volume)), sortedEntries(before));
  });
});
