import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { networkSpec } from '../../../client/src/compose/createSpec';
import { composeOrigin, projectFiles } from '../../../client/src/compose/origin';
import { engineFacts } from '../../../client/src/compose/facts';
import { networkContextValue } from '../../../client/src/networks/tree/present';
import { volumeContextValue } from '../../../client/src/volumes/tree/present';
import { container, endpoint, network, snapshot, volume } from '../views/fixtures';

const labels = {
  'com.docker.compose.project': 'shop',
  'com.docker.compose.service': 'web',
  'com.docker.compose.project.config_files': '/src/shop/compose.yaml,/src/shop/compose.override.yaml',
};

void test('the engine facts: subnets, attached containers, Compose labels, held ports and projects', () => {
  const web = container({
    id: 'c1',
    name: 'shop-web-1',
    state: 'running',
    labels,
    composeProject: 'shop',
    composeService: 'web',
    ports: [
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
      { containerPort: 81, protocol: 'tcp' },
    ],
  });
  const net = network({
    id: 'n1',
    name: 'shop_back',
    ipam: [{ subnet: '172.40.0.0/16' }],
    labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.network': 'back' },
  });
  web.endpoints = [endpoint(net, web)];
  const data = volume({
    name: 'shop_data',
    labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.volume': 'data' },
  });
  const snap = snapshot({ networks: [net], volumes: [data], containers: [web] });
  const facts = engineFacts(snap);
  assert.deepEqual(facts.networks, [
    {
      id: 'n1',
      name: 'shop_back',
      driver: 'bridge',
      subnets: ['172.40.0.0/16'],
      containers: 1,
      project: 'shop',
      composeKey: 'back',
    },
  ]);
  assert.equal(facts.volumes[0].composeKey, 'data');
  assert.deepEqual(facts.ports, [
    {
      hostIp: '0.0.0.0',
      hostPort: 8080,
      protocol: 'tcp',
      container: 'shop-web-1',
      project: 'shop',
      service: 'web',
    },
  ]);
  assert.deepEqual(facts.projects, [
    { name: 'shop', configFiles: ['/src/shop/compose.yaml', '/src/shop/compose.override.yaml'] },
  ]);
  assert.deepEqual(projectFiles(snap, 'shop'), ['/src/shop/compose.yaml', '/src/shop/compose.override.yaml']);
  assert.deepEqual(composeOrigin('network', net.labels), { kind: 'network', project: 'shop', key: 'back' });
  assert.equal(networkContextValue(snap.networks.get('n1') ?? net), 'network.user.inuse.compose');
  assert.equal(volumeContextValue(data), 'volume.unused.compose');
});

void test('a quick fix request becomes the network operation spec, IPv4 and IPv6 apart', () => {
  const spec = networkSpec({
    name: 'corp',
    driver: 'bridge',
    subnets: [{ subnet: 'fd00:1::/64' }, { subnet: '10.5.0.0/24', gateway: '10.5.0.1' }],
    internal: false,
    attachable: true,
    enableIPv6: false,
    options: {},
    labels: {},
  });
  assert.equal(spec.subnet, '10.5.0.0/24');
  assert.equal(spec.gateway, '10.5.0.1');
  assert.equal(spec.ipv6Subnet, 'fd00:1::/64');
  assert.equal(spec.enableIPv6, true);
});
