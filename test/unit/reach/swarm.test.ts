import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinSnapshot } from '../../../client/src/engine/model/join';
import { mapContainer, mapNetwork } from '../../../client/src/engine/model/mapping';
import type { RawContainer } from '../../../client/src/engine/model/mapping';
import { mapSwarm, type RawSwarm } from '../../../client/src/engine/model/swarm';
import { analyzeReach } from '../../../client/src/reach/analyze';
import { english, renderReason, renderVerdict } from '../../../client/src/reach/messages';
import { analyzeServiceReach } from '../../../client/src/reach/services';

const info = { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64', endpointLabel: 'default' };
const networks = [
  mapNetwork({ Id: 'ing', Name: 'ingress', Driver: 'overlay', Scope: 'swarm', Ingress: true }),
  mapNetwork({ Id: 'ovl', Name: 'shared', Driver: 'overlay', Scope: 'swarm', Attachable: true }),
  mapNetwork({ Id: 'br', Name: 'bridge', Driver: 'bridge', Scope: 'local' }),
];
const raw = (
  name: string,
  nets: Record<string, string>,
  labels: Record<string, string> = {},
): RawContainer => ({
  Id: name.padEnd(64, '0'),
  Names: [`/${name}`],
  State: 'running',
  Labels: labels,
  HostConfig: { NetworkMode: 'default' },
  NetworkSettings: {
    Networks: Object.fromEntries(
      Object.entries(nets).map(([net, ip]) => [
        net,
        { NetworkID: net === 'shared' ? 'ovl' : 'br', IPAddress: ip, EndpointID: `e-${name}` },
      ]),
    ),
  },
});
const containers = [
  raw('tool', { shared: '10.0.1.9', bridge: '172.17.0.2' }),
  raw(
    'web.1.x',
    { shared: '10.0.1.3' },
    { 'com.docker.swarm.service.name': 'web', 'com.docker.swarm.task.id': 't1' },
  ),
  raw('loner', { bridge: '172.17.0.3' }),
].map((c) => mapContainer(c, new Map(), new Map(), new Map()));
const swarm: RawSwarm = {
  info: { NodeID: 'n1', LocalNodeState: 'active', ControlAvailable: true },
  nodes: [
    { ID: 'n1', Description: { Hostname: 'alpha' }, Status: { Addr: '192.168.1.10' } },
    { ID: 'n2', Description: { Hostname: 'beta' }, Status: { Addr: '192.168.1.11' } },
  ],
  services: [
    {
      ID: 'svc',
      Spec: { Name: 'web' },
      Endpoint: {
        Ports: [{ TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp', PublishMode: 'ingress' }],
        VirtualIPs: [{ NetworkID: 'ovl', Addr: '10.0.1.2/24' }],
      },
    },
  ],
  tasks: [
    {
      ID: 't2',
      ServiceID: 'svc',
      Slot: 2,
      NodeID: 'n2',
      DesiredState: 'running',
      Status: { State: 'running' },
      NetworksAttachments: [{ Network: { ID: 'ovl' }, Addresses: ['10.0.1.4/24'] }],
    },
  ],
};
const snapshot = joinSnapshot(info, networks, [], containers, 0, mapSwarm(swarm));
const say = (r: { code: string; args: Record<string, string> }[]) => r.map((x) => x.code);

void test('on one overlay a container reaches a task container by name, service name included', () => {
  const result = analyzeReach(snapshot, 'tool', 'web.1.x');
  assert.equal(result.verdict.code, 'reach-by-ip-and-name');
  assert.deepEqual(result.byNames, ['web.1.x', 'web']);
  assert.ok(say(result.reasons).includes('overlay-across-nodes'));
  const why = result.reasons.map((r) => renderReason(r, english)).join('\n');
  assert.match(why, /shared is an overlay network: it spans the swarm's nodes/);
  assert.match(why, /web\.1\.x is a task of the service web/);
});

void test('a service on a shared overlay is reached by name at its virtual IP, tasks on other nodes included', () => {
  const result = analyzeServiceReach(snapshot, 'tool', 'web');
  assert.equal(result.reachable, true);
  assert.equal(result.byIp, '10.0.1.2');
  assert.deepEqual(result.byNames, ['web', 'tasks.web']);
  assert.match(
    renderVerdict(result.verdict, english),
    /tool can reach the service web by name `web`, `tasks.web`/,
  );
  const why = result.reasons.map((r) => renderReason(r, english));
  assert.ok(why.includes('The task web.2 runs on the node beta, at 10.0.1.4 on shared'), why.join('\n'));
  assert.deepEqual(result.viaHostPorts, ['192.168.1.10:8080/tcp', '192.168.1.11:8080/tcp']);
});

void test('without a shared overlay, a published port is reachable through the routing mesh on every node', () => {
  const result = analyzeServiceReach(snapshot, 'loner', 'web');
  assert.equal(result.verdict.code, 'reach-service-mesh');
  assert.deepEqual(result.viaHostPorts, ['192.168.1.10:8080/tcp', '192.168.1.11:8080/tcp']);
  assert.match(
    result.reasons.map((r) => renderReason(r, english)).join('\n'),
    /web publishes 80\/tcp through the routing mesh: every node of the swarm \(alpha, beta\) accepts it on port 8080/,
  );
  assert.deepEqual(
    result.fixes.map((f) => (f.kind === 'connect' ? f.networkName : '')),
    ['shared'],
  );
});

void test('a service with no shared overlay and no published port is unreachable, and an unknown one says so', () => {
  const quiet = mapSwarm({ ...swarm, services: [{ ...swarm.services[0], Endpoint: { VirtualIPs: [] } }] });
  const result = analyzeServiceReach(joinSnapshot(info, networks, [], containers, 0, quiet), 'loner', 'web');
  assert.equal(result.verdict.code, 'unreachable-service');
  assert.equal(analyzeServiceReach(snapshot, 'loner', 'nope').verdict.code, 'service-not-found');
});
