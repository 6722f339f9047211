// The notes' networking experiments, rebuilt on the real engine with labelled busybox containers,
// loaded with the engine layer's loader, and answered by analyzeReach. No packet is sent.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { AliasCache, loadAliases, loadSnapshot } from '../../client/src/engine/model/loader';
import type { EngineInfo, Snapshot } from '../../client/src/engine/model/snapshot';
import { analyzeReach } from '../../client/src/reach/analyze';
import { connectToNetwork, createNetworkAndConnect } from '../../client/src/reach/engineActions';
import {
  Tracker,
  createContainer,
  createNetwork,
  engine,
  engineAvailable,
  testLabels,
  uniqueName,
} from '../harness/engine';

const tracker = new Tracker();
after(() => tracker.cleanup());

const info: EngineInfo = { version: '', apiVersion: '1.41', os: 'linux', arch: '', endpointLabel: 'test' };

async function load(): Promise<Snapshot> {
  const cache = new AliasCache();
  const { snapshot, missingAliases } = await loadSnapshot(engine(), info, cache);
  return loadAliases(engine(), snapshot, missingAliases, cache);
}

function ipOn(snapshot: Snapshot, containerId: string, networkName: string): string | undefined {
  return snapshot.containers.get(containerId)?.endpoints.find((e) => e.networkName === networkName)?.ipv4;
}

void test('notes 000: default bridge reaches by IP, not by name; after both join my_net, by name', async (t) => {
  if (!(await engineAvailable(t))) return;
  const order = await createContainer(tracker, { name: uniqueName('orderservice'), start: true });
  const user = await createContainer(tracker, { name: uniqueName('userservice'), start: true });

  const before = await load();
  const onBridge = analyzeReach(before, user.id, order.id);
  assert.equal(onBridge.verdict.code, 'reach-by-ip');
  assert.equal(onBridge.reachable, true);
  assert.equal(onBridge.byIp, ipOn(before, order.id, 'bridge'));
  assert.match(onBridge.byIp ?? '', /^\d+\.\d+\.\d+\.\d+$/);
  assert.deepEqual(onBridge.byNames, []);
  assert.ok(onBridge.reasons.some((r) => r.code === 'default-bridge-no-dns'));
  assert.ok(onBridge.fixes.some((f) => f.kind === 'create-and-connect'));

  const myNet = await createNetwork(tracker, { name: uniqueName('my_net') });
  const withNet = await load();
  await connectToNetwork(engine(), withNet, myNet.id, order.id);
  await connectToNetwork(engine(), withNet, myNet.id, user.id);

  const joined = await load();
  const orderName = joined.containers.get(order.id)?.name ?? '';
  const byName = analyzeReach(joined, user.id, order.id);
  assert.equal(byName.verdict.code, 'reach-by-ip-and-name');
  assert.equal(byName.byIp, ipOn(joined, order.id, myNet.name));
  assert.deepEqual(byName.byNames, [orderName]);
  assert.deepEqual(byName.fixes, []);
});

void test('container:X shares X stack; none has loopback only', async (t) => {
  if (!(await engineAvailable(t))) return;
  const web = await createContainer(tracker, { start: true });
  const other = await createContainer(tracker, { start: true });
  const side = await createContainer(tracker, { start: true, networkMode: `container:${web.id}` });
  const lonely = await createContainer(tracker, { start: true, networkMode: 'none' });

  const s = await load();
  const toWeb = analyzeReach(s, side.id, web.id);
  assert.equal(toWeb.verdict.code, 'reach-localhost');
  assert.equal(toWeb.byIp, '127.0.0.1');
  const toOther = analyzeReach(s, side.id, other.id);
  assert.ok(toOther.reasons.some((r) => r.code === 'joined-from'));
  assert.equal(toOther.verdict.code, 'reach-by-ip');
  assert.equal(toOther.byIp, ipOn(s, other.id, 'bridge'));

  const fromNone = analyzeReach(s, lonely.id, web.id);
  assert.equal(fromNone.verdict.code, 'unreachable-from-none');
  assert.equal(fromNone.reachable, false);
  assert.deepEqual(fromNone.fixes, []);
  assert.equal(analyzeReach(s, web.id, lonely.id).verdict.code, 'unreachable-to-none');
});

void test('internal network: members reach each other by name, an outsider does not', async (t) => {
  if (!(await engineAvailable(t))) return;
  const secret = await createNetwork(tracker, { internal: true });
  const a = await createContainer(tracker, { start: true, networks: { [secret.name]: {} } });
  const b = await createContainer(tracker, { start: true, networks: { [secret.name]: { aliases: ['db'] } } });
  const outsider = await createContainer(tracker, { start: true });

  const s = await load();
  const inside = analyzeReach(s, a.id, b.id);
  assert.equal(inside.verdict.code, 'reach-by-ip-and-name');
  assert.ok(inside.reasons.some((r) => r.code === 'internal-network'));
  // What the model held, so that a red run says whether the alias or the endpoint was missing.
  const seen = JSON.stringify({ byNames: inside.byNames, endpoints: s.containers.get(b.id)?.endpoints });
  assert.ok(inside.byNames.includes('db'), seen);
  const fromOutside = analyzeReach(s, outsider.id, b.id);
  assert.equal(fromOutside.verdict.code, 'unreachable-no-shared-network');
  assert.ok(fromOutside.fixes.some((f) => f.kind === 'connect' && f.networkId === secret.id));
});

void test('icc disabled: sharing the bridge is not enough; the create-and-connect fix repairs it', async (t) => {
  if (!(await engineAvailable(t))) return;
  const quiet = await engine().createNetwork({
    Name: uniqueName('quiet'),
    Driver: 'bridge',
    CheckDuplicate: true,
    Options: { 'com.docker.network.bridge.enable_icc': 'false' },
    Labels: testLabels(),
  });
  tracker.track('network', quiet.id);
  const quietName = ((await quiet.inspect()) as { Name: string }).Name;
  const a = await createContainer(tracker, { start: true, networks: { [quietName]: {} } });
  const b = await createContainer(tracker, { start: true, networks: { [quietName]: {} } });

  const s = await load();
  const blocked = analyzeReach(s, a.id, b.id);
  assert.equal(blocked.verdict.code, 'unreachable-icc');
  assert.equal(blocked.reachable, false);
  const fix = blocked.fixes.find((f) => f.kind === 'create-and-connect');
  assert.ok(fix && fix.kind === 'create-and-connect');

  const created = await createNetworkAndConnect(
    engine(),
    s,
    fix.networkName,
    fix.containers.map((c) => c.id),
    testLabels(),
  );
  tracker.track('network', created.networkId);
  const repaired = analyzeReach(await load(), a.id, b.id);
  assert.equal(repaired.verdict.code, 'reach-by-ip-and-name');
  assert.ok(
    repaired.reasons.some((r) => r.code === 'icc-disabled'),
    'the blocked network is still explained',
  );
});

void test('a create-and-connect that fails half-way leaves no network behind and reports the engine error', async (t) => {
  if (!(await engineAvailable(t))) return;
  const a = await createContainer(tracker, { start: true });
  const name = uniqueName('halfway');
  await assert.rejects(
    createNetworkAndConnect(engine(), await load(), name, [a.id, 'berth-no-such-container'], testLabels()),
    (error: Error) => /no such container/i.test(error.message),
  );
  const left = await engine().listNetworks({ filters: { name: [name] } });
  assert.deepEqual(
    left.map((n) => n.Name),
    [],
  );
  const s = await load();
  assert.ok(!s.containers.get(a.id)?.endpoints.some((e) => e.networkName === name));
});
