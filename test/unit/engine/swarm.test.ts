import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinSnapshot } from '../../../client/src/engine/model/join';
import { mapNetwork } from '../../../client/src/engine/model/mapping';
import type { RawSwarm } from '../../../client/src/engine/model/swarm';
import { isEncryptedOverlay, isManager, mapSwarm } from '../../../client/src/engine/model/swarm';
import { servicesByNetwork } from '../../../client/src/engine/model/swarmJoin';

const info = { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64', endpointLabel: 'default' };
const overlayId = 'o'.repeat(25);
const ingressId = 'i'.repeat(25);

const raw: RawSwarm = {
  info: { NodeID: 'node-a', LocalNodeState: 'active', ControlAvailable: true },
  nodes: [
    {
      ID: 'node-a',
      Description: { Hostname: 'alpha' },
      Spec: { Role: 'manager' },
      Status: { State: 'ready', Addr: '10.1.0.1' },
    },
    { ID: 'node-b', Description: { Hostname: 'beta' }, Spec: { Role: 'worker' }, Status: { State: 'ready' } },
  ],
  services: [
    {
      ID: 'svc-web',
      Spec: {
        Name: 'web',
        TaskTemplate: {
          ContainerSpec: { Image: 'nginx:1@sha256:' + 'f'.repeat(64) },
          Networks: [{ Target: overlayId }],
        },
      },
      Endpoint: {
        Ports: [{ TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp', PublishMode: 'ingress' }],
        VirtualIPs: [
          { NetworkID: ingressId, Addr: '10.0.0.5/24' },
          { NetworkID: overlayId, Addr: '10.0.1.2/24' },
        ],
      },
    },
    { ID: 'svc-db', Spec: { Name: 'db', TaskTemplate: { Networks: [{ Target: 'backend' }] } } },
  ],
  tasks: [
    {
      ID: 'task-2',
      ServiceID: 'svc-web',
      Slot: 2,
      NodeID: 'node-b',
      DesiredState: 'running',
      Status: { State: 'running', ContainerStatus: { ContainerID: 'c2' } },
      NetworksAttachments: [
        { Network: { ID: ingressId }, Addresses: ['10.0.0.8/24'] },
        { Network: { ID: overlayId }, Addresses: ['10.0.1.4/24'] },
      ],
    },
    {
      ID: 'task-1',
      ServiceID: 'svc-web',
      Slot: 1,
      NodeID: 'node-a',
      DesiredState: 'running',
      Status: { State: 'running', ContainerStatus: { ContainerID: 'c1' } },
      NetworksAttachments: [{ Network: { ID: overlayId }, Addresses: ['10.0.1.3/24'] }],
    },
    {
      ID: 'task-old',
      ServiceID: 'svc-web',
      Slot: 1,
      NodeID: 'node-a',
      DesiredState: 'shutdown',
      Status: { State: 'failed' },
      NetworksAttachments: [{ Network: { ID: overlayId }, Addresses: ['10.0.1.9/24'] }],
    },
  ],
};

void test('a manager is an active node with control available; a worker is not', () => {
  assert.equal(isManager({ LocalNodeState: 'active', ControlAvailable: true }), true);
  assert.equal(isManager({ LocalNodeState: 'active', ControlAvailable: false }), false);
  assert.equal(isManager({ LocalNodeState: 'inactive' }), false);
});

void test('services map their published ports, virtual IPs and image without digest', () => {
  const swarm = mapSwarm(raw);
  const web = swarm.services.find((s) => s.name === 'web');
  assert.equal(web?.image, 'nginx:1');
  assert.deepEqual(web?.ports, [
    { targetPort: 80, publishedPort: 8080, protocol: 'tcp', publishMode: 'ingress' },
  ]);
  assert.equal(web?.virtualIps.get(overlayId), '10.0.1.2');
  assert.deepEqual(
    swarm.nodes.map((n) => n.hostname),
    ['alpha', 'beta'],
  );
});

void test('tasks become per-network rows with node hostname and address; finished tasks are left out', () => {
  const rows = servicesByNetwork(mapSwarm(raw), new Map([['backend', 'b'.repeat(25)]]));
  const overlay = rows.get(overlayId);
  assert.deepEqual(
    overlay?.map((s) => [s.serviceName, s.virtualIp]),
    [['web', '10.0.1.2']],
  );
  assert.deepEqual(
    overlay?.[0].tasks.map((t) => [t.name, t.node, t.address, t.state, t.containerId]),
    [
      ['web.1', 'alpha', '10.0.1.3', 'running', 'c1'],
      ['web.2', 'beta', '10.0.1.4', 'running', 'c2'],
    ],
  );
  assert.deepEqual(
    rows.get(ingressId)?.[0].tasks.map((t) => [t.name, t.address]),
    [['web.2', '10.0.0.8']],
  );
  // A spec that names its network by name still lands on the network's id, before any task runs.
  assert.deepEqual(
    rows.get('b'.repeat(25))?.map((s) => [s.serviceName, s.tasks.length]),
    [['db', 0]],
  );
});

void test('the join hangs services on swarm-scoped networks only, and only for a manager', () => {
  const overlay = mapNetwork({
    Id: overlayId,
    Name: 'shared',
    Driver: 'overlay',
    Scope: 'swarm',
    Attachable: true,
    Options: { encrypted: '' },
  });
  const bridge = mapNetwork({ Id: 'n'.repeat(25), Name: 'bridge', Driver: 'bridge', Scope: 'local' });
  const snapshot = joinSnapshot(info, [overlay, bridge], [], [], 0, mapSwarm(raw));
  assert.equal(snapshot.networks.get(overlayId)?.services?.[0].serviceName, 'web');
  assert.equal(snapshot.networks.get('n'.repeat(25))?.services, undefined);
  assert.equal(isEncryptedOverlay(overlay), true);
  assert.equal(isEncryptedOverlay(bridge), false);
  const worker = mapSwarm({ ...raw, info: { ...raw.info, ControlAvailable: false } });
  const onWorker = joinSnapshot(info, [overlay], [], [], 0, worker);
  assert.equal(onWorker.networks.get(overlayId)?.services, undefined);
  assert.equal(onWorker.swarm?.manager, false);
});
