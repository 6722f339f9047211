import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildSync } from 'esbuild';
import { connect } from '../../../client/src/engine/transport/connect';
import { parseHost } from '../../../client/src/engine/transport/endpoint';
import { classifyError } from '../../../client/src/engine/problems/classify';
import { ApiVersionError, compareApiVersions } from '../../../client/src/engine/problems/errors';
import { engineAvailable } from '../../harness/engine';

const dir = mkdtempSync(join(tmpdir(), 'berth-problems-'));
chmodSync(dir, 0o755);
after(() => rmSync(dir, { recursive: true, force: true }));

async function problemFor(dockerHost: string, env: NodeJS.ProcessEnv = {}) {
  const result = await connect({ dockerHost, env, timeoutMs: 5000 });
  assert.equal(result.ok, false, `expected ${dockerHost} to fail`);
  return result.ok ? undefined : result.problem;
}

function listen(server: Server, path?: string): Promise<void> {
  return new Promise((resolve) =>
    path ? server.listen(path, resolve) : server.listen(0, '127.0.0.1', resolve),
  );
}

void describe('connection problems, from real failures', () => {
  void test('a socket path that does not exist: the daemon is not running', async () => {
    const p = await problemFor(`unix://${join(dir, 'nothing.sock')}`);
    assert.equal(p?.code, 'socket-missing');
    assert.match(p?.message ?? '', /nothing\.sock/);
    assert.match(p?.fix ?? '', /systemctl start docker/);
    assert.match(p?.detail ?? '', /ENOENT/);
  });

  void test('a file where the socket should be, with nobody listening', async () => {
    const path = join(dir, 'stale.sock');
    writeFileSync(path, '');
    const p = await problemFor(`unix://${path}`);
    assert.equal(p?.code, 'daemon-not-running');
    assert.match(p?.detail ?? '', /ECONNREFUSED/);
  });

  void test('a closed loopback port: wrong host or port', async () => {
    const server = createServer();
    await listen(server);
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const p = await problemFor(`tcp://127.0.0.1:${port}`);
    assert.equal(p?.code, 'connection-refused');
    assert.match(p?.message ?? '', new RegExp(`127\\.0\\.0\\.1:${port}`));
  });

  void test('a host name that does not resolve', async () => {
    const p = await problemFor('tcp://berth-no-such-host.invalid:2375');
    assert.equal(p?.code, 'host-not-found');
    assert.match(p?.message ?? '', /berth-no-such-host\.invalid/);
  });

  void test('TLS files missing: the missing file is named', async () => {
    const p = await problemFor('', {
      DOCKER_HOST: 'tcp://127.0.0.1:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: join(dir, 'no-certs'),
    });
    assert.equal(p?.code, 'tls-file-missing');
    assert.match(p?.message ?? '', /no-certs\/ca\.pem/);
  });

  void test('TLS files that are not certificates', async () => {
    const certs = join(dir, 'bad-certs');
    execFileSync('mkdir', ['-p', certs]);
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(certs, f), 'not a certificate');
    const server = createServer((socket) => socket.destroy());
    await listen(server);
    try {
      const port = (server.address() as AddressInfo).port;
      const p = await problemFor('', {
        DOCKER_HOST: `tcp://127.0.0.1:${port}`,
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: certs,
      });
      assert.equal(p?.code, 'tls-invalid', JSON.stringify(p));
    } finally {
      server.close();
    }
  });

  void test('a socket the user may not open: add the user to the docker group', async (t) => {
    if (process.getuid?.() !== 0) {
      t.skip('needs root to start the attempt as the unprivileged user nobody');
      return;
    }
    const path = join(dir, 'locked.sock');
    const server = createServer();
    await listen(server, path);
    chmodSync(path, 0o000);
    try {
      const out = execFileSync(nodeForNobody(), [connectOnceForNobody(), `unix://${path}`], {
        uid: 65534,
        gid: 65534,
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: dir },
      });
      const result = JSON.parse(out) as {
        ok: boolean;
        problem?: { code: string; fix: string; message: string };
      };
      assert.equal(result.problem?.code, 'permission-denied');
      assert.match(result.problem?.message ?? '', /locked\.sock/);
      assert.match(result.problem?.fix ?? '', /usermod -aG docker/);
    } finally {
      server.close();
    }
  });

  void test('an engine older than API 1.41 names both versions', () => {
    const p = classifyError(
      new ApiVersionError('1.40', '19.03.15'),
      parseHost('unix:///x.sock', 'default', undefined),
    );
    assert.equal(p.code, 'api-too-old');
    assert.match(p.message, /1\.40.*19\.03\.15.*1\.41.*20\.10/);
    assert.equal(compareApiVersions('1.9', '1.41') < 0, true);
    assert.equal(compareApiVersions('1.43', '1.41') > 0, true);
  });

  void test('the real engine connects and reports its version', async (t) => {
    if (!(await engineAvailable(t))) return;
    const result = await connect({ env: {}, dockerHost: 'unix:///var/run/docker.sock' });
    assert.equal(result.ok, true);
    if (result.ok) assert.match(result.info.apiVersion, /^1\.\d+$/);
  });
});

void test('every connection problem carries templates with zh-cn translations', async () => {
  const { readFileSync } = await import('node:fs');
  const zh = JSON.parse(readFileSync('l10n/fragments/engine.zh-cn.json', 'utf8')) as Record<string, string>;
  const unix = parseHost('unix:///x.sock', 'default', undefined);
  const tcp = parseHost('tcp://h:2375', 'DOCKER_HOST', undefined);
  const ssh = parseHost('ssh://u@h', 'setting', undefined);
  const coded = (code: string) => Object.assign(new Error(code), { code });
  const cases: [unknown, typeof unix][] = [
    [coded('ENOENT'), unix],
    [coded('EACCES'), unix],
    [coded('ECONNREFUSED'), unix],
    [coded('ECONNREFUSED'), tcp],
    [coded('ENOTFOUND'), tcp],
    [coded('ETIMEDOUT'), tcp],
    [
      Object.assign(new Error('All configured authentication methods failed'), {
        level: 'client-authentication',
      }),
      ssh,
    ],
    [new Error('boom'), ssh],
    [coded('CERT_HAS_EXPIRED'), tcp],
    [new Error('self-signed certificate'), tcp],
    [
      Object.assign(new Error('x'), {
        statusCode: 400,
        json: 'Client sent an HTTP request to an HTTPS server.',
      }),
      tcp,
    ],
    [Object.assign(new Error('x'), { statusCode: 500 }), tcp],
    [new ApiVersionError('1.40', '19.03'), unix],
    [new Error('odd'), unix],
  ];
  const codes = new Set<string>();
  for (const [error, endpoint] of cases) {
    const p = classifyError(error, endpoint);
    codes.add(p.code);
    for (const sentence of [p.l10n!.message, ...p.l10n!.fix]) {
      assert.ok(zh[sentence.template], `missing zh-cn for: ${sentence.template}`);
    }
  }
  assert.deepEqual([...codes].sort(), [
    'api-too-old',
    'connection-refused',
    'daemon-not-running',
    'engine-error',
    'host-not-found',
    'host-unreachable',
    'permission-denied',
    'socket-missing',
    'ssh-auth',
    'ssh-failed',
    'tls-invalid',
    'tls-required',
    'unknown',
  ]);
});

/**
 * The connect-once fixture bundled into one file in `dir`, which `nobody` may read: the checkout,
 * its node_modules and tsx may sit under a folder only root may enter (/root, a mktemp -d folder).
 */
function connectOnceForNobody(): string {
  const outfile = join(dir, 'connect-once.cjs');
  buildSync({
    entryPoints: [join(import.meta.dirname, 'fixtures', 'connect-once.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // ssh2 probes for these optional native add-ons inside try/catch, as in esbuild.mjs.
    external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
    logLevel: 'error',
  });
  chmodSync(outfile, 0o644);
  return outfile;
}

/**
 * A Node binary the unprivileged user may run: the test runner's own may live under /root (the
 * tools dir), which `nobody` cannot enter.
 */
function nodeForNobody(): string {
  return existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
}
