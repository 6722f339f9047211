import assert from 'node:assert/strict';
import { test } from 'node:test';
import { childrenOf, present } from '../../../client/src/views/project';
import {
  networkContextValue,
  networkHints,
  presentEndpoint,
  presentNetwork,
} from '../../../client/src/networks/tree/present';
import { keys, type NetworkNode } from '../../../client/src/shared/nodes';
import { container, endpoint, hex, network, snapshot } from './fixtures';

const bridge = network({
  id: hex('1'),
  name: 'bridge',
  builtin: true,
  ipam: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1' }],
  options: { 'com.docker.network.bridge.name': 'docker0' },
});
const host = network({ id: hex('2'), name: 'host', driver: 'host', builtin: true });
const none = network({ id: hex('3'), name: 'none', driver: 'null', builtin: true });
const myNet = network({
  id: hex('4'),
  name: 'my_net',
  ipam: [{ subnet: '172.30.0.0/24', gateway: '172.30.0.1', ipRange: '172.30.0.128/25' }],
  labels: { team: 'orders' },
});

void test('built-in networks keep the exact contextValues the menus compare with', () => {
  assert.equal(networkContextValue(bridge), 'network.builtin.bridge');
  assert.equal(networkContextValue(host), 'network.builtin.host');
  assert.equal(networkContextValue(none), 'network.builtin.none');
  assert.equal(networkContextValue(myNet), 'network.user');
  assert.equal(
    networkContextValue({ ...myNet, endpoints: [endpoint(myNet, { id: hex('a'), name: 'x' })] }),
    'network.user.inuse',
  );
});

void test('a network shows driver, scope and subnet, and is marked built-in', () => {
  const look = presentNetwork(bridge, 0);
  assert.equal(look.label, 'bridge');
  assert.equal(look.description, 'bridge · local · 172.17.0.0/16 · built-in');
  assert.equal(look.icon.id, 'type-hierarchy-sub');
  assert.notEqual(presentNetwork(host, 0).icon.id, look.icon.id);
});

void test('the network tooltip carries id, IPAM, flags, driver options and labels', () => {
  const tip = presentNetwork(myNet, 0).tooltip ?? '';
  for (const expected of [
    hex('4'),
    '172.30.0.0/24',
    '172.30.0.1',
    '172.30.0.128/25',
    'team',
    'orders',
    '**Internal:** no',
    '**Attachable:** no',
    '**IPv6:** no',
  ])
    assert.ok(tip.includes(expected), `tooltip lacks ${expected}:\n${tip}`);
  assert.ok((presentNetwork(bridge, 0).tooltip ?? '').includes('docker0'));
});

void test('the default bridge teaches that it has no name resolution; host and none say what they are', () => {
  assert.deepEqual(
    networkHints(bridge).map((h) => h.hint),
    ['bridge-dns'],
  );
  assert.match(networkHints(bridge)[0].detail, /user-defined network/);
  assert.deepEqual(
    networkHints(host).map((h) => h.hint),
    ['host-stack'],
  );
  assert.deepEqual(
    networkHints(none).map((h) => h.hint),
    ['none-loopback'],
  );
  assert.deepEqual(networkHints(myNet), []);
});

void test('network children: hints, then containers with address, then containers sharing a stack', () => {
  const order = container({ id: hex('a'), name: 'orderservice' });
  order.endpoints = [
    endpoint(myNet, order, {
      ipv4: '172.30.0.2',
      ipv4Prefix: 24,
      mac: '02:42:ac:1e:00:02',
      aliases: ['orders', hex('a').slice(0, 12)],
    }),
  ];
  const sidecar = container({
    id: hex('b'),
    name: 'sidecar',
    networkMode: { kind: 'container', containerId: hex('a') },
  });
  const snap = snapshot({ networks: [bridge, myNet], containers: [order, sidecar] });
  const node: NetworkNode = { kind: 'network', key: keys.network(myNet.id), networkId: myNet.id };
  const children = childrenOf('networks', snap, node);
  assert.deepEqual(
    children.map((c) => c.kind),
    ['endpoint', 'joined'],
  );
  const ep = present(snap, children[0])!;
  assert.equal(ep.label, 'orderservice');
  assert.equal(ep.description, '172.30.0.2/24 · 02:42:ac:1e:00:02 · aliases: orders');
  assert.equal(ep.contextValue, 'endpoint.running');
  const joined = present(snap, children[1])!;
  assert.equal(joined.label, 'sidecar');
  assert.equal(joined.description, "shares orderservice's network stack");
  assert.equal(present(snap, node)!.description, 'bridge · local · 172.30.0.0/24 · 2 containers');
  assert.ok(children.every((c) => c.parentKey === node.key));
});

void test('an endpoint in the Containers view is labelled by its network and shows IPv6 too', () => {
  const web = container({ id: hex('c'), name: 'web', state: 'exited', status: 'Exited (0) 1 minute ago' });
  const ep = endpoint(myNet, web, { ipv4: '172.30.0.3', ipv4Prefix: 24, ipv6: 'fd00::3' });
  const look = presentEndpoint(ep, web, 'containers');
  assert.equal(look.label, 'my_net');
  assert.equal(look.description, '172.30.0.3/24 · fd00::3');
  assert.equal(look.contextValue, 'endpoint.stopped');
});

void test('markdown in engine-supplied names is shown as typed, not rendered', () => {
  const odd = network({ id: hex('5'), name: 'a*b_[c]' });
  assert.ok((presentNetwork(odd, 0).tooltip ?? '').startsWith('**a\\*b\\_\\[c\\]**'));
});
