import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  containerContextValue,
  containerHints,
  presentContainer,
} from '../../../client/src/containers/tree/present';
import { formatPorts, timelessStatus } from '../../../client/src/shared/containerState';
import { keys, type ContainerNode } from '../../../client/src/shared/nodes';
import { childrenOf, present } from '../../../client/src/views/project';
import { container, endpoint, hex, network, snapshot } from './fixtures';

const web = container({
  id: hex('a'),
  name: 'web',
  image: 'nginx:alpine',
  health: 'healthy',
  ports: [
    { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
    { containerPort: 80, protocol: 'tcp', hostIp: '::', hostPort: 8080 },
    { containerPort: 443, protocol: 'tcp' },
  ],
});

void test('a container shows image, status, health and published ports once per binding', () => {
  const look = presentContainer(web, false);
  assert.equal(look.label, 'web');
  assert.equal(look.description, 'nginx:alpine · Up · healthy · 8080→80/tcp');
  assert.equal(look.contextValue, 'container.running.published');
  assert.equal(look.icon.id, 'vm-running');
});

void test('contextValues follow the menu shapes: running vs stopped, published appended', () => {
  assert.equal(
    containerContextValue(container({ id: '1', name: 'a', state: 'exited' })),
    'container.stopped',
  );
  assert.equal(
    containerContextValue(container({ id: '1', name: 'a', state: 'paused' })),
    'container.running.paused',
  );
  assert.equal(
    formatPorts(
      container({
        id: '1',
        name: 'a',
        ports: [{ containerPort: 53, protocol: 'udp', hostIp: '127.0.0.1', hostPort: 5353 }],
      }),
    ),
    '127.0.0.1:5353→53/udp',
  );
});

void test('containers are grouped by compose project, loose ones after', () => {
  const snap = snapshot({
    containers: [
      container({ id: hex('1'), name: 'shop-db-1', composeProject: 'shop', composeService: 'db' }),
      container({ id: hex('2'), name: 'loose' }),
      container({
        id: hex('3'),
        name: 'shop-api-1',
        composeProject: 'shop',
        composeService: 'api',
        state: 'exited',
      }),
    ],
  });
  const roots = childrenOf('containers', snap, undefined);
  assert.deepEqual(
    roots.map((node) => present(snap, node)?.label),
    ['shop', 'loose'],
  );
  assert.equal(present(snap, roots[0])?.description, 'compose · 1 running of 2');
  const members = childrenOf('containers', snap, roots[0]);
  assert.deepEqual(
    members.map((node) => present(snap, node)?.label),
    ['shop-api-1', 'shop-db-1'],
  );
  assert.ok(members.every((node) => node.parentKey === roots[0].key));
});

void test('host networking with port bindings warns that -p is ignored', () => {
  const snap = snapshot({});
  const hosted = container({
    id: hex('4'),
    name: 'h',
    networkMode: { kind: 'host' },
    ports: [{ containerPort: 80, protocol: 'tcp', hostPort: 80 }],
  });
  const hints = containerHints(snap, hosted);
  assert.deepEqual(
    hints.map((h) => h.hint),
    ['mode-host', 'host-ports-ignored'],
  );
  assert.equal(hints[1].tone, 'warning');
  assert.deepEqual(
    containerHints(snap, { ...hosted, ports: [] }).map((h) => h.hint),
    ['mode-host'],
  );
});

void test('container:X mode names X and warns when X is stopped', () => {
  const x = container({ id: hex('5'), name: 'x', state: 'exited' });
  const joined = container({
    id: hex('6'),
    name: 'j',
    networkMode: { kind: 'container', containerId: hex('5').slice(0, 12) },
  });
  const [hint] = containerHints(snapshot({ containers: [x, joined] }), joined);
  assert.equal(hint.label, '--network container:x');
  assert.equal(hint.tone, 'warning');
});

void test('container children: its networks with IP, then its mounts source → destination with ro/rw', () => {
  const net = network({ id: hex('7'), name: 'my_net' });
  const app = container({
    id: hex('8'),
    name: 'app',
    links: ['/db:/app/db'],
    mounts: [
      { type: 'volume', source: hex('9'), destination: '/data', readOnly: false, driver: 'local' },
      { type: 'bind', source: '/srv/conf', destination: '/etc/app', readOnly: true },
      { type: 'tmpfs', source: '', destination: '/run', readOnly: false },
    ],
  });
  app.endpoints = [endpoint(net, app, { ipv4: '172.30.0.9', ipv4Prefix: 24 })];
  const snap = snapshot({ networks: [net], containers: [app] });
  const node: ContainerNode = { kind: 'container', key: keys.container(app.id), containerId: app.id };
  const children = childrenOf('containers', snap, node);
  assert.deepEqual(
    children.map((child) => [present(snap, child)?.label, present(snap, child)?.description]),
    [
      ['--link is legacy', undefined],
      ['my_net', '172.30.0.9/24'],
      ['999999999999 (anonymous) → /data', 'volume · rw'],
      ['/srv/conf → /etc/app', 'bind · ro'],
      ['tmpfs → /run', 'tmpfs · rw'],
      ['Files', 'browse and edit'],
    ],
  );
});

void test('row status drops the age that would go stale between events', () => {
  assert.equal(timelessStatus('Up 5 seconds'), 'Up');
  assert.equal(timelessStatus('Up About a minute (healthy)'), 'Up');
  assert.equal(timelessStatus('Up 3 hours (Paused)'), 'Up (Paused)');
  assert.equal(timelessStatus('Exited (137) 2 days ago'), 'Exited (137)');
  assert.equal(timelessStatus('Restarting (1) Less than a second ago'), 'Restarting (1)');
  assert.equal(timelessStatus('Created'), 'Created');
  assert.equal(timelessStatus('Removal In Progress'), 'Removal In Progress');
});
