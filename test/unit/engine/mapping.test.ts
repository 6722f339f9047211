import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffSnapshots, joinSnapshot } from '../../../client/src/engine/model/join';
import {
  containerNames,
  healthFromStatus,
  isAnonymousVolumeName,
  linksByContainer,
  mapContainer,
  mapVolume,
  networkModeOf,
} from '../../../client/src/engine/model/mapping';
import type { RawContainer } from '../../../client/src/engine/model/mapping';

const info = { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64', endpointLabel: 'default' };

const web: RawContainer = {
  Id: 'a'.repeat(64),
  Names: ['/web', '/app/db'],
  State: 'running',
  Status: 'Up 3 minutes (healthy)',
  Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
  HostConfig: { NetworkMode: 'shop_default' },
  NetworkSettings: {
    Networks: {
      shop_default: { NetworkID: '', EndpointID: '', IPAddress: '', Aliases: null, IPAMConfig: null },
    },
  },
  Ports: [{ PrivatePort: 80, PublicPort: 8080, IP: '0.0.0.0', Type: 'tcp' }],
  Mounts: [
    {
      Type: 'volume',
      Name: 'b'.repeat(64),
      Source: '/var/lib/docker/volumes/x',
      Destination: '/data',
      RW: false,
    },
  ],
};
const app: RawContainer = {
  Id: 'c'.repeat(64),
  Names: ['/app'],
  State: 'exited',
  Status: 'Exited (0)',
  HostConfig: { NetworkMode: `container:${web.Id}` },
};

void test('list payloads map to the model: names, links, compose, health, ports, mounts, modes', () => {
  const raws = [web, app];
  const names = containerNames(raws);
  const links = linksByContainer(raws);
  const ids = new Map([['shop_default', 'net-1']]);
  const w = mapContainer(web, names, links, ids);
  assert.equal(w.name, 'web');
  assert.equal(w.health, 'healthy');
  assert.equal(w.composeProject, 'shop');
  assert.deepEqual(w.ports, [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }]);
  assert.equal(w.mounts[0].source, 'b'.repeat(64));
  assert.equal(w.mounts[0].readOnly, true);
  assert.equal(w.endpoints[0].networkId, 'net-1', 'a stopped endpoint has no NetworkID: found by name');
  assert.equal(w.endpoints[0].ipv4, undefined);
  const a = mapContainer(app, names, links, ids);
  assert.deepEqual(a.links, ['web:db']);
  assert.deepEqual(a.networkMode, { kind: 'container', containerId: web.Id, containerName: 'web' });
});

void test('small pure helpers', () => {
  assert.equal(healthFromStatus('Up 2 seconds (health: starting)'), 'starting');
  assert.equal(healthFromStatus('Up 2 seconds (unhealthy)'), 'unhealthy');
  assert.equal(healthFromStatus('Up 2 seconds'), undefined);
  assert.equal(isAnonymousVolumeName('f'.repeat(64)), true);
  assert.equal(isAnonymousVolumeName('pgdata'), false);
  assert.deepEqual(networkModeOf('default', new Map()), { kind: 'bridge' });
  assert.deepEqual(networkModeOf('none', new Map()), { kind: 'none' });
  assert.deepEqual(networkModeOf('my_net', new Map()), { kind: 'user' });
});

void test('diffSnapshots names exactly what was added, removed or changed', () => {
  const names = containerNames([web]);
  const c = mapContainer(web, names, new Map(), new Map());
  const v1 = mapVolume({ Name: 'b'.repeat(64) });
  const v2 = mapVolume({ Name: 'keep' });
  const before = joinSnapshot(info, [], [v1, v2], [c]);
  assert.equal(before.volumes.get(v1.name)?.usedBy.length, 1);
  assert.equal(before.volumes.get('keep')?.usedBy.length, 0);
  const stopped = { ...c, state: 'exited' as const };
  const after = joinSnapshot(info, [], [v2], [stopped]);
  const delta = diffSnapshots(before, after);
  assert.deepEqual([...delta.containers], [c.id]);
  assert.deepEqual([...delta.volumes], [v1.name]);
  assert.equal(delta.networks.size, 0);
  const same = diffSnapshots(after, joinSnapshot(info, [], [v2], [stopped]));
  assert.equal(same.containers.size + same.volumes.size + same.networks.size, 0);
});
