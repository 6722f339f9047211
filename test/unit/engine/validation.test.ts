import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatAddress, parseAddress, parseCidr } from '../../../common/ip';
import { joinSnapshot } from '../../../client/src/engine/model/join';
import type { Container, Network } from '../../../client/src/engine/model/snapshot';
import {
  acceptsStaticIp,
  validateGateway,
  validateIpRange,
  validateStaticIp,
  validateSubnet,
} from '../../../client/src/engine/validation/addresses';
import { messages } from '../../../client/src/engine/validation/messages';
import {
  validateAliases,
  validateNetworkName,
  validateVolumeName,
} from '../../../client/src/engine/validation/names';
import { validateNetworkCreate } from '../../../client/src/engine/validation/networkCreate';
import type { Validation } from '../../../client/src/engine/validation/messages';

function network(name: string, subnet?: string, gateway?: string, builtin = false): Network {
  return {
    id: `id-${name}`,
    name,
    driver: name === 'host' ? 'host' : 'bridge',
    scope: 'local',
    created: '',
    internal: false,
    attachable: false,
    ingress: false,
    enableIPv6: false,
    ipamDriver: 'default',
    ipam: subnet ? [{ subnet, gateway }] : [],
    options: {},
    labels: {},
    builtin,
    endpoints: [],
  };
}

function container(name: string, net: Network, ipv4: string): Container {
  return {
    id: `c-${name}`,
    name,
    image: 'x',
    imageId: 'x',
    command: '',
    created: 0,
    state: 'running',
    status: 'Up',
    labels: {},
    networkMode: { kind: 'user' },
    endpoints: [
      {
        networkId: net.id,
        networkName: net.name,
        containerId: `c-${name}`,
        containerName: name,
        endpointId: 'e',
        ipv4,
        aliases: [],
      },
    ],
    ports: [],
    mounts: [],
    links: [],
  };
}

const info = { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64', endpointLabel: 'default' };
const myNet = network('my_net', '10.213.5.0/24', '10.213.5.1');
const snapshot = joinSnapshot(
  info,
  [
    network('bridge', '172.17.0.0/16', '172.17.0.1', true),
    myNet,
    network('auto', '172.19.0.0/16', '172.19.0.1'),
  ],
  [
    {
      name: 'pgdata',
      driver: 'local',
      scope: 'local',
      mountpoint: '',
      labels: {},
      options: {},
      anonymous: false,
      usedBy: [],
    },
  ],
  [container('orderservice', myNet, '10.213.5.2')],
);
const joinedMyNet = snapshot.networks.get(myNet.id)!;

function rejected(result: Validation, template: string): string {
  assert.equal(result.ok, false, 'expected a rejection');
  if (result.ok) return '';
  assert.equal(result.template, template);
  return result.message;
}

void describe('addresses', () => {
  void test('IPv4 and IPv6 parse and print back', () => {
    assert.equal(formatAddress(parseAddress('10.0.0.1')!), '10.0.0.1');
    assert.equal(formatAddress(parseAddress('fd00:0:0:1::5')!), 'fd00:0:0:1::5');
    assert.equal(formatAddress(parseAddress('::ffff:1.2.3.4')!), '::ffff:102:304');
    assert.equal(parseCidr('10.0.0.0/33'), undefined);
    assert.equal(parseCidr('10.0.0.0'), undefined);
    assert.equal(parseCidr('fd00::/64')?.prefix, 64);
  });
});

void describe('names', () => {
  void test('network names follow the engine rules and must be new', () => {
    assert.equal(validateNetworkName('my-net.2', snapshot).ok, true);
    rejected(validateNetworkName('', snapshot), messages.nameEmpty);
    assert.match(rejected(validateNetworkName('-bad', snapshot), messages.networkNameChars), /"-bad"/);
    rejected(validateNetworkName('my net', snapshot), messages.networkNameChars);
    assert.match(rejected(validateNetworkName('my_net', snapshot), messages.networkExists), /my_net/);
    rejected(validateNetworkName('bridge', snapshot), messages.networkExists);
  });

  void test('volume names need two characters and must be new', () => {
    assert.equal(validateVolumeName('db', snapshot).ok, true);
    rejected(validateVolumeName('a', snapshot), messages.volumeNameChars);
    rejected(validateVolumeName('pg/data', snapshot), messages.volumeNameChars);
    rejected(validateVolumeName('pgdata', snapshot), messages.volumeExists);
  });
});

void describe('subnets, gateways and ranges', () => {
  void test('a subnet must be CIDR, without host bits, and free', () => {
    assert.equal(validateSubnet('10.214.0.0/16', snapshot).ok, true);
    rejected(validateSubnet('10.214.0.0', snapshot), messages.cidrInvalid);
    rejected(validateSubnet('300.1.1.0/24', snapshot), messages.cidrInvalid);
    assert.match(
      rejected(validateSubnet('10.214.3.7/16', snapshot), messages.cidrHostBits),
      /10\.214\.0\.0\/16/,
    );
    rejected(validateSubnet('10.214.0.0/31', snapshot), messages.cidrTooSmall);
    const overlap = rejected(validateSubnet('10.213.0.0/16', snapshot), messages.subnetOverlaps);
    assert.match(overlap, /10\.213\.5\.0\/24.*my_net/);
    rejected(validateSubnet('172.17.128.0/17', snapshot), messages.subnetOverlaps);
  });

  void test('a gateway lies inside the subnet and is not its network or broadcast address', () => {
    assert.equal(validateGateway('10.50.0.0/24', '10.50.0.1').ok, true);
    assert.match(
      rejected(validateGateway('10.50.0.0/24', '10.51.0.1'), messages.gatewayOutside),
      /e\.g\. 10\.50\.0\.2/,
    );
    rejected(validateGateway('10.50.0.0/24', '10.50.0.0'), messages.networkAddress);
    rejected(validateGateway('10.50.0.0/24', '10.50.0.255'), messages.broadcastAddress);
    rejected(validateGateway('10.50.0.0/24', 'fd00::1'), messages.addressInvalid);
  });

  void test('an ip-range lies inside the subnet', () => {
    assert.equal(validateIpRange('10.50.0.0/16', '10.50.8.0/24').ok, true);
    rejected(validateIpRange('10.50.0.0/24', '10.50.0.0/16'), messages.ipRangeOutside);
    rejected(validateIpRange('10.50.0.0/24', '10.50.0.0/33'), messages.cidrInvalid);
  });

  void test('a whole create request: first problem wins, with its field', () => {
    assert.equal(
      validateNetworkCreate(
        { name: 'n1', driver: 'bridge', subnet: '10.60.0.0/24', gateway: '10.60.0.1' },
        snapshot,
      ).ok,
      true,
    );
    const r = validateNetworkCreate({ name: 'n1', driver: 'bridge', gateway: '10.60.0.1' }, snapshot);
    assert.equal(r.ok ? '' : r.field, 'gateway');
    rejected(validateNetworkCreate({ name: 'n1', driver: 'weave' }, snapshot), messages.driverUnknown);
    rejected(
      validateNetworkCreate({ name: 'n1', driver: 'bridge', enableIPv6: true }, snapshot),
      messages.ipv6NeedsSubnet,
    );
    rejected(
      validateNetworkCreate({ name: 'n1', driver: 'bridge', labels: { 'a b': 'c' } }, snapshot),
      messages.labelKeyInvalid,
    );
  });
});

void describe('static addresses and aliases', () => {
  void test('only networks with a configured subnet take a fixed address', () => {
    assert.equal(acceptsStaticIp(joinedMyNet), true);
    assert.equal(acceptsStaticIp(snapshot.networks.get('id-bridge')!), false);
    assert.equal(acceptsStaticIp(snapshot.networks.get('id-auto')!), false);
    rejected(validateStaticIp(snapshot.networks.get('id-auto')!, '172.19.0.9'), messages.staticIpNotAllowed);
    // `--subnet 172.20.0.0/16` alone: pool-shaped, but the missing gateway shows it was configured.
    const configured = { ...snapshot.networks.get('id-auto')!, ipam: [{ subnet: '172.20.0.0/16' }] };
    assert.equal(acceptsStaticIp(configured), true);
  });

  void test('a fixed address must be inside, not reserved and free', () => {
    assert.equal(validateStaticIp(joinedMyNet, '10.213.5.9').ok, true);
    rejected(validateStaticIp(joinedMyNet, '10.213.6.9'), messages.staticIpOutside);
    rejected(validateStaticIp(joinedMyNet, '10.213.5.1'), messages.gatewayAddress);
    rejected(validateStaticIp(joinedMyNet, '10.213.5.255'), messages.broadcastAddress);
    const inUse = rejected(validateStaticIp(joinedMyNet, '10.213.5.2'), messages.staticIpInUse);
    assert.match(inUse, /orderservice.*e\.g\. 10\.213\.5\.3/);
    rejected(validateStaticIp(joinedMyNet, 'abc'), messages.addressInvalid);
  });

  void test('aliases are DNS names, each once', () => {
    assert.equal(validateAliases(['db', 'db.internal']).ok, true);
    rejected(validateAliases(['bad alias']), messages.aliasInvalid);
    rejected(validateAliases(['db', 'db']), messages.aliasDuplicate);
  });
});

void test('every validation message has a zh-cn translation with the same placeholders', async () => {
  const { readFileSync } = await import('node:fs');
  const zh = JSON.parse(readFileSync('l10n/fragments/engine.zh-cn.json', 'utf8')) as Record<string, string>;
  for (const template of Object.values(messages)) {
    const translated = zh[template];
    assert.ok(translated, `missing zh-cn for: ${template}`);
    const placeholders = (s: string) => (s.match(/\{\d\}/g) ?? []).sort().join();
    assert.equal(placeholders(translated), placeholders(template), template);
  }
});
