// Berth's helpers never pose as the user's: the model leaves helper containers and scratch volumes
// out, and the sweep removes only helpers whose owning process is gone, on one engine shared by
// two windows.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { after, afterEach, before, describe, test } from 'node:test';
import type Docker from 'dockerode';
import { AliasCache, loadSnapshot } from '../../client/src/engine/model/loader';
import type { EngineInfo } from '../../client/src/engine/model/snapshot';
import { processStartSeconds } from '../../client/src/volumes/core/helperOwner';
import { VolumeTools } from '../../client/src/volumes/core/tools';
import { createContainer, createVolume, ensureTestImage, testLabels, Tracker } from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import { connectCounted } from './connectCounted';
import { leftovers } from './volumes-fixtures';

void describe("Berth's helpers in the model and the sweep", () => {
  const tracker = new Tracker();
  let reason: string | undefined;
  let docker: Docker;
  let info: EngineInfo;
  let tools: VolumeTools;
  let volume: string;
  let userId: string;
  const children: ChildProcess[] = [];

  before(async () => {
    const live = await connectCounted({ count: 0 });
    if (!live.ok) {
      reason = live.reason;
      return;
    }
    ({ docker, info } = live);
    await ensureTestImage();
    tools = new VolumeTools(docker, { labels: testLabels(), browseIdleMs: 60_000 });
    volume = await createVolume(tracker);
    userId = (
      await createContainer(tracker, {
        networkMode: 'none',
        volumes: [{ name: volume, destination: '/data' }],
      })
    ).id;
  });

  afterEach(async () => {
    if (reason) return;
    await tools.dispose();
    assert.deepEqual(await leftovers(), [], 'helper containers or temporary volumes left behind');
  });

  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await tracker.cleanup();
  });

  void test('a helper browsing a volume is neither a container, a user of the volume nor on a network', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    await tools.list(volume, '');
    const helpers = await leftovers();
    assert.equal(helpers.length, 1, 'the browse helper exists while the model loads');
    const staging = await tools.helpers.createTempVolume('staging', volume);
    const rollback = await tools.helpers.createTempVolume('rollback', volume);
    try {
      const { snapshot } = await loadSnapshot(docker, info, new AliasCache());
      const names = [...snapshot.containers.values()].map((c) => c.name);
      assert.ok(!names.some((name) => name.startsWith('berth-volume-helper-')), names.join(', '));
      assert.ok(snapshot.containers.has(userId));
      assert.deepEqual(
        snapshot.volumes.get(volume)?.usedBy.map((use) => use.containerId),
        [userId],
        "only the user's container uses the volume",
      );
      const none = [...snapshot.networks.values()].find((network) => network.name === 'none');
      assert.deepEqual(
        none?.endpoints.filter((endpoint) => !snapshot.containers.has(endpoint.containerId)),
        [],
        'every endpoint on "none" belongs to a container of the model',
      );
      assert.equal(snapshot.volumes.has(staging), false, 'a staging volume is a tool');
      assert.equal(snapshot.volumes.has(rollback), true, 'a rollback volume may hold the only copy of data');
    } finally {
      await tools.helpers.removeVolume(staging);
      await tools.helpers.removeVolume(rollback);
    }
  });

  async function otherWindow(): Promise<{ child: ChildProcess; owner: string }> {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], { stdio: 'ignore' });
    children.push(child);
    await once(child, 'spawn');
    const pid = child.pid as number;
    const start = processStartSeconds(pid);
    return { child, owner: [hostname(), pid, ...(start === undefined ? [] : [start])].join('/') };
  }

  async function helperOwnedBy(owner: string): Promise<Docker.Container> {
    return createContainer(tracker, {
      labels: { 'berth.helper': 'volume', 'berth.helper.owner': owner },
      volumes: [{ name: volume, destination: '/v' }],
    });
  }

  void test("two windows on one engine: a live window's helper stays, a dead one's goes", async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const window = await otherWindow();
    const live = await helperOwnedBy(window.owner);
    assert.equal((await tools.sweep()).containers, 0);
    assert.equal((await live.inspect()).State.Status, 'created', "the other window's helper is kept");
    window.child.kill('SIGKILL');
    await once(window.child, 'exit');
    assert.equal((await tools.sweep()).containers, 1);
    await assert.rejects(live.inspect(), /no such container/i);
  });

  void test('a process id reused by another process does not keep a dead owner alive', async (t) => {
    if (!requireOrSkip(t, !reason, reason ?? '')) return;
    const window = await otherWindow();
    const [host, pid, start] = window.owner.split('/');
    if (!requireOrSkip(t, start !== undefined, 'process start times need /proc (Linux)')) return;
    const reused = await helperOwnedBy(`${host}/${pid}/${Number(start) - 3600}`);
    const mine = await helperOwnedBy(`${host}/${process.pid}/${processStartSeconds('self')}`);
    assert.equal((await tools.sweep()).containers, 1);
    await assert.rejects(reused.inspect(), /no such container/i);
    assert.equal((await mine.inspect()).State.Status, 'created', "this process's own helper is kept");
    await mine.remove({ force: true });
  });
});
