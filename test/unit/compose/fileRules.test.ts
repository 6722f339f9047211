import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../server/applyEdits';
import { at, composeFixtures, ids, lintText } from './lintHelper';

const app = path.join(composeFixtures, 'app', 'compose.yaml');

void test('the same host port twice fails; other addresses, protocols or profiles do not clash', () => {
  const source = [
    'services:',
    '  a:',
    '    image: x',
    '    ports: ["8080:80", "127.0.0.1:9000:9000", "53:53/udp"]',
    '  b:',
    '    image: x',
    '    ports:',
    '      - "8080:8080"',
    '      - "127.0.0.2:9000:9000"',
    '      - "53:53"',
    '      - target: 81',
    '        published: "8079-8081"',
    '  dev:',
    '    image: x',
    '    profiles: [dev]',
    '    ports: ["7000:7000"]',
    '  prod:',
    '    image: x',
    '    profiles: [prod]',
    '    ports: ["7000:7000"]',
    '',
  ].join('\n');
  assert.deepEqual(at(lintText(source), 'duplicate-host-port'), ['8:9', '11:9']);
});

void test('a mounted named volume must be declared; the fix declares it', () => {
  const source =
    'services:\n  db:\n    image: x\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d\n';
  const findings = lintText(source);
  assert.deepEqual(at(findings, 'undeclared-volume'), ['5:9']);
  const fix = findings.find((f) => f.rule.id === 'undeclared-volume')?.fix;
  assert.ok(fix);
  const fixed = applyEdits(source, fix.edits);
  assert.deepEqual(ids(lintText(fixed)), []);
});

void test("the fixture project: bind sources, the Dockerfile's EXPOSE and what its image fills", () => {
  const findings = lintText(fs.readFileSync(app, 'utf8'), { path: app });
  assert.deepEqual(at(findings, 'missing-bind-source'), ['12:9', '14:17']);
  const [short, long] = findings.filter((f) => f.rule.id === 'missing-bind-source');
  assert.match(short.message.en, /empty folder owned by root/);
  assert.match(long.message.en, /create_host_path/);
  assert.deepEqual(at(findings, 'port-not-exposed'), ['8:9']);
  assert.deepEqual(at(findings, 'bind-hides-image-content'), ['10:9']);
  assert.match(
    findings.find((f) => f.rule.id === 'bind-hides-image-content')?.message.en ?? '',
    /line 3: `COPY package\.json \.`/,
  );
  // The override file beside it declares and uses `front`: no undeclared or unused network.
  assert.deepEqual(at(findings, 'undeclared-network'), []);
});

void test('schema errors land on the key or value, merged values on the alias', () => {
  const source = [
    'x-base: &base',
    '  restart: always',
    '  mem_limit: [1]',
    'services:',
    '  web:',
    '    <<: *base',
    '    image: nginx',
    '    enviroment: [A=1]',
    '    ports: 80',
    '    depends_on: [db, 3]',
    '  db:',
    '    image: x',
    '',
  ].join('\n');
  const findings = lintText(source);
  assert.deepEqual(at(findings, 'compose-unknown-key'), ['8:5']);
  assert.deepEqual(at(findings, 'compose-schema'), ['6:9', '9:12', '10:22']);
  const messages = findings.filter((f) => f.rule.id === 'compose-schema').map((f) => f.message.en);
  assert.ok(messages.includes('`services.web.ports` must be a list.'), messages.join(' | '));
  assert.ok(messages.includes('`services.web.depends_on[1]` must be a string.'), messages.join(' | '));
});

void test('YAML syntax errors are reported once, without schema noise', () => {
  const findings = lintText('services:\n  web:\n    image: x\n   bad: [\n');
  assert.ok(findings.length > 0);
  assert.deepEqual([...new Set(ids(findings))], ['yaml-syntax']);
});

void test('# berth ignore= above a key covers its block; at the end of a line, that line; global, the file', () => {
  const source = [
    '# berth global ignore=unused-volume',
    'services:',
    '  a:',
    '    image: x',
    '    # berth ignore=undeclared-network',
    '    networks:',
    '      - nope',
    '    links: [b] # berth ignore=legacy-links',
    '  b:',
    '    image: x',
    '    networks: [other]',
    'volumes:',
    '  unused: {}',
    '',
  ].join('\n');
  const findings = lintText(source);
  assert.deepEqual(at(findings, 'undeclared-network'), ['11:16']);
  assert.deepEqual(at(findings, 'legacy-links'), []);
  assert.deepEqual(at(findings, 'unused-volume'), []);
});

void test('a clean everyday file has no findings', () => {
  const source = [
    'name: shop',
    'services:',
    '  web:',
    '    image: nginx:1.27',
    '    ports: ["8080:80"]',
    '    depends_on:',
    '      api:',
    '        condition: service_healthy',
    '    networks: [front]',
    '  api:',
    '    image: shop/api',
    '    environment:',
    '      DATABASE_URL: postgres://shop:secret@db:5432/shop',
    '    healthcheck:',
    '      test: ["CMD", "wget", "-qO-", "http://localhost:3000/health"]',
    '    networks: [front, back]',
    '  db:',
    '    image: postgres:17',
    '    volumes: [pgdata:/var/lib/postgresql/data]',
    '    networks: [back]',
    'networks:',
    '  front: {}',
    '  back:',
    '    internal: true',
    'volumes:',
    '  pgdata: {}',
    '',
  ].join('\n');
  assert.deepEqual(ids(lintText(source)), []);
});
