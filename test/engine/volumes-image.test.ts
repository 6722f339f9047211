// Export Volume to Image and Import Volume from Image against the real engine: the image holds
// the volume's files in /volume-data with its label and tag, and comes back byte for byte with
// owners and modes; bad names never reach the engine, and no helper is left behind.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { pack } from 'tar-stream';
import { CancelledError } from '../../client/src/shared/failures';
import { exportedVolumeLabel, volumeImageFolder } from '../../client/src/volumes/core/volumeImage';
import { createVolume, engine, runId, testLabels, uniqueName } from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import { fillVolume, fingerprint, richFixture, sortedEntries } from './volumes-fixtures';
import { useVolumeToolsSuite } from './volumes-suite';

/** Images this run made: each carries the run's label (the tools add it, as to every helper). */
async function imagesOfThisRun(): Promise<string[]> {
  const images = await engine().listImages({ filters: { label: [`berth.test=${runId}`] } });
  return images.map((image) => image.Id);
}

void describe('volume to image and back', () => {
  const suite = useVolumeToolsSuite('berth-volume-image-');

  after(async () => {
    if (suite.reason) return;
    for (const id of await imagesOfThisRun()) await engine().getImage(id).remove({ force: true });
  });

  function imageName(): string {
    return `berth-test/volume-image-${runId}-${Math.random().toString(16).slice(2, 6)}`;
  }

  void test('export, then import into a new volume: identical files, owners and modes', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const source = await createVolume(suite.tracker);
    await fillVolume(suite.tracker, source, richFixture());
    const before = await fingerprint(suite.tracker, source);
    assert.equal(before.get('link')?.type, 'symlink', 'fixture has a symlink');
    assert.equal(before.get('dir/sub/deep.txt')?.owner, '70:71', 'fixture has owners in a subfolder');

    const name = imageName();
    let lastBytes = 0;
    const result = await suite.tools.exportToImage({
      volume: source,
      reference: `${name}:snap-1`,
      onProgress: (bytes) => (lastBytes = bytes),
    });
    assert.equal(result.reference, `${name}:snap-1`);
    assert.equal(result.counts.entries, before.size);
    assert.ok(lastBytes > 300_000, `progress reported ${lastBytes} bytes`);
    const image = await engine().getImage(`${name}:snap-1`).inspect();
    assert.equal(image.Id, result.imageId);
    assert.equal(image.Config.Labels?.[exportedVolumeLabel], source);
    assert.equal(image.Config.Labels?.['berth.test'], runId);

    const target = uniqueName('imported');
    suite.tracker.track('volume', target);
    await suite.tools.importFromImage({
      image: `${name}:snap-1`,
      volume: target,
      mode: 'new',
      labels: testLabels(),
    });
    assert.deepEqual(sortedEntries(await fingerprint(suite.tracker, target)), sortedEntries(before));
  });

  void test('import with replace into a volume that has other files leaves only the image’s', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const source = await createVolume(suite.tracker);
    await fillVolume(suite.tracker, source, [
      { name: './', type: 'directory', mode: 0o755 },
      { name: 'keep.txt', type: 'file', mode: 0o640, uid: 11, gid: 12, body: Buffer.from('from image') },
    ]);
    const expected = await fingerprint(suite.tracker, source);
    const name = `${imageName()}:latest`;
    await suite.tools.exportToImage({ volume: source, reference: name });

    const target = await createVolume(suite.tracker);
    await fillVolume(suite.tracker, target, [
      { name: './', type: 'directory', mode: 0o755 },
      { name: 'old.txt', type: 'file', mode: 0o644, body: Buffer.from('replaced') },
    ]);
    await suite.tools.importFromImage({ image: name, volume: target, mode: 'replace' });
    assert.deepEqual(sortedEntries(await fingerprint(suite.tracker, target)), sortedEntries(expected));
  });

  void test('a cancelled export makes no image and leaves no helper', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const source = await createVolume(suite.tracker);
    await fillVolume(suite.tracker, source, richFixture());
    const reference = `${imageName()}:cancelled`;
    const controller = new AbortController();
    await assert.rejects(
      suite.tools.exportToImage({
        volume: source,
        reference,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
      CancelledError,
    );
    await assert.rejects(engine().getImage(reference).inspect(), { statusCode: 404 });
  });

  void test('a bad image name is refused before anything reaches the engine', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const source = await createVolume(suite.tracker);
    const imagesBefore = await imagesOfThisRun();
    for (const [reference, expected] of [
      ['Backups/Data:1', /lower case: use "backups\/data:1"/],
      ['data:two words', /spaces/],
      ['data::1', /form name\[:tag\]/],
      ['data@sha256:' + 'a'.repeat(64), /digest/],
      ['', /Enter an image name/],
    ] as const) {
      await assert.rejects(suite.tools.exportToImage({ volume: source, reference }), expected, reference);
    }
    assert.deepEqual(await imagesOfThisRun(), imagesBefore, 'no image was made');
  });

  void test('an image without /volume-data is refused with a clear message', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    const archive = pack();
    archive.entry({ name: 'other/file', mode: 0o644 }, 'x');
    archive.finalize();
    const name = `${imageName()}:plain`;
    const answer = await engine().importImage(
      archive as unknown as NodeJS.ReadableStream,
      {
        repo: name.split(':')[0],
        tag: 'plain',
        changes: [`LABEL "berth.test"="${runId}"`],
      } as Record<string, unknown>,
    );
    await new Promise<void>((resolve, reject) =>
      engine().modem.followProgress(answer, (error: Error | null) => (error ? reject(error) : resolve())),
    );
    const target = uniqueName('never');
    await assert.rejects(
      suite.tools.importFromImage({ image: name, volume: target, mode: 'new', labels: testLabels() }),
      new RegExp(`has no /${volumeImageFolder} folder`),
    );
    assert.equal(await suite.tools.helpers.volumeExists(target), false, 'no volume was made');
  });

  void test('a missing image is told in the engine’s words', async (t) => {
    if (!requireOrSkip(t, !suite.reason, suite.reason ?? '')) return;
    await assert.rejects(
      suite.tools.importFromImage({
        image: `${imageName()}:missing`,
        volume: uniqueName('never'),
        mode: 'new',
        labels: testLabels(),
      }),
      /No such image/,
    );
  });
});
