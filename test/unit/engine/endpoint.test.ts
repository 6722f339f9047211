import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { EndpointError, listContexts, resolveEndpoint } from '../../../client/src/engine/transport/endpoint';

const root = mkdtempSync(join(tmpdir(), 'berth-docker-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A ~/.docker folder with the given contexts, laid out exactly as the docker CLI writes it. */
function configDir(
  name: string,
  current: string | undefined,
  contexts: { name: string; host: string; skipTls?: boolean; tls?: boolean }[],
): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(current ? { currentContext: current } : {}));
  for (const c of contexts) {
    const hash = createHash('sha256').update(c.name).digest('hex');
    mkdirSync(join(dir, 'contexts', 'meta', hash), { recursive: true });
    writeFileSync(
      join(dir, 'contexts', 'meta', hash, 'meta.json'),
      JSON.stringify({
        Name: c.name,
        Metadata: { Description: `${c.name} engine` },
        Endpoints: { docker: { Host: c.host, SkipTLSVerify: c.skipTls ?? false } },
      }),
    );
    if (c.tls) {
      const tls = join(dir, 'contexts', 'tls', hash, 'docker');
      mkdirSync(tls, { recursive: true });
      for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(tls, f), 'x');
    }
  }
  return dir;
}

void describe('resolveEndpoint', () => {
  const empty = configDir('empty', undefined, []);

  void test('defaults to the local socket', () => {
    const e = resolveEndpoint({ env: {}, configDir: empty });
    assert.equal(e.transport, 'unix');
    assert.equal(e.socketPath, '/var/run/docker.sock');
    assert.equal(e.source, 'default');
    assert.equal(e.insecure, false);
  });

  void test('DOCKER_HOST unix:// and plain tcp:// (flagged insecure)', () => {
    const unix = resolveEndpoint({ env: { DOCKER_HOST: 'unix:///tmp/d.sock' }, configDir: empty });
    assert.equal(unix.socketPath, '/tmp/d.sock');
    assert.equal(unix.source, 'DOCKER_HOST');
    const tcp = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' }, configDir: empty });
    assert.deepEqual([tcp.transport, tcp.hostname, tcp.port, tcp.insecure], ['tcp', '10.0.0.5', 2375, true]);
  });

  void test('DOCKER_TLS_VERIFY with DOCKER_CERT_PATH gives TLS files and no insecure flag', () => {
    const e = resolveEndpoint({
      env: { DOCKER_HOST: 'tcp://engine.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' },
      configDir: empty,
    });
    assert.deepEqual(e.tls, {
      ca: '/certs/ca.pem',
      cert: '/certs/cert.pem',
      key: '/certs/key.pem',
      verify: true,
    });
    assert.equal(e.insecure, false);
  });

  void test('DOCKER_TLS_VERIFY without a cert path uses the config folder, like the CLI', () => {
    const e = resolveEndpoint({
      env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' },
      configDir: empty,
    });
    assert.equal(e.tls?.ca, join(empty, 'ca.pem'));
  });

  void test('ssh:// keeps user, host and port', () => {
    const e = resolveEndpoint({ env: { DOCKER_HOST: 'ssh://deploy@build.example:2222' }, configDir: empty });
    assert.deepEqual([e.transport, e.username, e.hostname, e.port], ['ssh', 'deploy', 'build.example', 2222]);
  });

  void test('the current context from config.json, with its TLS material', () => {
    const dir = configDir('ctx', 'remote', [
      { name: 'remote', host: 'tcp://remote.example:2376', tls: true },
    ]);
    const e = resolveEndpoint({ env: {}, configDir: dir });
    assert.equal(e.source, 'context');
    assert.equal(e.label, 'remote');
    assert.equal(e.hostname, 'remote.example');
    assert.ok(e.tls?.ca?.endsWith(join('docker', 'ca.pem')));
    assert.equal(e.tls?.verify, true);
  });

  void test('DOCKER_CONTEXT beats currentContext; DOCKER_HOST beats both', () => {
    const dir = configDir('two', 'a', [
      { name: 'a', host: 'unix:///a.sock' },
      { name: 'b', host: 'unix:///b.sock' },
    ]);
    assert.equal(resolveEndpoint({ env: { DOCKER_CONTEXT: 'b' }, configDir: dir }).socketPath, '/b.sock');
    assert.equal(resolveEndpoint({ env: { DOCKER_CONTEXT: 'b' }, configDir: dir }).source, 'DOCKER_CONTEXT');
    const host = resolveEndpoint({
      env: { DOCKER_CONTEXT: 'b', DOCKER_HOST: 'unix:///h.sock' },
      configDir: dir,
    });
    assert.equal(host.socketPath, '/h.sock');
  });

  void test('the berth settings win over everything', () => {
    const dir = configDir('settings', 'a', [
      { name: 'a', host: 'unix:///a.sock' },
      { name: 'b', host: 'unix:///b.sock' },
    ]);
    const env = { DOCKER_HOST: 'unix:///h.sock' };
    assert.equal(resolveEndpoint({ env, configDir: dir, dockerHost: 'unix:///s.sock' }).source, 'setting');
    assert.equal(resolveEndpoint({ env, configDir: dir, dockerContext: 'b' }).socketPath, '/b.sock');
    assert.equal(
      resolveEndpoint({ env: {}, configDir: dir, dockerContext: 'default' }).socketPath,
      '/var/run/docker.sock',
    );
  });

  void test('a missing context or a malformed host is an EndpointError with a fix', () => {
    assert.throws(
      () => resolveEndpoint({ env: { DOCKER_CONTEXT: 'ghost' }, configDir: empty }),
      (e: unknown) => e instanceof EndpointError && e.code === 'unknown-context' && /ghost/.test(e.message),
    );
    assert.throws(
      () => resolveEndpoint({ env: {}, configDir: empty, dockerHost: 'ftp://x' }),
      (e: unknown) => e instanceof EndpointError && e.code === 'bad-host',
    );
  });
});

void describe('listContexts', () => {
  void test('lists default first, then the stored contexts, marking the current one', () => {
    const dir = configDir('list', 'zeta', [
      { name: 'zeta', host: 'ssh://z' },
      { name: 'alpha', host: 'tcp://a:2376', skipTls: true },
    ]);
    const contexts = listContexts({ env: {}, configDir: dir });
    assert.deepEqual(
      contexts.map((c) => [c.name, c.current]),
      [
        ['default', false],
        ['alpha', false],
        ['zeta', true],
      ],
    );
    assert.equal(contexts[1].skipTlsVerify, true);
  });
});
