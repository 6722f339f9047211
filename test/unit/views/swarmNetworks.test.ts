import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinSnapshot } from '../../../client/src/engine/model/join';
import { mapContainer, mapNetwork } from '../../../client/src/engine/model/mapping';
import { mapSwarm } from '../../../client/src/engine/model/swarm';
import { networkHints, presentNetwork, networkTooltip } from '../../../client/src/networks/tree/present';
import { childrenOf, present } from '../../../client/src/views/project';
import { keys } from '../../../client/src/shared/nodes';

const info = { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64', endpointLabel: 'default' };
const ingress = mapNetwork({ Id: 'ing', Name: 'ingress', Driver: 'overlay', Scope: 'swarm', Ingress: true });
const shared = mapNetwork({
  Id: 'ovl',
  Name: 'shared',
  Driver: 'overlay',
  Scope: 'swarm',
  Attachable: true,
  Options: { encrypted: '' },
});
const servicesOnly = mapNetwork({ Id: 'so', Name: 'backend', Driver: 'overlay', Scope: 'swarm' });
const taskContainer = mapContainer(
  {
    Id: 'c'.repeat(64),
    Names: ['/web.1.abc'],
    State: 'running',
    Labels: { 'com.docker.swarm.task.id': 'task-1' },
    HostConfig: { NetworkMode: 'default' },
    NetworkSettings: { Networks: { shared: { NetworkID: 'ovl', IPAddress: '10.0.1.3', EndpointID: 'e1' } } },
  },
  new Map(),
  new Map(),
  new Map(),
);
const swarm = mapSwarm({
  info: { NodeID: 'n1', LocalNodeState: 'active', ControlAvailable: true },
  nodes: [{ ID: 'n1', Description: { Hostname: 'alpha' } }],
  services: [
    {
      ID: 'svc',
      Spec: { Name: 'web' },
      Endpoint: { VirtualIPs: [{ NetworkID: 'ovl', Addr: '10.0.1.2/24' }] },
    },
  ],
  tasks: [
    {
      ID: 'task-1',
      ServiceID: 'svc',
      Slot: 1,
      NodeID: 'n1',
      DesiredState: 'running',
      Status: { State: 'running', ContainerStatus: { ContainerID: 'c'.repeat(64) } },
      NetworksAttachments: [{ Network: { ID: 'ovl' }, Addresses: ['10.0.1.3/24'] }],
    },
  ],
});
const snapshot = joinSnapshot(info, [ingress, shared, servicesOnly], [], [taskContainer], 0, swarm);

void test('an overlay row shows scope swarm, attachable and encrypted', () => {
  const row = presentNetwork(snapshot.networks.get('ovl')!, 0);
  assert.match(row.description ?? '', /overlay · swarm · attachable · encrypted · 1 service/);
  assert.match(networkTooltip(snapshot.networks.get('ovl')!), /\*\*Encrypted:\*\* yes/);
});

void test('under an overlay, its services, and under each its tasks with node and address', () => {
  const network = { kind: 'network' as const, key: keys.network('ovl'), networkId: 'ovl' };
  const children = childrenOf('networks', snapshot, network);
  // The local task container is shown as its task, not a second time as a container.
  assert.deepEqual(
    children.map((c) => c.kind),
    ['service'],
  );
  assert.match(
    present(snapshot, children[0])?.description ?? '',
    /1\/1 tasks running · virtual IP 10\.0\.1\.2/,
  );
  const tasks = childrenOf('networks', snapshot, children[0]);
  assert.equal(tasks.length, 1);
  const look = present(snapshot, tasks[0]);
  assert.equal(look?.label, 'web.1');
  assert.equal(look?.description, 'on alpha · 10.0.1.3 · running');
});

void test('ingress explains the routing mesh; a services-only overlay says who can join', () => {
  const mesh = networkHints(snapshot.networks.get('ing')!);
  assert.deepEqual(
    mesh.map((h) => h.hint),
    ['routing-mesh'],
  );
  assert.match(mesh[0].detail, /open on every node/);
  assert.match(presentNetwork(snapshot.networks.get('ing')!, 0).description ?? '', /routing mesh/);
  assert.deepEqual(
    networkHints(snapshot.networks.get('so')!).map((h) => h.hint),
    ['services-only'],
  );
});
