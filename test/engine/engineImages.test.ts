// The client's answer to the server's EngineImagesRequest, against the real engine: the tagged
// images, split into repository and tag; nothing before the session is connected.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Docker from 'dockerode';
import { engineImages, fleetImages } from '../../client/src/lsp/engineImages';
import type { EngineSession } from '../../client/src/engine/live/contract';
import { engine, engineAvailable, runId, Tracker } from '../harness/engine';
import { commitTestImage, removeTestImage } from '../harness/images';

const tracker = new Tracker();
const repository = `localhost:5000/berth-images-${runId}`;
const image = `${repository}:2.1`;
let ready = false;

before(async () => {
  if (!(await engineAvailable())) return;
  // A name with a registry port: its `:` is not a tag.
  await commitTestImage(tracker, repository, '2.1');
  ready = true;
});

after(async () => {
  // The container it was committed from goes first: the engine keeps an image a container uses.
  await tracker.cleanup();
  await removeTestImage(image);
});

/** A session as the client's views see it: connected (its dockerode client) or not. */
function session(connected: boolean): EngineSession {
  return { docker: connected ? engine() : undefined } as EngineSession;
}

void test('a connected session lists the tagged images as repository and tag', async (t) => {
  if (!(await engineAvailable(t)) || !ready) return;
  const { images } = await engineImages(session(true));
  const ours = images.find((i) => i.repository === repository);
  assert.ok(ours, `${image} among ${images.length} images`);
  assert.equal(ours.tag, '2.1');
  assert.ok(ours.size > 0 && ours.created > 1_600_000_000);
  assert.ok(images.every((i) => i.repository !== '<none>' && !i.tag.includes('/')));
});

void test('before the session connects there are no images, and no request is made', async () => {
  assert.deepEqual(await engineImages(session(false)), { images: [] });
});

void test('several engines: each image names the engines holding it; one that cannot answer is reported, the others still complete', async (t) => {
  if (!(await engineAvailable(t)) || !ready) return;
  const unreachable = {
    docker: new Docker({ socketPath: `/nonexistent/berth-${runId}.sock` }),
  } as EngineSession;
  const failures: string[] = [];
  const { images } = await fleetImages(
    [
      { label: 'local', session: session(true) },
      { label: 'gone', session: unreachable },
      { label: 'again', session: session(true) },
    ],
    (label, error) => failures.push(`${label}: ${error instanceof Error ? error.message : String(error)}`),
  );
  const ours = images.filter((i) => i.repository === repository);
  assert.equal(ours.length, 1, 'one item for the image both engines hold');
  assert.deepEqual(ours[0].engines, ['local', 'again']);
  assert.equal(failures.length, 1);
  assert.match(failures[0], /^gone: .*ENOENT/);
});
