import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  Tracker,
  createContainer,
  createNetwork,
  createVolume,
  engine,
  engineAvailable,
  ensureTestImage,
  runId,
  testImage,
} from '../harness/engine';

const tracker = new Tracker();
after(() => tracker.cleanup());

void test('the offline busybox image runs and the tracker removes only what the run made', async (t) => {
  if (!(await engineAvailable(t))) return;
  assert.equal(await ensureTestImage(), testImage);
  const image = await engine().getImage(testImage).inspect();
  assert.equal(image.Config.Labels?.['berth.test.image'], 'busybox');

  const network = await createNetwork(tracker);
  const volume = await createVolume(tracker);
  const container = await createContainer(tracker, {
    start: true,
    networkMode: network.name,
    volumes: [{ name: volume, destination: '/data' }],
  });
  const info = await container.inspect();
  assert.equal(info.State.Running, true);
  assert.equal(info.Config.Labels['berth.test'], runId);
  assert.ok(network.subnet?.startsWith('10.213.'));

  await tracker.cleanup();
  await assert.rejects(container.inspect(), { statusCode: 404 });
  await assert.rejects(engine().getNetwork(network.id).inspect(), { statusCode: 404 });
  await assert.rejects(engine().getVolume(volume).inspect(), { statusCode: 404 });
});
