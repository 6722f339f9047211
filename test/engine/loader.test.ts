import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type Docker from 'dockerode';
import { AliasCache, loadAliases, loadSnapshot, loadVolumeSizes } from '../../client/src/engine/model/loader';
import type { EngineInfo, Snapshot } from '../../client/src/engine/model/snapshot';
import { Tracker, createContainer, createNetwork, createVolume } from '../harness/engine';
import { connectCounted } from './connectCounted';

const tracker = new Tracker();
const counter = { count: 0 };
let docker: Docker;
let info: EngineInfo;
let skip: string | undefined;
const ids: Record<string, string> = {};
let net: { id: string; name: string; subnet?: string };
let volume: string;

before(async () => {
  const live = await connectCounted(counter);
  if (!live.ok) {
    skip = live.reason;
    return;
  }
  ({ docker, info } = live);
  net = await createNetwork(tracker);
  volume = await createVolume(tracker);
  const staticIp = net.subnet!.replace('.0/24', '.10');
  const web = await createContainer(tracker, {
    start: true,
    networkMode: net.name,
    networks: { [net.name]: { aliases: ['web', 'frontend'], ipv4: staticIp } },
    volumes: [{ name: volume, destination: '/data', readOnly: true }],
  });
  ids.web = web.id;
  ids.plain = (await createContainer(tracker, { start: true, ports: [{ container: 8080 }] })).id;
  ids.linked = (await createContainer(tracker, { start: true, links: [`${ids.plain}:alpha`] })).id;
  ids.shared = (await createContainer(tracker, { start: true, networkMode: `container:${ids.web}` })).id;
  // The engine accepts -p with host networking and ignores it; Berth must still see the bindings.
  ids.host = (await createContainer(tracker, { networkMode: 'host', ports: [{ container: 8081 }] })).id;
  ids.none = (await createContainer(tracker, { networkMode: 'none' })).id;
  ids.stopped = (await createContainer(tracker, { networkMode: net.name })).id;
});
after(() => tracker.cleanup());

async function load(): Promise<{ snapshot: Snapshot; requests: number; missing: string[] }> {
  const start = counter.count;
  const { snapshot, missingAliases } = await loadSnapshot(docker, info, new AliasCache());
  return { snapshot, requests: counter.count - start, missing: missingAliases };
}

void describe('snapshot loader against the real engine', () => {
  void test('three list calls load containers, networks and volumes, joined', async (t) => {
    if (skip) return t.skip(skip);
    const { snapshot, requests } = await load();
    assert.equal(requests, 3);
    const web = snapshot.containers.get(ids.web)!;
    assert.equal(web.state, 'running');
    assert.deepEqual(web.networkMode, { kind: 'user' });
    const endpoint = web.endpoints.find((e) => e.networkId === net.id)!;
    assert.equal(endpoint.networkName, net.name);
    assert.equal(endpoint.ipv4, net.subnet!.replace('.0/24', '.10'));
    assert.equal(endpoint.staticIpv4, endpoint.ipv4);
    assert.equal(endpoint.ipv4Prefix, 24);
    assert.match(endpoint.mac ?? '', /^02:42:/);
    assert.equal(endpoint.gateway, net.subnet!.replace('.0/24', '.1'));

    const network = snapshot.networks.get(net.id)!;
    assert.equal(network.builtin, false);
    assert.deepEqual(network.ipam[0].subnet, net.subnet);
    assert.equal(network.labels['berth.test'] !== undefined, true);
    const onNet = network.endpoints.map((e) => e.containerId).sort();
    assert.deepEqual(onNet, [ids.stopped, ids.web].sort(), 'the stopped container still counts as attached');

    assert.deepEqual(snapshot.volumes.get(volume)?.usedBy, [
      { containerId: ids.web, containerName: web.name, destination: '/data', readOnly: true },
    ]);
    assert.equal(snapshot.volumes.get(volume)?.anonymous, false);
    assert.deepEqual(web.mounts, [
      { type: 'volume', source: volume, destination: '/data', readOnly: true, driver: 'local' },
    ]);
  });

  void test('network modes: default bridge, container:X, host and none', async (t) => {
    if (skip) return t.skip(skip);
    const { snapshot } = await load();
    const plain = snapshot.containers.get(ids.plain)!;
    assert.deepEqual(plain.networkMode, { kind: 'bridge' });
    const bridge = [...snapshot.networks.values()].find((n) => n.name === 'bridge')!;
    assert.equal(bridge.builtin, true);
    assert.ok(bridge.endpoints.some((e) => e.containerId === ids.plain && e.ipv4));
    const shared = snapshot.containers.get(ids.shared)!;
    assert.deepEqual(shared.networkMode, {
      kind: 'container',
      containerId: ids.web,
      containerName: snapshot.containers.get(ids.web)!.name,
    });
    assert.deepEqual(shared.endpoints, []);
    assert.deepEqual(snapshot.containers.get(ids.host)!.networkMode, { kind: 'host' });
    assert.deepEqual(snapshot.containers.get(ids.none)!.networkMode, { kind: 'none' });
    assert.equal(snapshot.containers.get(ids.host)!.state, 'created');
  });

  void test('published ports and legacy links come from the list', async (t) => {
    if (skip) return t.skip(skip);
    const { snapshot } = await load();
    const plain = snapshot.containers.get(ids.plain)!;
    assert.equal(plain.ports.length, 1);
    assert.equal(plain.ports[0].containerPort, 8080);
    assert.equal(plain.ports[0].hostIp, '127.0.0.1');
    assert.ok((plain.ports[0].hostPort ?? 0) > 0);
    const linked = snapshot.containers.get(ids.linked)!;
    assert.deepEqual(linked.links, [`${plain.name}:alpha`]);
  });

  void test('aliases: one inspect per container on a user network, then cached', async (t) => {
    if (skip) return t.skip(skip);
    const cache = new AliasCache();
    const first = await loadSnapshot(docker, info, cache);
    assert.ok(first.missingAliases.includes(ids.web));
    assert.ok(!first.missingAliases.includes(ids.plain), 'the default bridge carries no aliases');
    assert.ok(first.missingAliases.includes(ids.host), 'host mode: its -p bindings need an inspect');
    assert.deepEqual(first.snapshot.containers.get(ids.host)!.ports, [], 'the list payload leaves them out');
    const before = counter.count;
    const enriched = await loadAliases(docker, first.snapshot, first.missingAliases, cache);
    assert.equal(counter.count - before, first.missingAliases.length);
    assert.deepEqual(
      enriched.containers.get(ids.host)!.ports.map((p) => [p.containerPort, p.protocol]),
      [[8081, 'tcp']],
    );
    const endpoint = enriched.containers.get(ids.web)!.endpoints.find((e) => e.networkId === net.id)!;
    assert.deepEqual([...endpoint.aliases].sort(), ['frontend', 'web']);
    const joined = enriched.networks.get(net.id)!.endpoints.find((e) => e.containerId === ids.web)!;
    assert.deepEqual([...joined.aliases].sort(), ['frontend', 'web']);

    const again = await loadSnapshot(docker, info, cache);
    assert.ok(!again.missingAliases.includes(ids.web), 'cached while the endpoints stay the same');
    const cached = again.snapshot.containers.get(ids.web)!.endpoints.find((e) => e.networkId === net.id)!;
    assert.deepEqual([...cached.aliases].sort(), ['frontend', 'web']);
  });

  void test('volume sizes come lazily from /system/df', async (t) => {
    if (skip) return t.skip(skip);
    const sizes = await loadVolumeSizes(docker);
    assert.equal(typeof sizes.get(volume), 'number');
  });
});
