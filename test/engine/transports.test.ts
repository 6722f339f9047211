// Berth's remote transports against real servers: tcp:// with mutual TLS (a TLS relay that
// demands client certificates from a throwaway CA) and ssh:// (a private sshd on 127.0.0.1 that
// runs `docker system dial-stdio`). Each one must load the live model, and each way it can go
// wrong must come back as its own problem, through the same connect() the extension uses.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer, type Socket } from 'node:net';
import * as path from 'node:path';
import * as os from 'node:os';
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { connect } from '../../client/src/engine/transport/connect';
import { createSession } from '../../client/src/engine/live/liveSession';
import type { LiveEngineSession } from '../../client/src/engine/live/liveSession';
import type { EngineProblem } from '../../client/src/engine/problems/problem';
import type { AskPassphrase } from '../../client/src/engine/transport/ssh/sshKeys';
import { resolveSshTarget } from '../../client/src/engine/transport/ssh/sshTarget';
import { SshTunnel } from '../../client/src/engine/transport/ssh/sshTunnel';
import {
  Tracker,
  createContainer,
  createNetwork,
  createVolume,
  engineUnavailableReason,
  waitFor,
} from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import { SshServer, freePort, sshMissingReason } from '../harness/sshServer';
import type { Authority } from '../harness/tlsRelay';
import { TlsRelay, certRoot, issue, makeAuthority, opensslMissingReason } from '../harness/tlsRelay';

const repo = path.join(import.meta.dirname, '..', '..');
const tracker = new Tracker();
const sessions: LiveEngineSession[] = [];
/** Everything the engine must list, whichever transport Berth used. */
let made: { container: string; network: string; volume: string } | undefined;
let engineReason: string | undefined;

before(async () => {
  engineReason = await engineUnavailableReason();
  if (engineReason) return;
  const container = await createContainer(tracker);
  const network = await createNetwork(tracker);
  const volume = await createVolume(tracker);
  made = { container: container.id, network: network.id, volume };
});

after(async () => {
  for (const session of sessions) session.dispose();
  await tracker.cleanup();
});

/** Every zh-cn fragment merged, as scripts/build-l10n.mjs does. */
function translations(): Record<string, string> {
  const dir = path.join(repo, 'l10n', 'fragments');
  const all: Record<string, string> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.zh-cn.json'))) {
    Object.assign(all, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, string>);
  }
  return all;
}

async function problemFor(
  env: NodeJS.ProcessEnv,
  extra: { configDir?: string; dockerContext?: string; askPassphrase?: AskPassphrase } = {},
) {
  const result = await connect({ env, timeoutMs: 60_000, ...extra });
  assert.equal(result.ok, false, `expected ${env.DOCKER_HOST ?? extra.dockerContext} to fail`);
  const problem = (result as { problem: EngineProblem }).problem;
  assert.ok(problem.fix.length > 0, `no fix for ${problem.code}`);
  const zh = translations();
  for (const sentence of [problem.l10n!.message, ...problem.l10n!.fix]) {
    assert.ok(zh[sentence.template], `missing zh-cn for: ${sentence.template}`);
  }
  return problem;
}

/** A live session on `env`, connected, with the suite's labelled objects in its snapshot. */
async function sessionShowsOurObjects(env: NodeJS.ProcessEnv): Promise<LiveEngineSession> {
  const session = createSession({ settings: () => ({}), env, retryInitialMs: 60_000 });
  sessions.push(session);
  session.start();
  await waitFor(
    'the session to connect and load',
    () => {
      if (session.state.kind === 'unreachable') throw new Error(JSON.stringify(session.state.problem));
      return session.state.kind === 'connected' && session.snapshot;
    },
    120_000,
  );
  const snapshot = session.snapshot!;
  assert.ok(snapshot.containers.has(made!.container), 'the labelled container is missing');
  assert.ok(snapshot.networks.has(made!.network), 'the labelled network is missing');
  assert.ok(snapshot.volumes.has(made!.volume), 'the labelled volume is missing');
  // The /events stream runs over the same transport: a change made now must arrive through it.
  const later = await createVolume(tracker);
  await waitFor('a volume created after connecting', () => session.snapshot?.volumes.has(later), 60_000);
  return session;
}

void describe('tcp:// with mutual TLS, against a relay that demands client certificates', () => {
  let root = '';
  let relay: TlsRelay | undefined;
  let renamed: TlsRelay | undefined;
  let setupError: Error | undefined;
  const folders: Record<string, string> = {};
  let tlsReason: string | undefined;

  /** A DOCKER_CERT_PATH with ca.pem from `trust` and cert.pem/key.pem from `client`. */
  function certFolder(name: string, trust: Authority, client: Authority): string {
    const dir = path.join(root, name);
    issue(client, dir, 'client');
    fs.copyFileSync(trust.cert, path.join(dir, 'ca.pem'));
    return dir;
  }

  before(async () => {
    tlsReason = engineReason ?? opensslMissingReason();
    if (tlsReason) return;
    try {
      root = certRoot();
      const ca = makeAuthority(root, 'engine-ca');
      const rogue = makeAuthority(root, 'other-ca');
      const server = issue(ca, path.join(root, 'server'), 'server');
      folders.good = certFolder('good', ca, ca);
      folders.rogueClient = certFolder('rogue-client', ca, rogue);
      folders.wrongCa = certFolder('wrong-ca', rogue, ca);
      folders.noKey = certFolder('no-key', ca, ca);
      fs.rmSync(path.join(folders.noKey, 'key.pem'));
      folders.mismatch = certFolder('mismatch', ca, ca);
      fs.copyFileSync(path.join(folders.rogueClient, 'key.pem'), path.join(folders.mismatch, 'key.pem'));
      relay = new TlsRelay({ clientCa: ca.cert, serverCert: server.cert, serverKey: server.key });
      await relay.start();
      const other = issue(ca, path.join(root, 'renamed'), 'server', '', 'DNS:engine.example');
      renamed = new TlsRelay({ clientCa: ca.cert, serverCert: other.cert, serverKey: other.key });
      await renamed.start();
    } catch (error) {
      setupError = error as Error;
    }
  });

  after(async () => {
    await relay?.dispose();
    await renamed?.dispose();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  function ready(t: TestContext): boolean {
    if (setupError) throw setupError;
    return requireOrSkip(t, !tlsReason, tlsReason ?? '');
  }

  const verified = (certPath: string, host = relay!.host): NodeJS.ProcessEnv => ({
    DOCKER_HOST: host,
    DOCKER_TLS_VERIFY: '1',
    DOCKER_CERT_PATH: certPath,
  });

  void test('connects with the client certificate, loads the labelled objects and follows events', async (t) => {
    if (!ready(t)) return;
    const session = await sessionShowsOurObjects(verified(folders.good));
    assert.equal(session.endpoint?.transport, 'tcp');
    assert.equal(session.endpoint?.insecure, false, 'TLS must not raise the plain-tcp warning');
    assert.equal(session.snapshot?.info.endpointLabel, relay!.host);
  });

  void test('a DOCKER_CERT_PATH that does not exist names the CA file it could not read', async (t) => {
    if (!ready(t)) return;
    const missing = path.join(root, 'nowhere');
    const p = await problemFor(verified(missing));
    assert.equal(p.code, 'tls-file-missing');
    assert.equal(p.message, `The TLS CA certificate ${path.join(missing, 'ca.pem')} cannot be read`);
    assert.match(p.fix, /DOCKER_CERT_PATH/);
  });

  void test('a missing key.pem is named as the client key', async (t) => {
    if (!ready(t)) return;
    const p = await problemFor(verified(folders.noKey));
    assert.equal(p.code, 'tls-file-missing');
    assert.equal(p.message, `The TLS client key ${path.join(folders.noKey, 'key.pem')} cannot be read`);
  });

  void test('a client certificate from another CA: the engine refuses it', async (t) => {
    if (!ready(t)) return;
    const refusedBefore = relay!.refusals.length;
    const p = await problemFor(verified(folders.rogueClient));
    assert.equal(p.code, 'tls-client-rejected', JSON.stringify(p));
    assert.ok(p.message.includes(path.join(folders.rogueClient, 'cert.pem')), p.message);
    assert.match(p.fix, /--tlscacert/);
    assert.ok(relay!.refusals.length > refusedBefore, 'the relay never saw the handshake');
  });

  void test('no client certificate at all (a context with only ca.pem): the engine says it requires one', async (t) => {
    if (!ready(t)) return;
    const configDir = path.join(root, 'docker-config');
    const name = 'berth-ca-only';
    const hash = createHash('sha256').update(name).digest('hex');
    const meta = path.join(configDir, 'contexts', 'meta', hash);
    const tlsDir = path.join(configDir, 'contexts', 'tls', hash, 'docker');
    fs.mkdirSync(meta, { recursive: true });
    fs.mkdirSync(tlsDir, { recursive: true });
    fs.writeFileSync(
      path.join(meta, 'meta.json'),
      JSON.stringify({
        Name: name,
        Metadata: {},
        Endpoints: { docker: { Host: relay!.host, SkipTLSVerify: false } },
      }),
    );
    fs.copyFileSync(path.join(folders.good, 'ca.pem'), path.join(tlsDir, 'ca.pem'));
    const p = await problemFor({}, { configDir, dockerContext: name });
    assert.equal(p.code, 'tls-client-rejected', JSON.stringify(p));
    assert.match(p.message, /requires a client certificate \(ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED\)/);
  });

  void test('a server certificate that ca.pem did not sign: verification fails and names ca.pem', async (t) => {
    if (!ready(t)) return;
    const p = await problemFor(verified(folders.wrongCa));
    assert.equal(p.code, 'tls-server-untrusted', JSON.stringify(p));
    assert.ok(p.message.includes(path.join(folders.wrongCa, 'ca.pem')), p.message);
    assert.match(p.message, /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
  });

  void test('a server certificate issued for another name: the host name does not match', async (t) => {
    if (!ready(t)) return;
    const p = await problemFor(verified(folders.good, renamed!.host));
    assert.equal(p.code, 'tls-host-mismatch', JSON.stringify(p));
    assert.match(p.detail ?? '', /127\.0\.0\.1 is not in the cert's list/);
    assert.match(p.fix, /subjectAltName/);
  });

  void test('a cert.pem and key.pem that do not belong together', async (t) => {
    if (!ready(t)) return;
    const p = await problemFor(verified(folders.mismatch));
    assert.equal(p.code, 'tls-key-mismatch', JSON.stringify(p));
    assert.ok(p.message.includes(path.join(folders.mismatch, 'key.pem')), p.message);
  });

  void test('DOCKER_TLS_VERIFY unset with DOCKER_CERT_PATH set is plain HTTP, as for the docker CLI: TLS required', async (t) => {
    if (!ready(t)) return;
    const p = await problemFor({ DOCKER_HOST: relay!.host, DOCKER_CERT_PATH: folders.good });
    assert.equal(p.code, 'tls-required', JSON.stringify(p));
    assert.equal(p.message, `The engine at 127.0.0.1:${relay!.port} requires TLS`);
    assert.match(p.fix, /DOCKER_TLS_VERIFY=1/);
    assert.match(p.detail ?? '', /Client sent an HTTP request to an HTTPS server/);
  });

  void test('plain tcp:// against the TLS port: TLS required, and the endpoint is flagged insecure', async (t) => {
    if (!ready(t)) return;
    const result = await connect({ env: { DOCKER_HOST: relay!.host }, timeoutMs: 60_000 });
    assert.equal(result.ok, false);
    assert.equal(result.endpoint?.insecure, true);
    const p = await problemFor({ DOCKER_HOST: relay!.host });
    assert.equal(p.code, 'tls-required');
  });

  void test('DOCKER_TLS without DOCKER_TLS_VERIFY does not verify the server, as the CLI', async (t) => {
    if (!ready(t)) return;
    const result = await connect({
      env: { DOCKER_HOST: relay!.host, DOCKER_TLS: '1', DOCKER_CERT_PATH: folders.wrongCa },
      timeoutMs: 60_000,
    });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problem));
  });
});

void describe('ssh:// through a private sshd that runs docker system dial-stdio', () => {
  let server: SshServer | undefined;
  let noDocker: SshServer | undefined;
  let jumpHost: SshServer | undefined;
  let strict: SshServer | undefined;
  let setupError: Error | undefined;
  let sshReason: string | undefined;
  /** A HOME whose ~/.ssh/known_hosts trusts the private sshd, as after "ssh-keyscan >> known_hosts". */
  let home = '';

  before(async () => {
    sshReason = engineReason ?? sshMissingReason();
    if (sshReason) return;
    try {
      server = new SshServer();
      await server.start();
      home = homeWithKnownHosts([`[127.0.0.1]:${server.port} ${server.hostKeyLine()}`]);
    } catch (error) {
      setupError = error as Error;
    }
  });

  after(async () => {
    await server?.dispose();
    await noDocker?.dispose();
    await jumpHost?.dispose();
    await strict?.dispose();
    for (const dir of homes) fs.rmSync(dir, { recursive: true, force: true });
  });

  const homes: string[] = [];
  /** A temporary HOME whose ~/.ssh/known_hosts holds `lines`. */
  function homeWithKnownHosts(lines: string[]): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ssh-home-'));
    homes.push(dir);
    fs.mkdirSync(path.join(dir, '.ssh'), { mode: 0o700 });
    fs.writeFileSync(path.join(dir, '.ssh', 'known_hosts'), lines.map((l) => `${l}\n`).join(''));
    return dir;
  }

  /** The environment VS Code would hand Berth: HOME, DOCKER_HOST and the agent. */
  const sshEnv = (
    host = server!.host(),
    agent = server!.agentSocket,
    withHome = home,
  ): NodeJS.ProcessEnv => ({
    HOME: withHome,
    DOCKER_HOST: host,
    SSH_AUTH_SOCK: agent,
  });

  function ready(t: TestContext): boolean {
    if (setupError) throw new Error(`${setupError.message}\nsshd log:\n${server?.log ?? ''}`);
    return requireOrSkip(t, !sshReason, sshReason ?? '');
  }

  void test('one SSH login carries the whole snapshot and the event stream, and ends with the session', async (t) => {
    if (!ready(t)) return;
    const loginsBefore = server!.logins();
    const started = Date.now();
    const session = await sessionShowsOurObjects(sshEnv());
    t.diagnostic(`first snapshot and one event over ssh:// in ${Date.now() - started} ms`);
    assert.equal(session.endpoint?.transport, 'ssh');
    assert.equal(session.endpoint?.insecure, false);
    assert.ok(session.stats.requests >= 5, `only ${session.stats.requests} requests`);
    assert.equal(server!.logins() - loginsBefore, 1, `logins for ${session.stats.requests} requests`);
    const port = [
      ...server!.log.matchAll(/Accepted publickey for root from 127\.0\.0\.1 port (\d+)/g),
    ].pop()![1];
    session.dispose();
    await waitFor('sshd to see the session end its connection', () =>
      new RegExp(`Disconnected from user root 127\\.0\\.0\\.1 port ${port}`).test(server!.log),
    );
  });

  void test('a dropped SSH connection: the session logs in again and follows events', async (t) => {
    if (!ready(t)) return;
    const session = await sessionShowsOurObjects(sshEnv());
    const loginsBefore = server!.logins();
    assert.ok(server!.dropConnections() > 0, 'no logged-in connection to drop');
    await waitFor('a new login', () => server!.logins() > loginsBefore, 60_000);
    await waitFor('the session to be connected again', () => session.state.kind === 'connected', 60_000);
    const later = await createVolume(tracker);
    await waitFor('an event over the new connection', () => session.snapshot?.volumes.has(later), 60_000);
    session.dispose();
  });

  void test('a host that known_hosts does not list: refused before logging in, with its fingerprint', async (t) => {
    if (!ready(t)) return;
    const loginsBefore = server!.logins();
    const empty = homeWithKnownHosts(['# nothing yet']);
    const p = await problemFor(sshEnv(undefined, undefined, empty));
    assert.equal(p.code, 'ssh-host-unknown', JSON.stringify(p));
    const fingerprint = server!.hostKeyFingerprint();
    assert.match(fingerprint, /^SHA256:/);
    assert.ok(p.message.includes(fingerprint), `${p.message} lacks ${fingerprint}`);
    assert.ok(p.message.includes(`[127.0.0.1]:${server!.port}`), p.message);
    assert.ok(p.message.includes(path.join(empty, '.ssh', 'known_hosts')), p.message);
    assert.ok(p.fix.includes(`ssh-keyscan -p ${server!.port} 127.0.0.1 >> ~/.ssh/known_hosts`), p.fix);
    assert.equal(server!.logins(), loginsBefore, 'Berth logged in to an unknown host');
  });

  void test('another key recorded for the host: refused loudly, naming the file and line', async (t) => {
    if (!ready(t)) return;
    const loginsBefore = server!.logins();
    const impostor = path.join(server!.dir, 'impostor');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', impostor]);
    const old = fs.readFileSync(`${impostor}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
    const changed = homeWithKnownHosts(['# the host as it was', `[127.0.0.1]:${server!.port} ${old}`]);
    const p = await problemFor(sshEnv(undefined, undefined, changed));
    assert.equal(p.code, 'ssh-host-key-changed', JSON.stringify(p));
    assert.ok(p.message.includes(`${path.join(changed, '.ssh', 'known_hosts')} line 2`), p.message);
    assert.ok(p.message.includes(server!.hostKeyFingerprint()), p.message);
    assert.match(p.message, /intercepting/);
    assert.ok(p.fix.includes(`ssh-keygen -R '[127.0.0.1]:${server!.port}'`), p.fix);
    assert.equal(server!.logins(), loginsBefore, 'Berth logged in despite a changed host key');
  });

  void test('a hashed known_hosts entry (ssh-keygen -H) is trusted', async (t) => {
    if (!ready(t)) return;
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update(`[127.0.0.1]:${server!.port}`).digest('base64');
    const hashed = homeWithKnownHosts([`|1|${salt.toString('base64')}|${hash} ${server!.hostKeyLine()}`]);
    const result = await connect({ env: sshEnv(undefined, undefined, hashed), timeoutMs: 60_000 });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problem));
    result.close();
  });

  void test('a host key marked @revoked is never accepted', async (t) => {
    if (!ready(t)) return;
    const revoked = homeWithKnownHosts([
      `[127.0.0.1]:${server!.port} ${server!.hostKeyLine()}`,
      `@revoked * ${server!.hostKeyLine()}`,
    ]);
    const p = await problemFor(sshEnv(undefined, undefined, revoked));
    assert.equal(p.code, 'ssh-host-key-revoked', JSON.stringify(p));
    assert.ok(p.message.includes(`${path.join(revoked, '.ssh', 'known_hosts')} line 2`), p.message);
  });

  void test('a URL without a user logs in as the local user, as ssh does', async (t) => {
    if (!ready(t)) return;
    const result = await connect({
      env: sshEnv(`ssh://127.0.0.1:${server!.port}`),
      timeoutMs: 60_000,
    });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problem));
    result.close();
  });

  void test('a user the server does not let in: the login is refused, naming the user', async (t) => {
    if (!ready(t)) return;
    const p = await problemFor(sshEnv(server!.host('nobody')));
    assert.equal(p.code, 'ssh-auth', JSON.stringify(p));
    assert.equal(p.message, `SSH login as nobody to 127.0.0.1:${server!.port} was refused`);
    await waitFor('sshd to log the refusal', () =>
      /User nobody from 127\.0\.0\.1 not allowed/.test(server!.log),
    );
  });

  void test('an agent without the key: the login is refused', async (t) => {
    if (!ready(t)) return;
    const p = await problemFor(sshEnv(undefined, server!.emptyAgentSocket));
    assert.equal(p.code, 'ssh-auth', JSON.stringify(p));
    assert.match(p.fix, /ssh-add -l/);
  });

  void test('no SSH_AUTH_SOCK: said before anything is sent', async (t) => {
    if (!ready(t)) return;
    const connections = (server!.log.match(/Connection from/g) ?? []).length;
    const p = await problemFor({ HOME: home, DOCKER_HOST: server!.host() });
    assert.equal(p.code, 'ssh-no-agent', JSON.stringify(p));
    assert.match(p.message, /SSH_AUTH_SOCK is not set/);
    assert.equal((server!.log.match(/Connection from/g) ?? []).length, connections, 'sshd was contacted');
  });

  /** A HOME whose ~/.ssh/config holds `config`, and whose known_hosts trusts the sshd as `knownAs`. */
  function homeWithConfig(config: string[], knownAs = `[127.0.0.1]:${server!.port}`): string {
    const dir = homeWithKnownHosts([`${knownAs} ${server!.hostKeyLine()}`]);
    fs.writeFileSync(path.join(dir, '.ssh', 'config'), config.map((l) => `${l}\n`).join(''));
    return dir;
  }

  void test('a host alias from ~/.ssh/config: its HostName, Port and User are where Berth logs in', async (t) => {
    if (!ready(t)) return;
    const aliased = homeWithConfig([
      'Host berth-test-alias',
      '  HostName 127.0.0.1',
      `  Port ${server!.port}`,
      '  User root',
      // ssh keeps the first value it obtains: these never apply to the alias.
      'Host *',
      '  Port 1',
      '  User nobody',
    ]);
    const loginsBefore = server!.logins();
    const session = await sessionShowsOurObjects(sshEnv('ssh://berth-test-alias', undefined, aliased));
    assert.equal(server!.logins() - loginsBefore, 1);
    assert.match(server!.log, /Accepted publickey for root from 127\.0\.0\.1/);
    session.dispose();
  });

  void test('IdentityFile and HostKeyAlias from ~/.ssh/config: a login with no ssh-agent at all', async (t) => {
    if (!ready(t)) return;
    const keyed = homeWithConfig(
      [
        'Host berth-test-keyed',
        '  HostName 127.0.0.1',
        `  Port ${server!.port}`,
        '  HostKeyAlias berth-test-key',
        `  IdentityFile ${path.join(server!.dir, 'id_ed25519')}`,
        // Never run: Berth runs no command from the config, and says so in the log.
        'Match exec "exit 0"',
        '  User nobody',
      ],
      'berth-test-key',
    );
    const result = await connect({
      env: { HOME: keyed, DOCKER_HOST: 'ssh://root@berth-test-keyed' },
      timeoutMs: 60_000,
    });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problem));
    result.close();
    assert.match(
      result.notes.join('\n'),
      /config line 6: Match exec is not evaluated, so its block is skipped/,
    );
  });

  void test('IdentitiesOnly: an agent full of other keys is passed over for the IdentityFile, where MaxAuthTries would end the login first', async (t) => {
    if (!ready(t)) return;
    strict = new SshServer({ maxAuthTries: 3 });
    await strict.start();
    const agent = await strict.crowdedAgent(3);
    const config = (identitiesOnly: boolean) => {
      const dir = homeWithKnownHosts([`[127.0.0.1]:${strict!.port} ${strict!.hostKeyLine()}`]);
      const lines = ['Host 127.0.0.1', `  IdentityFile ${path.join(strict!.dir, 'id_ed25519')}`];
      if (identitiesOnly) lines.push('  IdentitiesOnly yes');
      fs.writeFileSync(path.join(dir, '.ssh', 'config'), lines.map((l) => `${l}\n`).join(''));
      return dir;
    };
    const env = (home: string) => ({ HOME: home, DOCKER_HOST: strict!.host(), SSH_AUTH_SOCK: agent });
    // As with ssh: the agent's three keys come first, and sshd ends the login at the third refusal.
    const crowded = await connect({ env: env(config(false)), timeoutMs: 60_000 });
    if (crowded.ok) crowded.close();
    assert.equal(crowded.ok, false, 'three wrong agent keys did not use up MaxAuthTries 3');
    assert.equal((strict.log.match(/Failed publickey for root/g) ?? []).length, 3, strict.log);
    assert.equal(strict.logins(), 0);
    const only = await connect({ env: env(config(true)), timeoutMs: 60_000 });
    assert.ok(only.ok, JSON.stringify(!only.ok && only.problem));
    only.close();
    assert.equal(strict.logins(), 1);
  });

  void test("the agent's copy of an IdentityFile key is offered before its other keys, and the locked file is not asked for", async (t) => {
    if (!ready(t)) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ssh-held-'));
    homes.push(dir);
    const key = path.join(dir, 'id_held');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    fs.appendFileSync(path.join(server!.dir, 'authorized_keys'), fs.readFileSync(`${key}.pub`));
    // Six other keys first in the agent: offered in the agent's order they would use up sshd's
    // default MaxAuthTries (6). Then the file is locked and its .pub removed: its public half is
    // read from OpenSSH's key format.
    const agent = await server!.crowdedAgent(6, [key]);
    execFileSync('ssh-keygen', ['-q', '-p', '-P', '', '-N', 'locked now', '-f', key]);
    fs.rmSync(`${key}.pub`);
    const home = homeWithConfig(['Host 127.0.0.1', `  IdentityFile ${key}`]);
    const asked: string[] = [];
    const askPassphrase = (file: string) => {
      asked.push(file);
      return Promise.resolve<string | undefined>(undefined);
    };
    const logins = server!.logins();
    const result = await connect({
      env: { HOME: home, DOCKER_HOST: server!.host(), SSH_AUTH_SOCK: agent },
      askPassphrase,
      timeoutMs: 60_000,
    });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problem));
    result.close();
    assert.equal(server!.logins() - logins, 1);
    assert.deepEqual(asked, [], 'the passphrase of a key the agent holds was asked for');
  });

  void test('a key file behind a passphrase and no agent: said, naming the file, before a login', async (t) => {
    if (!ready(t)) return;
    const locked = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ssh-locked-')), 'id_locked');
    homes.push(path.dirname(locked));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'a passphrase', '-f', locked]);
    const home = homeWithConfig(['Host 127.0.0.1', `  IdentityFile ${locked}`]);
    const logins = server!.logins();
    const p = await problemFor({ HOME: home, DOCKER_HOST: server!.host() });
    assert.equal(p.code, 'ssh-key-unusable', JSON.stringify(p));
    assert.ok(p.message.includes(locked), p.message);
    assert.match(p.fix, /ssh-add/);
    assert.equal(server!.logins(), logins);
  });

  /** A key behind `passphrase` that the private sshd accepts, as IdentityFile of a fresh HOME. */
  function lockedKeyHome(passphrase: string): { home: string; key: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ssh-locked-'));
    homes.push(dir);
    const key = path.join(dir, 'id_locked');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-f', key]);
    fs.appendFileSync(path.join(server!.dir, 'authorized_keys'), fs.readFileSync(`${key}.pub`));
    return { home: homeWithConfig(['Host 127.0.0.1', `  IdentityFile ${key}`]), key };
  }

  void test("connect()'s clock stops for the key exchange and for the passphrase question, and runs in between", async (t) => {
    if (!ready(t)) return;
    const { home } = lockedKeyHome('asked for');
    const steps: string[] = [];
    const clock = {
      pause: () => {
        steps.push('pause');
        return () => steps.push('resume');
      },
    };
    const askPassphrase: AskPassphrase = () => {
      steps.push('asked');
      return Promise.resolve('asked for');
    };
    const target = resolveSshTarget(
      { hostname: '127.0.0.1', port: server!.port, username: 'root' },
      { env: { HOME: home } },
    );
    const tunnel = new SshTunnel({ ...target, askPassphrase, clock });
    try {
      const channel = await tunnel.dialStdio();
      channel.destroy();
    } finally {
      tunnel.close();
    }
    assert.deepEqual(steps, ['pause', 'resume', 'pause', 'asked', 'resume']);
  });

  void test('a key behind a passphrase: asked when the login reaches it, again after a wrong one, and not on the next login', async (t) => {
    if (!ready(t)) return;
    const { home, key } = lockedKeyHome('the right one');
    const asked: string[] = [];
    const askPassphrase = (file: string, host: string, attempt: number) => {
      asked.push(`${file} ${host} ${attempt}`);
      return Promise.resolve(attempt === 1 ? 'a wrong one' : 'the right one');
    };
    const env = { HOME: home, DOCKER_HOST: server!.host() };
    const first = await connect({ env, askPassphrase, timeoutMs: 60_000 });
    assert.ok(first.ok, JSON.stringify(!first.ok && first.problem));
    first.close();
    const host = `root@127.0.0.1:${server!.port}`;
    assert.deepEqual(asked, [`${key} ${host} 1`, `${key} ${host} 2`]);
    const second = await connect({ env, askPassphrase, timeoutMs: 60_000 });
    assert.ok(second.ok, JSON.stringify(!second.ok && second.problem));
    second.close();
    assert.equal(asked.length, 2, 'the unlocked key was asked for again');
  });

  void test('two logins that reach the same locked key at once share one question', async (t) => {
    if (!ready(t)) return;
    const { home } = lockedKeyHome('shared');
    let asked = 0;
    let answer: (passphrase: string) => void = () => undefined;
    const answered = new Promise<string>((resolve) => (answer = resolve));
    const askPassphrase = () => {
      asked++;
      return answered;
    };
    const env = { HOME: home, DOCKER_HOST: server!.host() };
    const both = Promise.all([
      connect({ env, askPassphrase, timeoutMs: 60_000 }),
      connect({ env, askPassphrase, timeoutMs: 60_000 }),
    ]);
    await waitFor('the question', () => (asked > 0 ? true : undefined), 30_000);
    answer('shared');
    const results = await both;
    for (const result of results) if (result.ok) result.close();
    for (const result of results) assert.ok(result.ok, JSON.stringify(!result.ok && result.problem));
    assert.equal(asked, 1);
  });

  void test('a passphrase declined: said, naming the key, and the agent is still tried first', async (t) => {
    if (!ready(t)) return;
    const { home, key } = lockedKeyHome('never given');
    let asked = 0;
    const askPassphrase = () => {
      asked++;
      return Promise.resolve(undefined);
    };
    const p = await problemFor({ HOME: home, DOCKER_HOST: server!.host() }, { askPassphrase });
    assert.equal(p.code, 'ssh-key-unusable', JSON.stringify(p));
    assert.ok(p.message.includes(`${key} (no passphrase given)`), p.message);
    assert.equal(asked, 1);
    // With the agent's key accepted, the locked key's turn never comes.
    const withAgent = await connect({
      env: { HOME: home, DOCKER_HOST: server!.host(), SSH_AUTH_SOCK: server!.agentSocket },
      askPassphrase,
      timeoutMs: 60_000,
    });
    assert.ok(withAgent.ok, JSON.stringify(!withAgent.ok && withAgent.problem));
    withAgent.close();
    assert.equal(asked, 1, 'asked although the agent logged in');
  });

  /** A ProxyCommand line running the test relay with node, recording into a fresh file. */
  function relayLine(extra = ''): { line: string; record: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ssh-proxy-'));
    homes.push(dir);
    const record = path.join(dir, 'record');
    fs.writeFileSync(record, '');
    const relay = path.join(__dirname, '..', 'harness', 'proxyRelay.mjs');
    return { line: `'${process.execPath}' '${relay}' %h %p '${record}'${extra}`, record };
  }

  void test('ProxyCommand: Berth runs the program, without a shell, and the login goes through it; it stops with the session', async (t) => {
    if (!ready(t)) return;
    const { line, record } = relayLine();
    const proxied = homeWithConfig(['Host 127.0.0.1', `  ProxyCommand ${line}`]);
    const logins = server!.logins();
    const session = await sessionShowsOurObjects(sshEnv(undefined, undefined, proxied));
    assert.equal(fs.readFileSync(record, 'utf8'), `started 127.0.0.1 ${server!.port}\n`);
    assert.equal(server!.logins() - logins, 1);
    session.dispose();
    await waitFor('the ProxyCommand to end with the session', () =>
      fs.readFileSync(record, 'utf8').includes('ended') ? true : undefined,
    );
  });

  void test('a ProxyCommand that fails: said with its exit and its own words', async (t) => {
    if (!ready(t)) return;
    const { line } = relayLine(' --fail');
    const proxied = homeWithConfig(['', 'Host 127.0.0.1', `  ProxyCommand ${line}`]);
    const p = await problemFor(sshEnv(undefined, undefined, proxied));
    assert.equal(p.code, 'ssh-proxy-command', JSON.stringify(p));
    assert.ok(p.message.includes(`${path.join(proxied, '.ssh', 'config')} line 3`), p.message);
    assert.match(p.message, /exited with code 3: berth-test proxy: no route to 127\.0\.0\.1/);
    const missing = homeWithConfig(['Host 127.0.0.1', '  ProxyCommand /nonexistent/berth-proxy %h %p']);
    const q = await problemFor(sshEnv(undefined, undefined, missing));
    assert.equal(q.code, 'ssh-proxy-command', JSON.stringify(q));
    assert.match(q.message, /\/nonexistent\/berth-proxy could not be started: .*ENOENT/);
  });

  void test('a ProxyCommand only a shell could run: said with its line and why, and nothing is contacted', async (t) => {
    if (!ready(t)) return;
    const proxied = homeWithConfig(['', 'Host 127.0.0.1', '  ProxyCommand nc %h %p | cat']);
    const connections = (server!.log.match(/Connection from/g) ?? []).length;
    const p = await problemFor(sshEnv(undefined, undefined, proxied));
    assert.equal(p.code, 'ssh-proxy', JSON.stringify(p));
    assert.ok(p.message.includes(`${path.join(proxied, '.ssh', 'config')} line 3`), p.message);
    assert.match(p.message, /ProxyCommand nc %h %p \| cat .*needs a shell for a pipe/);
    assert.equal((server!.log.match(/Connection from/g) ?? []).length, connections, 'sshd was contacted');
  });

  void test('ProxyJump from ~/.ssh/config: the engine is reached through the jump host, each login with its own key', async (t) => {
    if (!ready(t)) return;
    jumpHost = new SshServer({ forwarding: true });
    await jumpHost.start();
    const jumping = homeWithConfig([
      'Host berth-test-behind',
      '  HostName 127.0.0.1',
      `  Port ${server!.port}`,
      '  User root',
      '  ProxyJump berth-test-jump',
      'Host berth-test-jump',
      '  HostName 127.0.0.1',
      `  Port ${jumpHost.port}`,
      '  User root',
      '  HostKeyAlias berth-test-jump',
      // The jump host takes its own key, from a file; the engine's host takes the agent's.
      '  IdentityAgent none',
      `  IdentityFile ${path.join(jumpHost.dir, 'id_ed25519')}`,
    ]);
    fs.appendFileSync(
      path.join(jumping, '.ssh', 'known_hosts'),
      `berth-test-jump ${jumpHost.hostKeyLine()}\n`,
    );
    const [jumpLogins, logins] = [jumpHost.logins(), server!.logins()];
    const session = await sessionShowsOurObjects(sshEnv('ssh://berth-test-behind', undefined, jumping));
    assert.equal(jumpHost.logins() - jumpLogins, 1, 'logins on the jump host');
    assert.equal(server!.logins() - logins, 1, "logins on the engine's host");
    session.dispose();
  });

  void test('a jump host that does not forward: said, naming the jump host and what it answered', async (t) => {
    if (!ready(t)) return;
    const refusing = homeWithConfig([
      'Host berth-test-behind',
      '  HostName 127.0.0.1',
      '  Port 22',
      `  ProxyJump root@127.0.0.1:${server!.port}`,
    ]);
    const p = await problemFor(sshEnv('ssh://berth-test-behind', undefined, refusing));
    assert.equal(p.code, 'ssh-jump', JSON.stringify(p));
    assert.ok(p.message.includes(`root@127.0.0.1:${server!.port}`), p.message);
    assert.match(p.message, /did not open a connection to 127\.0\.0\.1:22/);
  });

  void test('an SSH_AUTH_SOCK where no agent listens', async (t) => {
    if (!ready(t)) return;
    const p = await problemFor(sshEnv(undefined, path.join(server!.dir, 'gone.sock')));
    assert.equal(p.code, 'ssh-agent-unreachable', JSON.stringify(p));
  });

  void test('a host that accepts the connection and never answers: ConnectTimeout ends the wait, naming the host and the line', async (t) => {
    if (!ready(t)) return;
    // Accepts TCP connections and says nothing, as a host whose sshd hangs.
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    t.after(() => {
      for (const socket of held) socket.destroy();
      silent.close();
    });
    const port = (silent.address() as { port: number }).port;
    const silentHome = homeWithConfig(
      [
        'Host berth-test-silent',
        '  HostName 127.0.0.1',
        `  Port ${port}`,
        '  User root',
        '  ConnectTimeout 1',
      ],
      `[127.0.0.1]:${port}`,
    );
    const p = await problemFor(sshEnv('ssh://berth-test-silent', undefined, silentHome));
    assert.equal(p.code, 'ssh-connect-timeout', JSON.stringify(p));
    assert.equal(p.message, `root@127.0.0.1:${port} did not complete the SSH handshake within 1 s`);
    assert.ok(p.fix.includes(`ssh -p ${port} root@127.0.0.1 true`), p.fix);
    assert.ok(p.fix.includes(`${path.join(silentHome, '.ssh', 'config')} line 5`), p.fix);
    assert.equal(held.length, 1, 'Berth did not reach the silent host, or reached it more than once');
  });

  void test('the host is down: nothing accepts connections, with SSH advice', async (t) => {
    if (!ready(t)) return;
    const port = await freePort();
    const p = await problemFor(sshEnv(`ssh://root@127.0.0.1:${port}`));
    assert.equal(p.code, 'connection-refused', JSON.stringify(p));
    assert.equal(p.message, `Nothing accepts connections at 127.0.0.1:${port}`);
    assert.match(p.fix, /SSH server/);
    assert.doesNotMatch(p.fix, /-H tcp/);
  });

  void test('logged in, but no docker CLI on the remote PATH: dial-stdio is named with what the shell said', async (t) => {
    if (!ready(t)) return;
    noDocker = new SshServer({ remotePath: '/nonexistent' });
    await noDocker.start();
    const trusting = homeWithKnownHosts([`[127.0.0.1]:${noDocker.port} ${noDocker.hostKeyLine()}`]);
    const p = await problemFor(sshEnv(noDocker.host(), noDocker.agentSocket, trusting));
    assert.equal(p.code, 'ssh-dial-stdio', JSON.stringify(p));
    assert.match(p.message, /docker system dial-stdio/);
    assert.match(p.message, /docker: (command )?not found|No such file/, p.message);
    assert.match(p.detail ?? '', /exited with 127/);
    assert.match(noDocker.log, /Accepted publickey for root/);
  });

  void test("the client bundled as esbuild.mjs ships it logs in without ssh2's native add-ons", async (t) => {
    if (!ready(t)) return;
    // Outside the repository, so that neither cpu-features nor sshcrypto.node can be found: the
    // installed extension has no node_modules either.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bundle-'));
    try {
      const bundle = path.join(dir, 'connection.js');
      await esbuild.build({
        stdin: {
          contents: `export { connect } from ${JSON.stringify(path.join(repo, 'client/src/engine/transport/connect'))};`,
          resolveDir: repo,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: shippedExternals(),
        outfile: bundle,
        logLevel: 'silent',
      });
      const probe = path.join(dir, 'probe.js');
      fs.writeFileSync(
        probe,
        [
          `const natives = ['cpu-features'].filter((m) => { try { require.resolve(m); return true; } catch { return false; } });`,
          `require(${JSON.stringify(bundle)}).connect({ timeoutMs: 60000 }).then((r) => {`,
          `  console.log(JSON.stringify({ natives, ok: r.ok, version: r.ok ? r.info.version : undefined, problem: r.ok ? undefined : r.problem }));`,
          `  process.exit(0);`,
          `});`,
        ].join('\n'),
      );
      // The extension host hands Berth its own process.env: so does this child.
      const { stdout } = await promisify(execFile)(process.execPath, [probe], {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          HOME: homeWithKnownHosts([`[127.0.0.1]:${server!.port} ${server!.hostKeyLine()}`]),
          DOCKER_HOST: server!.host(),
          SSH_AUTH_SOCK: server!.agentSocket,
        },
        timeout: 120_000,
      });
      const result = JSON.parse(stdout.trim().split('\n').pop()!) as {
        natives: string[];
        ok: boolean;
        version?: string;
      };
      assert.deepEqual(result.natives, [], 'the probe could reach native add-ons');
      assert.ok(result.ok, stdout);
      assert.match(result.version ?? '', /^\d+\.\d+/);
      assert.ok(
        !fs.readFileSync(bundle, 'utf8').includes('require("ssh2")'),
        'ssh2 was left out of the bundle',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The `external` list of esbuild.mjs's shared options, so this test bundles what ships. */
function shippedExternals(): string[] {
  const script = fs.readFileSync(path.join(repo, 'esbuild.mjs'), 'utf8');
  const list = /const common = \{[\s\S]*?external: \[([^\]]*)\]/.exec(script);
  assert.ok(list, 'esbuild.mjs no longer has an external list in `common`');
  return [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}
