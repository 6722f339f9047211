import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../server/applyEdits';
import { at, ids, lintText } from './lintHelper';

void test('a service on an undeclared network is an error, and the fix declares it', () => {
  const source = 'services:\n  api:\n    image: x\n    networks: [front, back]\nnetworks:\n  front: {}\n';
  const findings = lintText(source);
  assert.deepEqual(at(findings, 'undeclared-network'), ['4:23']);
  const fix = findings.find((f) => f.rule.id === 'undeclared-network')?.fix;
  assert.ok(fix);
  const fixed = applyEdits(source, fix.edits);
  assert.match(fixed, /networks:\n {2}front: \{\}\n {2}back: \{\}\n/);
  assert.deepEqual(at(lintText(fixed), 'undeclared-network'), []);
});

void test('the fix adds a networks section when the file has none', () => {
  const source = 'services:\n  api:\n    image: x\n    networks:\n      - back\n';
  const fix = lintText(source).find((f) => f.rule.id === 'undeclared-network')?.fix;
  assert.ok(fix);
  const fixed = applyEdits(source, fix.edits);
  assert.equal(fixed, `${source}\nnetworks:\n  back: {}\n`);
  assert.deepEqual(ids(lintText(fixed)), []);
});

void test('unused networks and volumes are reported; default counts as used by a service that lists none', () => {
  const source = [
    'services:',
    '  web:',
    '    image: x',
    '  db:',
    '    image: y',
    '    networks: [back]',
    '    volumes: [data:/var/lib/data]',
    'networks:',
    '  default: {}',
    '  back: {}',
    '  spare: {}',
    'volumes:',
    '  data: {}',
    '  old: {}',
    '',
  ].join('\n');
  const findings = lintText(source);
  assert.deepEqual(at(findings, 'unused-network'), ['11:3']);
  assert.deepEqual(at(findings, 'unused-volume'), ['14:3']);
});

void test('network_mode host or none with ports, and network_mode with networks', () => {
  const source = [
    'services:',
    '  a:',
    '    image: x',
    '    network_mode: host',
    '    ports: ["80:80"]',
    '  b:',
    '    image: x',
    '    network_mode: none',
    '    ports: ["81:80"]',
    '  c:',
    '    image: x',
    '    network_mode: service:a',
    '    networks: [front]',
    'networks:',
    '  front: {}',
    '',
  ].join('\n');
  const findings = lintText(source);
  assert.deepEqual(at(findings, 'host-network-ports'), ['5:5']);
  assert.deepEqual(at(findings, 'none-network-ports'), ['9:5']);
  assert.deepEqual(at(findings, 'network-mode-with-networks'), ['13:5']);
});

void test('references to services that do not exist', () => {
  const source = [
    'services:',
    '  web:',
    '    image: x',
    '    depends_on: [db]',
    '    links: ["cache:redis"]',
    '  side:',
    '    image: x',
    '    network_mode: "service:nope"',
    '    volumes_from: [web]',
    '',
  ].join('\n');
  const findings = lintText(source);
  assert.deepEqual(at(findings, 'undefined-service'), ['4:18', '5:14', '8:28']);
});

void test('static addresses: subnet required, inside it, once per network', () => {
  const source = [
    'services:',
    '  a:',
    '    image: x',
    '    networks:',
    '      fixed:',
    '        ipv4_address: 172.28.0.10',
    '      plain:',
    '        ipv4_address: 10.1.0.5',
    '  b:',
    '    image: x',
    '    networks:',
    '      fixed:',
    '        ipv4_address: 172.28.0.10',
    '  c:',
    '    image: x',
    '    networks:',
    '      fixed:',
    '        ipv4_address: 172.29.0.3',
    'networks:',
    '  fixed:',
    '    ipam:',
    '      config:',
    '        - subnet: 172.28.0.0/16',
    '  plain: {}',
    '',
  ].join('\n');
  const findings = lintText(source);
  assert.deepEqual(at(findings, 'static-address-no-subnet'), ['8:23']);
  assert.deepEqual(at(findings, 'duplicate-static-address'), ['13:23']);
  assert.deepEqual(at(findings, 'address-outside-subnet'), ['18:23']);
  assert.match(
    findings.find((f) => f.rule.id === 'address-outside-subnet')?.message.en ?? '',
    /172\.28\.0\.0\/16/,
  );
});

void test('links is legacy; the fix renames the key when no alias is used', () => {
  const source = 'services:\n  web:\n    image: x\n    links: [db]\n  db:\n    image: y\n';
  const finding = lintText(source).find((f) => f.rule.id === 'legacy-links');
  assert.ok(finding?.fix);
  assert.equal(applyEdits(source, finding.fix.edits), source.replace('links:', 'depends_on:'));
  const aliased = lintText(
    'services:\n  web:\n    image: x\n    links: ["db:database"]\n  db:\n    image: y\n',
  );
  assert.equal(aliased.find((f) => f.rule.id === 'legacy-links')?.fix, undefined);
});

void test("the notes' orderservice cannot reach userservice by name across networks", () => {
  const source = [
    'services:',
    '  orderservice:',
    '    image: orders',
    '    networks: [front]',
    '    environment:',
    '      USER_URL: http://userservice:8081/users',
    '      DB_HOST: db',
    '  userservice:',
    '    image: users',
    '    networks: [back]',
    '  db:',
    '    image: postgres',
    '    networks: [front, back]',
    'networks:',
    '  front: {}',
    '  back: {}',
    '',
  ].join('\n');
  const findings = lintText(source);
  assert.deepEqual(at(findings, 'unreachable-by-name'), ['6:17']);
  assert.match(
    findings.find((f) => f.rule.id === 'unreachable-by-name')?.message.en ?? '',
    /`front`.*`back`/,
  );
  const shared = source.replace('networks: [back]\n  db', 'networks: [back, front]\n  db');
  assert.deepEqual(at(lintText(shared), 'unreachable-by-name'), []);
});
