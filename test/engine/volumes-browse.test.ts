// Browsing a volume through never-started helpers, the helper image Berth imports when the engine
// has none, and the sweep of helpers left by Berth processes that died.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { after, afterEach, before, describe, test } from 'node:test';
import { NotAFileError } from '../../client/src/archiveFiles/core/errors';
import { PathNotFoundError } from '../../client/src/archiveFiles/core/archive';
import { Helpers, importHelperImage } from '../../client/src/volumes/core/helpers';
import { VolumeTools } from '../../client/src/volumes/core/tools';
import {
  createContainer,
  createVolume,
  engine,
  engineUnavailableReason,
  ensureTestImage,
  runId,
  testLabels,
  Tracker,
  uniqueName,
} from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import { fillVolume, leftovers, richFixture } from './volumes-fixtures';

void describe('volume browsing and helpers', () => {
  const tracker = new Tracker();
  let reason: string | undefined;
  let tools: VolumeTools;
  let volume: string;

  before(async () => {
    reason = await engineUnavailableReason();
    if (reason) return;
    await ensureTestImage();
    tools = new VolumeTools(engine(), { labels: testLabels(), browseIdleMs: 60_000 });
    volume = await createVolume(tracker);
    await fillVolume(tracker, volume, richFixture());
  });

  afterEach(async () => {
    if (reason) return;
    await tools.dispose();
    assert.deepEqual(await leftovers(), [], 'helper containers or temporary volumes left behind');
  });

  after(() => tracker.cleanup());

  void test('lists one folder level with kinds, modes, owners and link targets', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const root = await tools.list(volume, '/');
    assert.equal(root.truncated, false);
    const byName = new Map(root.entries.map((e) => [e.name, e]));
    assert.deepEqual(
      root.entries.map((e) => e.name),
      [...byName.keys()].sort((a, b) => a.localeCompare(b)),
    );
    assert.ok(!byName.has('deep.txt') && !byName.has('sub'), 'only direct children');
    assert.equal(byName.get('dir')?.kind, 'directory');
    assert.equal(byName.get('empty')?.kind, 'directory');
    assert.equal(byName.get('bin.dat')?.kind, 'file');
    assert.equal(byName.get('bin.dat')?.size, 300_000);
    assert.equal(byName.get('bin.dat')?.uid, 1000);
    assert.equal((byName.get('secret')?.mode ?? 0) & 0o7777, 0o600);
    assert.equal(byName.get('link')?.kind, 'symlink');
    assert.equal(byName.get('link')?.linkTarget, 'dir/sub/deep.txt');
    const nested = await tools.list(volume, 'dir');
    assert.deepEqual(
      nested.entries.map((e) => e.path),
      ['dir/sub', 'dir/up'],
    );
    assert.deepEqual((await tools.list(volume, 'empty')).entries, []);
    const capped = await tools.list(volume, '', 3);
    assert.equal(capped.truncated, true);
    assert.equal(capped.entries.length, 3);
  });

  void test('stats files, folders and links; a missing path is reported as such', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    assert.equal((await tools.stat(volume, '')).kind, 'directory');
    const suid = await tools.stat(volume, 'suid');
    assert.equal(suid.kind, 'file');
    assert.equal(suid.mode, 0o4755);
    const link = await tools.stat(volume, 'link');
    assert.equal(link.kind, 'symlink');
    assert.equal(link.linkTarget, 'dir/sub/deep.txt');
    await assert.rejects(tools.stat(volume, 'no/such/file'), PathNotFoundError);
    await assert.rejects(tools.stat(volume, '../etc'), /climbs out of its folder/);
  });

  void test('reads files byte for byte, through symlinks, and refuses folders', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const fixture = richFixture();
    const bin = fixture.find((e) => e.name === 'bin.dat')?.body;
    assert.ok(bin);
    assert.ok((await tools.readFile(volume, 'bin.dat')).equals(bin));
    assert.equal((await tools.readFile(volume, 'link')).toString(), 'deep\n');
    assert.equal((await tools.readFile(volume, 'dir/up')).toString(), 's3cr3t');
    assert.equal((await tools.readFile(volume, '数据/文件.txt')).toString(), '中文内容');
    assert.equal((await tools.readFile(volume, 'zero')).length, 0);
    await assert.rejects(tools.readFile(volume, 'dir'), NotAFileError);
    await assert.rejects(tools.readFile(volume, 'dangling'), PathNotFoundError);
  });

  void test('one cached helper serves many reads and is gone after release', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    await Promise.all([tools.list(volume, ''), tools.stat(volume, 'dir'), tools.readFile(volume, 'secret')]);
    assert.equal((await leftovers()).length, 1, 'one helper for the volume');
    await tools.release(volume);
    assert.deepEqual(await leftovers(), []);
  });

  void test('browsing a volume that does not exist fails and does not create it', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const missing = uniqueName('missing');
    await assert.rejects(tools.list(missing, ''), /no such volume/i);
    assert.equal(await tools.helpers.volumeExists(missing), false);
  });

  void test('the imported helper image is enough to create a helper, offline', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const reference = `berth-test/volume-helper-${runId}:1`;
    const id = await importHelperImage(engine(), reference, testLabels());
    try {
      const image = await engine().getImage(id).inspect();
      assert.equal(image.Config.Labels?.['berth.helper'], 'image');
      assert.ok(image.Size < 4096, `image is ${image.Size} bytes`);
      const helpers = new Helpers(engine(), { labels: testLabels() });
      const helper = await engine().createContainer({
        Image: id,
        Cmd: ['/berth-volume-helper'],
        Labels: helpers.labels('volume'),
        HostConfig: { Mounts: [{ Type: 'volume', Source: volume, Target: '/v', ReadOnly: true }] },
      });
      try {
        const stat = (await helper.infoArchive({ path: '/v/secret' })) as IncomingMessage;
        // Consumed, or its keep-alive socket stays attached and the test process never exits.
        stat.resume();
        assert.ok(stat.headers['x-docker-container-path-stat']);
      } finally {
        await helpers.removeContainer(helper);
      }
    } finally {
      await engine().getImage(id).remove({ force: true });
    }
  });

  void test('the sweep removes helpers of dead Berth processes and keeps live ones', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const labels = { 'berth.helper': 'volume', 'berth.helper.owner': `${hostname()}/${dead}` };
    const stale = await createContainer(tracker, { labels, volumes: [{ name: volume, destination: '/v' }] });
    const live = await createContainer(tracker, {
      labels: { ...labels, 'berth.helper.owner': `${hostname()}/${process.pid}` },
    });
    const staging = uniqueName('staging');
    await engine().createVolume({
      Name: staging,
      Labels: { ...labels, 'berth.helper': 'staging', ...testLabels() },
    });
    tracker.track('volume', staging);
    const result = await tools.sweep();
    assert.equal(result.containers, 1);
    assert.equal(result.stagingVolumes, 1);
    await assert.rejects(stale.inspect(), /no such container/i);
    assert.equal((await live.inspect()).State.Status, 'created');
    await live.remove({ force: true });
    assert.equal(await tools.helpers.volumeExists(staging), false);
  });
});
