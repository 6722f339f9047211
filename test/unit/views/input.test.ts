import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAliases, parseKeyValues } from '../../../client/src/commands/keyValues';
import { aliasesProblem, staticIpProblem, subnetProblem } from '../../../client/src/commands/validate';
import { inspectPath, parseInspectPath } from '../../../client/src/inspect/uri';
import { container, endpoint, hex, network, snapshot } from './fixtures';

void test('key=value input keeps commas and "=" inside values and names bad pairs', () => {
  assert.deepEqual(parseKeyValues('type=tmpfs o=size=100m,uid=1000'), {
    values: { type: 'tmpfs', o: 'size=100m,uid=1000' },
  });
  assert.deepEqual(parseKeyValues('  '), { values: {} });
  assert.match(parseKeyValues('team=web oops').problem ?? '', /"oops" is not key=value/);
  assert.match(parseKeyValues('a=1 a=2').problem ?? '', /"a" is given twice/);
});

void test('aliases split on spaces and commas and are checked before any call', () => {
  assert.deepEqual(parseAliases('db, primary  pg'), ['db', 'primary', 'pg']);
  assert.equal(aliasesProblem('db primary'), undefined);
  assert.match(aliasesProblem('db -bad') ?? '', /-bad/);
});

void test('a static address is checked against the network subnet and its users', () => {
  const myNet = network({
    id: hex('1'),
    name: 'my_net',
    ipam: [{ subnet: '172.30.0.0/24', gateway: '172.30.0.1' }],
  });
  const user = container({ id: hex('2'), name: 'orderservice' });
  user.endpoints = [endpoint(myNet, user, { ipv4: '172.30.0.2', ipv4Prefix: 24 })];
  const net = snapshot({ networks: [myNet], containers: [user] }).networks.get(myNet.id)!;
  assert.equal(staticIpProblem(net, '172.30.0.9', 4), undefined);
  assert.match(staticIpProblem(net, '10.0.0.9', 4) ?? '', /outside the subnet 172\.30\.0\.0\/24/);
  assert.match(staticIpProblem(net, '172.30.0.2', 4) ?? '', /orderservice/);
  assert.match(subnetProblem(snapshot({ networks: [myNet] }), '172.30.0.0/16', 4) ?? '', /overlaps/);
});

void test('inspect addresses round-trip and keep slashes out of the name', () => {
  const target = { kind: 'network' as const, id: hex('3'), name: 'a/b' };
  const { path, query } = inspectPath(target);
  assert.equal(path, '/network/a_b.json');
  assert.deepEqual(parseInspectPath(path, query), { ...target, name: 'a_b' });
  assert.equal(parseInspectPath('/image/x.json', query), undefined);
  for (const kind of ['service', 'task'] as const) {
    const swarmTarget = { kind, id: 'x8v2k0q1', name: 'web.1' };
    const address = inspectPath(swarmTarget);
    assert.deepEqual(parseInspectPath(address.path, address.query), swarmTarget);
  }
});
