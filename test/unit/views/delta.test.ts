import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SnapshotDelta } from '../../../client/src/engine/model/snapshot';
import { keys } from '../../../client/src/shared/nodes';
import { affectedNodes } from '../../../client/src/views/project';
import { container, endpoint, hex, network, snapshot, volume } from './fixtures';

const netA = network({ id: hex('a'), name: 'a' });
const netB = network({ id: hex('b'), name: 'b' });
const delta = (over: Partial<SnapshotDelta>): SnapshotDelta => ({
  networks: new Set(),
  volumes: new Set(),
  containers: new Set(),
  ...over,
});

void test('connecting a container refreshes only the networks it was and is on', () => {
  const before = container({ id: hex('1'), name: 'c' });
  before.endpoints = [endpoint(netA, before)];
  const after = { ...before, endpoints: [endpoint(netA, before), endpoint(netB, before)] };
  const result = affectedNodes(
    'networks',
    snapshot({ networks: [netA, netB, network({ id: hex('c'), name: 'c' })], containers: [before] }),
    snapshot({ networks: [netA, netB, network({ id: hex('c'), name: 'c' })], containers: [after] }),
    delta({ containers: new Set([before.id]), networks: new Set([netB.id]) }),
  );
  assert.deepEqual(result, { root: false, keys: new Set([keys.network(netA.id), keys.network(netB.id)]) });
});

void test('a new or removed network refreshes the root', () => {
  const result = affectedNodes(
    'networks',
    snapshot({ networks: [netA] }),
    snapshot({ networks: [netA, netB] }),
    delta({ networks: new Set([netB.id]) }),
  );
  assert.deepEqual(result, { root: true });
});

void test('a container change touches the volumes it mounts and its compose group', () => {
  const c = container({
    id: hex('2'),
    name: 'db',
    composeProject: 'shop',
    mounts: [{ type: 'volume', source: 'pg', destination: '/d', readOnly: false }],
  });
  const snap = snapshot({ containers: [c], volumes: [volume({ name: 'pg' }), volume({ name: 'other' })] });
  const changed = delta({ containers: new Set([c.id]) });
  assert.deepEqual(affectedNodes('volumes', snap, snap, changed), {
    root: false,
    keys: new Set([keys.volume('pg')]),
  });
  assert.deepEqual(affectedNodes('containers', snap, snap, changed), {
    root: false,
    keys: new Set([keys.container(c.id), keys.group('shop')]),
  });
  assert.deepEqual(affectedNodes('containers', snapshot({}), snap, changed), { root: true });
});
