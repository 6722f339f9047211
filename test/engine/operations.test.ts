import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type Docker from 'dockerode';
import { AliasCache, loadAliases, loadSnapshot } from '../../client/src/engine/model/loader';
import type { EngineInfo, Snapshot } from '../../client/src/engine/model/snapshot';
import { EngineOperationError, ValidationError } from '../../client/src/engine/operations/engineCall';
import {
  connectContainer,
  createNetwork,
  disconnectContainer,
  previewNetworkPrune,
  pruneNetworks,
  removeNetwork,
} from '../../client/src/engine/operations/networks';
import {
  createVolume,
  previewVolumePrune,
  pruneVolumes,
  removeVolume,
} from '../../client/src/engine/operations/volumes';
import {
  removeContainer,
  restartContainer,
  startContainer,
  stopContainer,
} from '../../client/src/engine/operations/containers';
import { messages } from '../../client/src/engine/validation/messages';
import {
  Tracker,
  createContainer,
  createNetwork as makeNetwork,
  createVolume as makeVolume,
  engine,
  freeSubnet,
  runId,
  testLabels,
  uniqueName,
} from '../harness/engine';
import { connectCounted } from './connectCounted';

const tracker = new Tracker();
const counter = { count: 0 };
let docker: Docker;
let info: EngineInfo;
let skip: string | undefined;

before(async () => {
  const live = await connectCounted(counter);
  if (!live.ok) {
    skip = live.reason;
    return;
  }
  ({ docker, info } = live);
});
after(() => tracker.cleanup());

async function snapshot(): Promise<Snapshot> {
  const cache = new AliasCache();
  const loaded = await loadSnapshot(docker, info, cache);
  return loadAliases(docker, loaded.snapshot, loaded.missingAliases, cache);
}

/** Runs `action`, expects a ValidationError with `template`, and proves nothing was sent. */
async function rejectedBeforeAnyCall(action: () => Promise<unknown>, template: string): Promise<string> {
  const before = counter.count;
  const error = await action().then(
    () => assert.fail('expected a validation error'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ValidationError, String(error));
  assert.equal(error.problem.template, template);
  assert.equal(counter.count, before, 'no Engine API request may be sent for rejected input');
  return error.message;
}

void describe('operations against the real engine', () => {
  void test('connect with aliases and a static address, then disconnect', async (t) => {
    if (skip) return t.skip(skip);
    const net = await makeNetwork(tracker);
    const container = await createContainer(tracker, { start: true });
    const ip = net.subnet!.replace('.0/24', '.77');
    await connectContainer(docker, await snapshot(), {
      containerId: container.id,
      networkId: net.id,
      aliases: ['api', 'api.internal'],
      ipv4: ip,
    });
    const endpoint = (await snapshot()).networks
      .get(net.id)!
      .endpoints.find((e) => e.containerId === container.id)!;
    assert.equal(endpoint.ipv4, ip);
    assert.equal(endpoint.staticIpv4, ip);
    assert.deepEqual([...endpoint.aliases].sort(), ['api', 'api.internal']);

    await disconnectContainer(docker, { containerId: container.id, networkId: net.id });
    assert.equal((await snapshot()).networks.get(net.id)!.endpoints.length, 0);
  });

  void test('bad connect requests are refused before any call', async (t) => {
    if (skip) return t.skip(skip);
    const net = await makeNetwork(tracker);
    const holder = await createContainer(tracker, { start: true, networkMode: net.name });
    const other = await createContainer(tracker, { start: true });
    const hostMode = await createContainer(tracker, { networkMode: 'host' });
    const snap = await snapshot();
    const used = snap.containers.get(holder.id)!.endpoints[0].ipv4!;
    const base = { containerId: other.id, networkId: net.id };
    const inUse = await rejectedBeforeAnyCall(
      () => connectContainer(docker, snap, { ...base, ipv4: used }),
      messages.staticIpInUse,
    );
    assert.match(inUse, new RegExp(snap.containers.get(holder.id)!.name));
    await rejectedBeforeAnyCall(
      () => connectContainer(docker, snap, { ...base, ipv4: '192.0.2.5' }),
      messages.staticIpOutside,
    );
    await rejectedBeforeAnyCall(
      () => connectContainer(docker, snap, { ...base, aliases: ['no spaces'] }),
      messages.aliasInvalid,
    );
    await rejectedBeforeAnyCall(
      () => connectContainer(docker, snap, { containerId: holder.id, networkId: net.id }),
      messages.alreadyConnected,
    );
    await rejectedBeforeAnyCall(
      () => connectContainer(docker, snap, { containerId: hostMode.id, networkId: net.id }),
      messages.sharedStack,
    );
    const bridge = [...snap.networks.values()].find((n) => n.name === 'bridge')!;
    await rejectedBeforeAnyCall(
      () =>
        connectContainer(docker, snap, {
          containerId: holder.id,
          networkId: bridge.id,
          ipv4: '172.17.0.200',
        }),
      messages.staticIpNotAllowed,
    );
  });

  void test('create network: validated, created with its IPAM, and removed', async (t) => {
    if (skip) return t.skip(skip);
    const snap = await snapshot();
    const taken = (await makeNetwork(tracker)).subnet!;
    const fresh = await snapshot();
    await rejectedBeforeAnyCall(
      () => createNetwork(docker, fresh, { name: uniqueName('n'), driver: 'bridge', subnet: taken }),
      messages.subnetOverlaps,
    );
    await rejectedBeforeAnyCall(
      () => createNetwork(docker, snap, { name: 'bad name', driver: 'bridge' }),
      messages.networkNameChars,
    );
    // A subnet no network holds, so that the gateway is the only thing wrong.
    const unused = await freeSubnet(11);
    const current = await snapshot();
    await rejectedBeforeAnyCall(
      () =>
        createNetwork(docker, current, {
          name: uniqueName('n'),
          driver: 'bridge',
          subnet: unused,
          gateway: '10.9.9.1',
        }),
      messages.gatewayOutside,
    );
    const subnet = await freeSubnet(7);
    const gateway = subnet.replace('.0/24', '.254');
    const ipRange = subnet.replace('.0/24', '.128/25');
    const name = uniqueName('created');
    const id = await createNetwork(docker, fresh, {
      name,
      driver: 'bridge',
      subnet,
      gateway,
      ipRange,
      internal: true,
      attachable: true,
      labels: testLabels(),
    });
    tracker.track('network', id);
    const created = (await snapshot()).networks.get(id)!;
    assert.equal(created.name, name);
    assert.deepEqual(created.ipam, [{ subnet, gateway, ipRange, auxAddresses: undefined }]);
    assert.equal(created.internal, true);
    assert.equal(created.attachable, true);
    await rejectedBeforeAnyCall(
      () => createNetwork(docker, snapshotWith(fresh, created), { name, driver: 'bridge' }),
      messages.networkExists,
    );
  });

  void test('remove network: refused while containers are attached, unless they are disconnected first', async (t) => {
    if (skip) return t.skip(skip);
    const net = await makeNetwork(tracker);
    const container = await createContainer(tracker, { start: true, networkMode: net.name });
    const snap = await snapshot();
    const name = snap.containers.get(container.id)!.name;
    const message = await rejectedBeforeAnyCall(
      () => removeNetwork(docker, snap, net.id),
      messages.networkInUse,
    );
    assert.match(message, new RegExp(`"${name}"`));
    const bridge = [...snap.networks.values()].find((n) => n.name === 'bridge')!;
    await rejectedBeforeAnyCall(() => removeNetwork(docker, snap, bridge.id), messages.builtinNetwork);
    await removeNetwork(docker, snap, net.id, { disconnectFirst: true });
    assert.equal((await snapshot()).networks.has(net.id), false);
    assert.equal((await container.inspect()).State.Running, true, 'the container itself is untouched');
  });

  void test('network prune previews exactly the unused user networks and removes exactly those', async (t) => {
    if (skip) return t.skip(skip);
    const unused = await makeNetwork(tracker);
    const used = await makeNetwork(tracker);
    await createContainer(tracker, { networkMode: used.name });
    const preview = previewNetworkPrune(await snapshot());
    const ids = preview.map((n) => n.id);
    assert.ok(ids.includes(unused.id));
    assert.ok(!ids.includes(used.id), 'a network with a stopped container is in use');
    assert.ok(preview.every((n) => !n.builtin));
    // Only our own networks: the engine is shared and not ours to prune.
    const ours = preview.filter((n) => n.labels['berth.test'] === runId);
    const result = await pruneNetworks(docker, ours);
    assert.deepEqual(
      result.removed,
      ours.map((n) => n.name),
    );
    assert.deepEqual(result.failed, []);
    assert.equal((await snapshot()).networks.has(used.id), true);
  });

  void test('volumes: create, in-use removal names the containers, prune removes exactly the preview', async (t) => {
    if (skip) return t.skip(skip);
    const snap = await snapshot();
    await rejectedBeforeAnyCall(() => createVolume(docker, snap, { name: 'x' }), messages.volumeNameChars);
    const name = await createVolume(docker, snap, { name: uniqueName('vol'), labels: testLabels() });
    tracker.track('volume', name);
    const user = await createContainer(tracker, { volumes: [{ name, destination: '/data' }] });
    const withUser = await snapshot();
    const message = await rejectedBeforeAnyCall(
      () => removeVolume(docker, withUser, name),
      messages.volumeInUse,
    );
    assert.match(message, new RegExp(withUser.containers.get(user.id)!.name));

    const spare = await makeVolume(tracker);
    const preview = await previewVolumePrune(docker, await snapshot());
    const names = preview.map((v) => v.name);
    assert.ok(names.includes(spare));
    assert.ok(!names.includes(name));
    assert.equal(typeof preview.find((v) => v.name === spare)?.size, 'number');
    const ours = preview.filter((v) => v.labels['berth.test'] === runId);
    const result = await pruneVolumes(docker, ours);
    assert.deepEqual(
      result.removed,
      ours.map((v) => v.name),
    );
    assert.equal((await snapshot()).volumes.has(name), true);

    await removeContainer(docker, { id: user.id });
    await removeVolume(docker, await snapshot(), name);
    assert.equal((await snapshot()).volumes.has(name), false);
  });

  void test('container lifecycle: start, restart, stop, remove keeps volumes', async (t) => {
    if (skip) return t.skip(skip);
    const volume = await makeVolume(tracker);
    const container = await createContainer(tracker, { volumes: [{ name: volume, destination: '/data' }] });
    await startContainer(docker, { id: container.id });
    assert.equal((await snapshot()).containers.get(container.id)?.state, 'running');
    await restartContainer(docker, { id: container.id });
    await stopContainer(docker, { id: container.id });
    assert.equal((await snapshot()).containers.get(container.id)?.state, 'exited');
    await removeContainer(docker, { id: container.id });
    const after = await snapshot();
    assert.equal(after.containers.has(container.id), false);
    assert.equal(after.volumes.has(volume), true);
  });

  void test('half-way failures report the engine message and a reload shows the truth', async (t) => {
    if (skip) return t.skip(skip);
    const net = await makeNetwork(tracker);
    const container = await createContainer(tracker, { start: true });
    const stale = await snapshot();
    await engine().getContainer(container.id).remove({ force: true });
    const error = await connectContainer(docker, stale, {
      containerId: container.id,
      networkId: net.id,
    }).then(
      () => assert.fail('connect should fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof EngineOperationError);
    assert.match(error.message, /No such container/i);
    assert.equal(error.notFound, true);

    const gone = await makeNetwork(tracker);
    const survivor = await createContainer(tracker, { start: true });
    const stale2 = await snapshot();
    await engine().getNetwork(gone.id).remove();
    const error2 = await connectContainer(docker, stale2, {
      containerId: survivor.id,
      networkId: gone.id,
    }).then(
      () => assert.fail('connect should fail'),
      (e: unknown) => e,
    );
    assert.ok(error2 instanceof EngineOperationError);
    assert.match(error2.message, new RegExp(gone.id.slice(0, 12)));

    const fresh = await snapshot();
    assert.equal(fresh.containers.has(container.id), false);
    assert.equal(fresh.networks.has(gone.id), false);
    assert.deepEqual(
      fresh.containers.get(survivor.id)?.endpoints.map((e) => e.networkName),
      ['bridge'],
    );
  });
});

function snapshotWith(
  snap: Snapshot,
  network: Snapshot['networks'] extends Map<string, infer N> ? N : never,
): Snapshot {
  return { ...snap, networks: new Map([...snap.networks, [network.id, network]]) };
}
