import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeCommands, type CreateNetworkArgs, type EngineFacts } from '../../../common/compose';
import { at, lintText, noFacts } from './lintHelper';

const source = [
  'services:',
  '  web:',
  '    image: x',
  '    ports: ["8080:80", "9090:90"]',
  '    networks: [shared, own]',
  '    volumes: [cache:/cache]',
  'networks:',
  '  shared:',
  '    external: true',
  '    name: corp-net',
  '    driver: bridge',
  '    ipam:',
  '      config:',
  '        - subnet: 10.77.0.0/24',
  '          gateway: 10.77.0.1',
  '  own:',
  '    ipam:',
  '      config:',
  '        - subnet: 172.30.0.0/16',
  'volumes:',
  '  cache:',
  '    external: true',
  '',
].join('\n');

void test('no live rule runs without engine facts', () => {
  assert.deepEqual(
    lintText(source).filter((f) => f.rule.category === 'live'),
    [],
  );
});

void test('missing external network and volume, with the create command and its arguments', () => {
  const findings = lintText(source, { facts: noFacts });
  assert.deepEqual(at(findings, 'external-network-missing'), ['8:3']);
  assert.deepEqual(at(findings, 'external-volume-missing'), ['21:3']);
  const command = findings.find((f) => f.rule.id === 'external-network-missing')?.command;
  assert.equal(command?.command, composeCommands.createNetwork);
  const args = command?.arguments[0] as CreateNetworkArgs;
  assert.equal(args.name, 'corp-net');
  assert.deepEqual(args.subnets, [{ subnet: '10.77.0.0/24', gateway: '10.77.0.1' }]);
  assert.equal(args.driver, 'bridge');
});

void test("ports held by other containers, subnets that overlap, but never the project's own", () => {
  const facts: EngineFacts = {
    networks: [
      { id: 'n1', name: 'corp-net', driver: 'bridge', subnets: ['10.77.0.0/24'], containers: 0 },
      {
        id: 'n2',
        name: 'demo_own',
        driver: 'bridge',
        subnets: ['172.30.0.0/16'],
        containers: 1,
        project: 'demo',
        composeKey: 'own',
      },
      { id: 'n3', name: 'other', driver: 'bridge', subnets: ['172.30.5.0/24'], containers: 0 },
    ],
    volumes: [{ name: 'cache', driver: 'local', containers: 0 }],
    ports: [
      {
        hostIp: '0.0.0.0',
        hostPort: 8080,
        protocol: 'tcp',
        container: 'demo-web-1',
        project: 'demo',
        service: 'web',
      },
      {
        hostIp: '0.0.0.0',
        hostPort: 9090,
        protocol: 'tcp',
        container: 'stranger',
        project: 'else',
        service: 'x',
      },
    ],
    projects: [],
  };
  const findings = lintText(source, { facts });
  assert.deepEqual(at(findings, 'external-network-missing'), []);
  assert.deepEqual(at(findings, 'external-volume-missing'), []);
  assert.deepEqual(at(findings, 'host-port-in-use'), ['4:24']);
  assert.match(findings.find((f) => f.rule.id === 'host-port-in-use')?.message.en ?? '', /stranger/);
  assert.deepEqual(at(findings, 'subnet-overlap'), ['19:19']);
  assert.match(findings.find((f) => f.rule.id === 'subnet-overlap')?.message.en ?? '', /`other`/);
});
